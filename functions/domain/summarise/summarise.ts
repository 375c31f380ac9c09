// One development in, its summary out: headline (2–3 sentences, at most 70 words), key points, quotes
// with speakers, actors with sides, dated events, outcome and significance. Pure and deterministic.
import type { Summary } from '../developments/types';
import { ActorMatcher } from './actors';
import type { Catalogue } from './catalogue';
import { type DatedEvent, extractEvents } from './events';
import { findProposals, type ProposalMention } from './proposals';
import { extractQuotes } from './quotes';
import { compress, OUTCOME_CUES, type ScoredSentence, scoreSentences } from './scoring';
import { splitSentences } from './sentences';
import { scoreSignificance } from './significance';
import { contentTokens, jaccard, shingles, truncateWords, wordCount } from './text';

export const SUMMARY_MAX_WORDS = 70;

export interface SummariseInput {
  title: string;
  body: string;
  publishedAt: string;
}

export interface SummariseOptions {
  catalogue: Catalogue;
  /** Earlier developments of the same topic: sentences they already told are not news. */
  previous?: ReadonlyArray<{ title: string; body: string }>;
}

export interface FullSummary extends Summary {
  events: DatedEvent[];
  proposals: ProposalMention[];
}

const matchers = new WeakMap<Catalogue, ActorMatcher>();

export function summarise(input: SummariseInput, options: SummariseOptions): FullSummary {
  const { catalogue } = options;
  let actors = matchers.get(catalogue);
  if (!actors) {
    actors = new ActorMatcher(catalogue.actors);
    matchers.set(catalogue, actors);
  }
  const published = new Date(input.publishedAt);
  const sentences = splitSentences(input.body);
  const seen = new Set<string>();
  for (const p of options.previous ?? []) for (const s of shingles(p.body)) seen.add(s);
  const scored = scoreSentences(sentences, {
    title: input.title,
    published,
    actors,
    keywords: catalogue.topic?.keywords ?? [],
    seen,
  });
  const headline = pickHeadline(scored, actors);
  const keyPoints = pickKeyPoints(scored, headline.used);
  return {
    summary: headline.text,
    keyPoints,
    quotes: extractQuotes(sentences, actors),
    actors: actors.mentions(`${input.title}\n${input.body}`),
    events: extractEvents(sentences, published, actors),
    outcome: pickOutcome(input.title, scored),
    significance: scoreSignificance(input.title, sentences, actors),
    proposals: findProposals(sentences, published),
  };
}

function ranked(scored: readonly ScoredSentence[]): ScoredSentence[] {
  return [...scored].filter((s) => s.score > -5).sort((a, b) => b.score - a.score || a.index - b.index);
}

function redundant(text: string, chosen: readonly string[]): boolean {
  const tokens = new Set(contentTokens(text));
  return chosen.some((c) => jaccard(tokens, new Set(contentTokens(c))) > 0.5);
}

/**
 * The best 2–3 sentences that fit the word budget together: every combination of the top candidates
 * is tried (each sentence at the lightest compression that fits), favouring score and distinct people.
 */
function pickHeadline(
  scored: readonly ScoredSentence[],
  actors: ActorMatcher,
): { text: string; used: Set<number> } {
  const top = ranked(scored)
    .slice(0, 9)
    .map((s) => {
      const light = compress(s.text, 1);
      const tight = compress(s.text, 2);
      return { ...s, light, tight, lightWords: wordCount(light), tightWords: wordCount(tight) };
    });
  let best: { value: number; picks: Array<{ index: number; text: string }> } | undefined;
  const consider = (combo: typeof top) => {
    // Each sentence light or tight (2^n variants): tighter text may make room for one more sentence.
    for (let mask = 0; mask < 1 << combo.length; mask++) {
      const picks = combo.map((c, i) => ({ index: c.index, text: mask & (1 << i) ? c.tight : c.light }));
      const total = combo.reduce((sum, c, i) => sum + (mask & (1 << i) ? c.tightWords : c.lightWords), 0);
      if (total > SUMMARY_MAX_WORDS) continue;
      if (
        picks.some((p, i) =>
          redundant(
            p.text,
            picks.slice(0, i).map((q) => q.text),
          ),
        )
      )
        continue;
      const people = new Set(actors.find(picks.map((p) => p.text).join(' ')).map((h) => h.actor.name)).size;
      const tightened = combo.filter((c, i) => mask & (1 << i) && c.tight !== c.light).length;
      // A sentence must earn its place: weak ones (score near 1) add nothing.
      const value = combo.reduce((sum, c) => sum + c.score - 1.2, 0) + 0.25 * people - 0.1 * tightened;
      if (!best || value > best.value) best = { value, picks };
    }
  };
  for (let i = 0; i < top.length; i++) {
    for (let j = i + 1; j < top.length; j++) {
      consider([top[i]!, top[j]!]);
      for (let k = j + 1; k < top.length; k++) consider([top[i]!, top[j]!, top[k]!]);
    }
  }
  if (!best && top[0]) {
    // Nothing fits whole: the best sentence, then the next cut to the remaining budget.
    const first = { index: top[0].index, text: top[0].tight };
    const picks = [first];
    const rest = SUMMARY_MAX_WORDS - top[0].tightWords;
    if (top[1] && rest >= 8) picks.push({ index: top[1].index, text: truncateWords(top[1].tight, rest) });
    else picks[0] = { index: first.index, text: truncateWords(first.text, SUMMARY_MAX_WORDS) };
    best = { value: 0, picks };
  }
  const picks = [...(best?.picks ?? [])].sort((a, b) => a.index - b.index);
  return { text: picks.map((p) => p.text).join(' '), used: new Set(picks.map((p) => p.index)) };
}

function pickKeyPoints(scored: readonly ScoredSentence[], used: Set<number>): string[] {
  const points: Array<{ index: number; text: string }> = [];
  for (const s of ranked(scored)) {
    if (points.length === 5) break;
    if (used.has(s.index)) continue;
    const text = truncateWords(compress(s.text, 2), 35);
    if (
      wordCount(text) < 6 ||
      redundant(
        text,
        points.map((p) => p.text),
      )
    )
      continue;
    points.push({ index: s.index, text });
  }
  return points
    .slice(0, Math.max(3, Math.min(5, points.length)))
    .sort((a, b) => a.index - b.index)
    .map((p) => p.text);
}

function pickOutcome(title: string, scored: readonly ScoredSentence[]): string {
  const cueCount = (t: string) => (t.match(OUTCOME_CUES) ?? []).length;
  const candidates = [
    { text: title.replace(/[.]?$/, '.'), weight: cueCount(title) + 0.5 },
    ...scored
      .filter((s) => s.score > -5)
      .slice(0, 8)
      .map((s) => ({
        text: compress(s.text, 2),
        // A bare quotation is a voice, not an outcome.
        weight: cueCount(s.text) + s.score / 3 - (/^["“]/.test(s.text) ? 1.5 : 0),
      })),
  ];
  const best = candidates.sort((a, b) => b.weight - a.weight)[0];
  return best ? truncateWords(best.text, 35) : '';
}
