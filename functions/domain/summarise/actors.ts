// Finds the catalogue's people, organisations and outlets in text through their spellings (Zelensky,
// Zelenskyy, Zelenskiy…), case-sensitively and on word boundaries so "Xi" never matches inside a word.

import type { ActorEntry } from '../catalogue';
import { roleAt } from './roles';
import { escapeRegExp } from './text';
import type { ActorMention } from './types';

export interface ActorHit {
  actor: ActorEntry;
  index: number;
  end: number;
}

export class ActorMatcher {
  private readonly pattern: RegExp | undefined;
  private readonly byAlias = new Map<string, ActorEntry>();

  constructor(readonly actors: readonly ActorEntry[]) {
    const aliases: string[] = [];
    for (const actor of actors) {
      for (const alias of [actor.name, ...actor.aliases]) {
        for (const spelling of spellings(alias)) {
          if (!this.byAlias.has(spelling)) this.byAlias.set(spelling, actor);
          aliases.push(spelling);
        }
      }
    }
    // Longest first so "Volodymyr Zelensky" wins over "Zelensky".
    aliases.sort((a, b) => b.length - a.length);
    if (aliases.length > 0) {
      const alternation = [...new Set(aliases)].map(escapeRegExp).join('|');
      this.pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'gu');
    }
  }

  /** Every mention in order of appearance, with its position in the text. */
  find(text: string): ActorHit[] {
    if (!this.pattern) return [];
    const hits: ActorHit[] = [];
    for (const m of text.matchAll(this.pattern)) {
      const actor = this.byAlias.get(m[0]);
      if (actor) hits.push({ actor, index: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    }
    return hits;
  }

  /** The entry of the last person or body named in the phrase, if any. */
  lastIn(text: string): ActorEntry | undefined {
    return this.find(text).at(-1)?.actor;
  }

  /**
   * Distinct people and bodies (not news outlets), most-mentioned first, then by first mention, each
   * with the role they held on `day` (YYYY-MM-DD).
   */
  mentions(text: string, day = new Date().toISOString().slice(0, 10)): ActorMention[] {
    const counts = new Map<string, { actor: ActorEntry; count: number; first: number }>();
    for (const hit of this.find(text)) {
      if (hit.actor.kind === 'media') continue;
      const entry = counts.get(hit.actor.name) ?? { actor: hit.actor, count: 0, first: hit.index };
      entry.count++;
      counts.set(hit.actor.name, entry);
    }
    return [...counts.values()]
      .sort((a, b) => b.count - a.count || a.first - b.first)
      .map(({ actor }) => ({ name: actor.name, side: actor.side, role: roleAt(actor, day) }));
  }
}

/** "The Kremlin" at a sentence start is the same body as "the Kremlin". */
function spellings(alias: string): string[] {
  return /^the\s/.test(alias) ? [alias, `T${alias.slice(1)}`, alias.slice(4)] : [alias];
}
