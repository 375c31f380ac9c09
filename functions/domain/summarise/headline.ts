// The headline summary: the news sentence first, then the one to three sentences that add the most other
// facts (people, places, numbers, outcomes, the title's words) within 70 words — a concept-coverage
// objective, so a sentence that repeats another earns nothing. Sentences are whole; each may be used
// in a trimmed version (trim.ts). A sentence that leans on the one before it is only used right after it.
import type { Analysis, Entity } from './analysis-types';
import { isPlace } from './lexicon';
import { OUTCOME_CUES, type ScoredSentence } from './scoring';
import { contentTokens, escapeRegExp, jaccard, shortName, wordCount } from './text';
import { type Trimmed, trimVariants } from './trim';

export const SUMMARY_MAX_WORDS = 70;
const CANDIDATES = 12;
/** Four sentences are tried only when their untrimmed length leaves trimming a chance to fit them. */
const FOUR_SENTENCES_MAX_WORDS = 90;

interface Candidate extends ScoredSentence {
  variants: Trimmed[];
}

/**
 * Sentences worth a line. A sentence that is mostly a quotation is kept for the headline only (a lead
 * such as "the joint statement said: '…'" may be the news); key points leave quotations to the quotes.
 */
export function ranked(scored: readonly ScoredSentence[], quotations = false): ScoredSentence[] {
  return scored
    .filter((s) => s.score > -5 && (quotations || !s.quotation))
    .sort((a, b) => b.score - a.score || a.index - b.index);
}

export function redundant(text: string, chosen: readonly string[]): boolean {
  const tokens = new Set(contentTokens(text));
  return chosen.some((c) => jaccard(tokens, new Set(contentTokens(c))) > 0.5);
}

/** The facts a text states, each with the weight a reader would give it. */
function concepts(
  text: string,
  a: Analysis,
  titleTokens: Set<string>,
  frequent: Map<string, number>,
  mentionCounts: Map<Entity, number>,
): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: string, weight: number) => out.set(key, Math.max(out.get(key) ?? 0, weight));
  for (const e of a.entities) {
    if (e.kind === 'media' || e.reporter) continue;
    const names = [e.name, ...(e.entry?.aliases ?? []), e.name.split(/\s+/).at(-1)!];
    if (
      names.some(
        (n) => n.length > 2 && new RegExp(`(?<![\\p{L}])${escapeRegExp(n)}(?![\\p{L}])`, 'u').test(text),
      )
    ) {
      // The people and places a report keeps returning to are its story; a name met once is detail.
      const salience = 0.4 + 0.2 * Math.min((mentionCounts.get(e) ?? 1) - 1, 3);
      add(`${e.kind}:${e.name}`, (e.kind === 'person' ? 1 : 0.8) * salience);
    }
  }
  for (const m of text.matchAll(
    /\b\d+(?:[.,]\d+)?(?:-[a-z]+|%| percent)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)-[a-z]+/gi,
  )) {
    add(`number:${m[0].toLowerCase()}`, /-|%|percent/.test(m[0]) ? 1 : 0.4);
  }
  for (const m of text.matchAll(OUTCOME_CUES)) add(`cue:${m[0].toLowerCase()}`, 1.0);
  // What did not happen is news too: "no concrete deal", "could not agree", "would not accept".
  for (const m of text.matchAll(/\b(?:no|not|never|without|neither|n't)\s+(?:\w+\s+)?(\w+)/gi)) {
    add(`not:${m[1]!.toLowerCase()}`, 0.8);
  }
  for (const t of contentTokens(text)) {
    if (titleTokens.has(t)) add(`title:${t}`, 0.35);
    // Words the report keeps coming back to are what it is about.
    add(`word:${t}`, 0.08 * Math.min(frequent.get(t) ?? 0, 4));
  }
  return out;
}

/**
 * Readers meet people by their full names: the first mention of "Witkoff" becomes "Steve Witkoff" when
 * the report (or the catalogue) knows the full name, unless the name only modifies ("the Trump
 * administration") or the given name is already there.
 */
export function fullNamesOnFirstMention(text: string, a: Analysis): string {
  let out = text;
  for (const e of a.entities) {
    if (e.kind !== 'person' || e.partial) continue;
    const parts = e.name.split(/\s+/);
    if (parts.length < 2) continue;
    const surname = shortName(e.name);
    // "Somalia's President …" is never "Villa Somalia's President …": a place's name stays a place.
    if (surname === e.name || isPlace(surname)) continue;
    if (out.includes(e.name)) continue;
    const aliases = [...(e.entry?.aliases ?? []), surname].filter((x) => !x.includes(' ') || x === surname);
    const re = new RegExp(`(?<![\\p{L}])(${aliases.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'u');
    const m = re.exec(out);
    if (!m) continue;
    const before = out.slice(0, m.index);
    if (/\b(?:the|a|an)\s+$/i.test(before)) continue;
    // "De la Fuente": the surname's own particles are already there.
    if (
      /\b(?:de|la|las|los|del|della|di|da|das|dos|du|le|van|von|der|den|ter|al|el|bin|ibn|abu)\s+$/i.test(
        before,
      )
    )
      continue;
    // "Minister Lavrov" keeps its form; a capitalised word that ends the sentence before does not count.
    if (
      /\p{Lu}[\p{L}.]*\s+$/u.test(before) &&
      !/(?:^|[.!?]\s+)\p{Lu}[\p{L}.]*\s+$/u.test(before) &&
      !/\p{L}{2,}[.!?]["”]?\s+$/u.test(before)
    )
      continue;
    out = `${before}${e.name}${out.slice(m.index + m[0].length)}`;
  }
  return out;
}

export function pickHeadline(
  scored: readonly ScoredSentence[],
  a: Analysis,
): { text: string; used: Set<number> } {
  const titleTokens = new Set(contentTokens(a.title));
  const frequent = new Map<string, number>();
  for (const s of scored)
    for (const t of new Set(contentTokens(s.text))) frequent.set(t, (frequent.get(t) ?? 0) + 1);
  for (const [t, n] of frequent) if (n < 2) frequent.delete(t);
  const mentionCounts = new Map<Entity, number>();
  for (const s of a.sentences) {
    for (const m of s.mentions)
      if (m.entity) mentionCounts.set(m.entity, (mentionCounts.get(m.entity) ?? 0) + 1);
  }
  const top: Candidate[] = ranked(scored, true)
    .slice(0, CANDIDATES)
    .map((s) => ({ ...s, variants: trimVariants(a.sentences[s.index]!) }))
    .filter((c) => c.variants.length > 0);
  let best: { value: number; picks: Array<{ index: number; text: string }> } | undefined;
  const consider = (combo: Candidate[], choice: Trimmed[]) => {
    if (choice.reduce((sum, v) => sum + v.words, 0) > SUMMARY_MAX_WORDS) return;
    const ordered = combo
      .map((c, i) => ({
        index: c.index,
        text: choice[i]!.text,
        anaphoric: c.anaphoric && !choice[i]!.resolved,
      }))
      .sort((x, y) => x.index - y.index);
    // A line that leans on the sentence before it ("His comments…") never opens or joins the headline.
    if (ordered.some((p) => p.anaphoric)) return;
    const text = fullNamesOnFirstMention(ordered.map((p) => p.text).join(' '), a);
    if (wordCount(text) > SUMMARY_MAX_WORDS) return;
    if (
      ordered.some((p, i) =>
        redundant(
          p.text,
          ordered.slice(0, i).map((q) => q.text),
        ),
      )
    )
      return;
    let value = 0;
    for (const weight of concepts(text, a, titleTokens, frequent, mentionCounts).values())
      value += 0.5 * weight;
    // The report's own order is evidence of importance: news leads with what matters most.
    value += combo.reduce((sum, c) => sum + 4 / (1 + 0.4 * c.position) - 1, 0);
    value -= choice.reduce((sum, v) => sum + 0.1 * (v.level - 1), 0);
    if (!best || value > best.value) best = { value, picks: ordered };
  };
  const each = (combo: Candidate[], i = 0, choice: Trimmed[] = []) => {
    if (i === combo.length) return consider(combo, choice);
    for (const v of combo[i]!.variants) each(combo, i + 1, [...choice, v]);
  };
  // The best-scored sentence that stands on its own is the news; the others are chosen for what they add.
  const anchor = top.find((c) => !c.anaphoric || c.variants.some((v) => v.resolved));
  if (anchor) {
    each([anchor]);
    for (const second of top) {
      if (second === anchor) continue;
      each([anchor, second]);
      for (const third of top) {
        if (third.index <= second.index || third === anchor) continue;
        each([anchor, second, third]);
        // Four short sentences may say more than three long ones; only sets that trimming could fit.
        for (const fourth of top) {
          if (fourth.index <= third.index || fourth === anchor) continue;
          if (anchor.words + second.words + third.words + fourth.words > FOUR_SENTENCES_MAX_WORDS) continue;
          each([anchor, second, third, fourth]);
        }
      }
    }
  }
  const picks = best?.picks ?? [];
  if (picks.length === 0) return { text: fallback(a), used: new Set() };
  return {
    text: fullNamesOnFirstMention(picks.map((p) => p.text).join(' '), a),
    used: new Set(picks.map((p) => p.index)),
  };
}

/** Nothing fits whole: the report's title, as a sentence. */
function fallback(a: Analysis): string {
  const t = a.title.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
