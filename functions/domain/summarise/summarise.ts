// One development in, its summary out: headline (at most 70 words, whole sentences), key points, quotes
// with speakers, actors with sides, dated events, outcome and significance. Pure and deterministic: the
// report is analysed once (analysis.ts) and every part is selected from those layers.

import type { TopicCatalogue } from '../catalogue';
import { ActorMatcher } from './actors';
import { type Analysis, analyse } from './analysis';
import { type DatedEvent, extractEvents } from './events';
import { pickHeadline, ranked, redundant, SUMMARY_MAX_WORDS } from './headline';
import { findProposals, type ProposalMention } from './proposals';
import { extractQuotes } from './quotes';
import { OUTCOME_CUES, type ScoredSentence, scoreSentences } from './scoring';
import { scoreSignificance } from './significance';
import { shingles } from './text';
import { trimVariants } from './trim';
import type { ActorMention, Summary } from './types';

export { SUMMARY_MAX_WORDS };

/** Key points and the outcome are single lines: longer sentences are passed over, not cut. */
const LINE_MAX_WORDS = 40;

export interface SummariseInput {
  title: string;
  body: string;
  publishedAt: string;
}

export interface SummariseOptions {
  catalogue: TopicCatalogue;
  /** Earlier developments of the same topic: sentences they already told are not news. */
  previous?: ReadonlyArray<{ title: string; body: string }>;
}

export interface FullSummary extends Summary {
  events: DatedEvent[];
  proposals: ProposalMention[];
}

const matchers = new WeakMap<TopicCatalogue, ActorMatcher>();

export function summarise(input: SummariseInput, options: SummariseOptions): FullSummary {
  const { catalogue } = options;
  let actors = matchers.get(catalogue);
  if (!actors) {
    actors = new ActorMatcher(catalogue.actors);
    matchers.set(catalogue, actors);
  }
  const analysis = analyse(input, actors);
  const seen = new Set<string>();
  for (const p of options.previous ?? []) for (const s of shingles(p.body)) seen.add(s);
  const scored = scoreSentences(analysis, { keywords: catalogue.topic?.keywords ?? [], seen });
  const headline = pickHeadline(scored, analysis);
  const keyPoints = pickKeyPoints(scored, analysis, headline.used, headline.text);
  const sentences = analysis.sentences.map((s) => s.text);
  return {
    summary: headline.text,
    keyPoints,
    quotes: extractQuotes(analysis),
    actors: actorsOf(analysis),
    events: extractEvents(analysis),
    outcome: pickOutcome(analysis, scored),
    significance: scoreSignificance(analysis),
    proposals: findProposals(sentences, analysis.published),
  };
}

/** A sentence as one line: its longest version within the line budget that stands on its own. */
function asLine(a: Analysis, index: number, anaphoric = false): string | undefined {
  return trimVariants(a.sentences[index]!).find(
    (v) => v.words <= LINE_MAX_WORDS && (!anaphoric || v.resolved),
  )?.text;
}

function pickKeyPoints(
  scored: readonly ScoredSentence[],
  a: Analysis,
  used: Set<number>,
  headline: string,
): string[] {
  const points: Array<{ index: number; text: string }> = [];
  for (const s of ranked(scored)) {
    if (points.length === 5) break;
    if (used.has(s.index) || s.background) continue;
    const text = asLine(a, s.index, s.anaphoric);
    if (!text || text.split(/\s+/).length < 6) continue;
    if (redundant(text, [headline, ...points.map((p) => p.text)])) continue;
    points.push({ index: s.index, text });
  }
  return points.sort((x, y) => x.index - y.index).map((p) => p.text);
}

function pickOutcome(a: Analysis, scored: readonly ScoredSentence[]): string {
  const cueCount = (t: string) => (t.match(OUTCOME_CUES) ?? []).length;
  const title = a.title.trim().replace(/[.]?$/, '.');
  let best = { text: title, weight: cueCount(title) + 0.5 };
  for (const s of ranked(scored).slice(0, 8)) {
    const text = asLine(a, s.index, s.anaphoric);
    if (!text) continue;
    const weight = cueCount(text) + s.score / 3;
    if (weight > best.weight) best = { text, weight };
  }
  return best.text;
}

/** People and bodies the report names, most-mentioned first, with their side and role on the day. */
function actorsOf(a: Analysis): ActorMention[] {
  const counts = new Map<number, number>();
  for (const s of a.sentences) {
    for (const m of s.mentions) {
      const e = m.entity;
      if (!e || e.id < 0 || e.reporter || e.partial || !['person', 'organisation'].includes(e.kind)) continue;
      counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
    }
  }
  return a.entities
    .filter((e) => counts.has(e.id))
    .sort((x, y) => counts.get(y.id)! - counts.get(x.id)! || x.id - y.id)
    .map((e) => ({ name: e.name, side: e.side, role: e.roles.at(-1) ?? e.roles[0] ?? '' }));
}
