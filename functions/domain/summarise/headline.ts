// The headline summary: the 2–3 sentences that, within the word budget, cover the most distinct facts
// (people, places, numbers, outcomes, the title's words) — a concept-coverage objective, so a second
// sentence that repeats the first earns nothing — with each sentence compressed as far as it needs.
import type { ActorMatcher } from './actors';
import { type CompressionLevel, compress } from './compress';
import { PLACE_PATTERN } from './events';
import { OUTCOME_CUES, type ScoredSentence } from './scoring';
import { contentTokens, jaccard, truncateWords, wordCount } from './text';

export const SUMMARY_MAX_WORDS = 70;
const CANDIDATES = 14;
const LEVELS: CompressionLevel[] = [1, 2, 3];
const ROLE_WORDS =
  /^(?:President|Prime|Minister|Secretary|Special|Envoy|Chancellor|Spokesperson|Aide|Adviser|Advisor|Top|Senior|Chief|Foreign|Defense|State|Russian|Ukrainian|American|European|French|British|German|U\.S\.|US|UK|U\.K\.)$/;

interface Variant {
  text: string;
  words: number;
  level: CompressionLevel;
}

interface Candidate extends ScoredSentence {
  variants: Variant[];
}

export function ranked(scored: readonly ScoredSentence[]): ScoredSentence[] {
  return [...scored].filter((s) => s.score > -5).sort((a, b) => b.score - a.score || a.index - b.index);
}

export function redundant(text: string, chosen: readonly string[]): boolean {
  const tokens = new Set(contentTokens(text));
  return chosen.some((c) => jaccard(tokens, new Set(contentTokens(c))) > 0.5);
}

/** The facts a text states, each with the weight a reader would give it. */
function concepts(
  text: string,
  actors: ActorMatcher,
  titleTokens: Set<string>,
  frequent: Map<string, number>,
): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: string, weight: number) => out.set(key, Math.max(out.get(key) ?? 0, weight));
  for (const hit of actors.find(text)) {
    // "Putin's special envoy" is about the envoy: a possessive mention says little about Putin.
    add(`actor:${hit.actor.name}`, /^['’]s\b/.test(text.slice(hit.end)) ? 0.3 : 1);
  }
  for (const m of text.matchAll(new RegExp(PLACE_PATTERN.source, 'g'))) add(`place:${m[1]}`, 0.8);
  // "five-hour", "28-point": a measured fact; a bare day number mostly repeats a date.
  for (const m of text.matchAll(
    /\b\d+(?:-[a-z]+)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)-[a-z]+/gi,
  ))
    add(`number:${m[0].toLowerCase()}`, m[0].includes('-') ? 1 : 0.4);
  for (const m of text.matchAll(OUTCOME_CUES)) add(`cue:${m[0].toLowerCase()}`, 1.0);
  for (const t of contentTokens(text)) {
    if (titleTokens.has(t)) add(`title:${t}`, 0.35);
    // Words the report keeps coming back to are what it is about (document frequency).
    add(`word:${t}`, 0.08 * Math.min(frequent.get(t) ?? 0, 4));
  }
  // Other names (bodies, outlets, places the list lacks); titles such as "President" are not facts.
  const named = new Set(actors.find(text).flatMap((h) => text.slice(h.index, h.end).split(/\s+/)));
  for (const m of text.slice(1).matchAll(/(?<=\s)\p{Lu}[\p{L}-]+/gu)) {
    if (!named.has(m[0]) && !ROLE_WORDS.test(m[0])) add(`name:${m[0]}`, 0.15);
  }
  return out;
}

/**
 * Readers meet people by their full names: the first mention of "Witkoff" becomes "Steve Witkoff"
 * when the catalogue's name ends with the alias the report used.
 */
export function fullNamesOnFirstMention(text: string, actors: ActorMatcher): string {
  const seen = new Set<string>();
  let out = '';
  let last = 0;
  for (const hit of actors.find(text)) {
    const { name } = hit.actor;
    if (seen.has(name)) continue;
    // "the Trump administration": a name used as a modifier is not where a reader meets the person.
    if (/\b(?:the|a|an)\s+$/i.test(text.slice(Math.max(0, hit.index - 5), hit.index))) continue;
    seen.add(name);
    const alias = text.slice(hit.index, hit.end);
    if (alias === name || !name.endsWith(` ${alias}`)) continue;
    const given = name.slice(0, name.length - alias.length).trim();
    if (text.slice(0, hit.index).trimEnd().endsWith(given)) continue;
    out += `${text.slice(last, hit.index)}${name}`;
    last = hit.end;
  }
  return out + text.slice(last);
}

export function pickHeadline(
  scored: readonly ScoredSentence[],
  actors: ActorMatcher,
  title: string,
): { text: string; used: Set<number> } {
  const titleTokens = new Set(contentTokens(title));
  const frequent = new Map<string, number>();
  for (const s of scored)
    for (const t of new Set(contentTokens(s.text))) frequent.set(t, (frequent.get(t) ?? 0) + 1);
  for (const [t, n] of frequent) if (n < 2) frequent.delete(t);
  const top: Candidate[] = ranked(scored)
    .slice(0, CANDIDATES)
    .map((s) => {
      const variants: Variant[] = [];
      for (const level of LEVELS) {
        const text = compress(s.text, level);
        if (variants.some((v) => v.text === text)) continue;
        variants.push({ text, words: wordCount(text), level });
      }
      return { ...s, variants };
    });
  let best: { value: number; picks: Array<{ index: number; text: string }> } | undefined;
  const consider = (combo: Candidate[], choice: Variant[]) => {
    const budget = choice.reduce((sum, v) => sum + v.words, 0);
    if (budget > SUMMARY_MAX_WORDS) return;
    const ordered = combo
      .map((c, i) => ({ index: c.index, text: choice[i]!.text }))
      .sort((a, b) => a.index - b.index);
    const text = fullNamesOnFirstMention(ordered.map((p) => p.text).join(' '), actors);
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
    for (const weight of concepts(text, actors, titleTokens, frequent).values()) value += 0.5 * weight;
    // Sentence quality still counts (lead position, novelty), and each cut costs a little readability.
    value += combo.reduce((sum, c) => sum + (c.score - 1.5), 0);
    value -= choice.reduce((sum, v) => sum + 0.15 * (v.level - 1), 0);
    if (!best || value > best.value) best = { value, picks: ordered };
  };
  const each = (combo: Candidate[], i = 0, choice: Variant[] = []) => {
    if (i === combo.length) return consider(combo, choice);
    for (const v of combo[i]!.variants) each(combo, i + 1, [...choice, v]);
  };
  // The best-scored sentence is the news; the others are chosen for what they add to it.
  const anchor = top[0];
  for (let j = 1; anchor && j < top.length; j++) {
    each([anchor, top[j]!]);
    for (let k = j + 1; k < top.length; k++) each([anchor, top[j]!, top[k]!]);
  }
  if (!best && top[0]) {
    // Nothing fits whole: the best sentence, then the next cut to the remaining budget.
    const first = top[0].variants.at(-1)!;
    const picks = [{ index: top[0].index, text: first.text }];
    const rest = SUMMARY_MAX_WORDS - first.words;
    if (top[1] && rest >= 8)
      picks.push({ index: top[1].index, text: truncateWords(top[1].variants.at(-1)!.text, rest) });
    else picks[0] = { index: top[0].index, text: truncateWords(first.text, SUMMARY_MAX_WORDS) };
    best = { value: 0, picks };
  }
  const picks = best?.picks ?? [];
  return {
    text: fullNamesOnFirstMention(picks.map((p) => p.text).join(' '), actors),
    used: new Set(picks.map((p) => p.index)),
  };
}
