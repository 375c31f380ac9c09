// One development in, its summary out: headline (2–3 sentences, at most 70 words), key points, quotes
// with speakers, actors with sides, dated events, outcome and significance. Pure and deterministic.
import type { Summary } from '../developments/types';
import { ActorMatcher } from './actors';
import type { Catalogue } from './catalogue';
import { compress } from './compress';
import { type DatedEvent, extractEvents } from './events';
import { pickHeadline, ranked, redundant, SUMMARY_MAX_WORDS } from './headline';
import { findProposals, type ProposalMention } from './proposals';
import { extractQuotes } from './quotes';
import { OUTCOME_CUES, type ScoredSentence, scoreSentences } from './scoring';
import { splitSentences } from './sentences';
import { scoreSignificance } from './significance';
import { shingles, truncateWords, wordCount } from './text';

export { SUMMARY_MAX_WORDS };

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
  const headline = pickHeadline(scored, actors, input.title);
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

function pickKeyPoints(scored: readonly ScoredSentence[], used: Set<number>): string[] {
  const points: Array<{ index: number; text: string }> = [];
  for (const s of ranked(scored)) {
    if (points.length === 5) break;
    if (used.has(s.index)) continue;
    const text = truncateWords(compress(s.text, 3), 35);
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
        text: compress(s.text, 3),
        // A bare quotation is a voice, not an outcome.
        // A cut-off line reads badly.
        weight:
          cueCount(s.text) +
          s.score / 3 -
          (/^["“]/.test(s.text) ? 1.5 : 0) -
          (wordCount(compress(s.text, 3)) > 35 ? 1 : 0),
      })),
  ];
  const best = candidates.sort((a, b) => b.weight - a.weight)[0];
  return best ? truncateWords(best.text, 35) : '';
}
