// Extractive sentence scoring: position, people and topic words, numbers and dates, quotes, outcome
// cues, and novelty against the topic's earlier developments (what changed), minus boilerplate.
import type { ActorMatcher } from './actors';
import { findDates } from './dates';
import { placeOf } from './events';
import { contentTokens, shingles, wordCount } from './text';

export interface ScoredSentence {
  index: number;
  text: string;
  score: number;
  words: number;
}

const BOILERPLATE =
  /\b(editor's note|the story was updated|has not responded to|did not respond to|request for comment|subscribe|sign up|read more|click here|photo:|this article|newsletter|contributed reporting)\b/i;
const BACKGROUND =
  /\b(previously|earlier sessions|has long|long been|began in (?:February )?20\d\d|since the start of|full-scale invasion|launched in)\b/i;
const ANAPHORIC = /^(?:Those|These|This|That|It|He|She|They|The three|The two|Both)\b/;
export const OUTCOME_CUES =
  /\b(agreed|agreement|deal|breakthrough|rejected|accepted|drafted|ended|concluded|will continue|next steps|ruled out|signed|progress|framework|plan|compromise|ceasefire|refused|no concrete)\b/gi;

export interface ScoringContext {
  title: string;
  published: Date;
  actors: ActorMatcher;
  keywords: readonly string[];
  /** 3-word shingles of earlier developments of the same topic. */
  seen: Set<string>;
}

export function scoreSentences(sentences: readonly string[], ctx: ScoringContext): ScoredSentence[] {
  const titleTokens = new Set(contentTokens(ctx.title));
  const keywordTokens = new Set(ctx.keywords.flatMap((k) => contentTokens(k)));
  let position = 0;
  return sentences.map((text, index) => {
    const words = wordCount(text);
    if (BOILERPLATE.test(text)) return { index, text, score: -10, words };
    const tokens = contentTokens(text);
    const distinct = new Set(tokens);
    let score = 1.6 / (1 + 0.4 * position);
    position++;
    const people = new Set(ctx.actors.find(text).map((h) => h.actor.name)).size;
    score += 0.3 * Math.min(people, 3);
    let titleShared = 0;
    for (const t of distinct) if (titleTokens.has(t)) titleShared++;
    score += 0.25 * Math.min(titleShared, 5);
    let keywordHits = 0;
    for (const t of distinct) if (keywordTokens.has(t)) keywordHits++;
    score += 0.12 * Math.min(keywordHits, 5);
    if (findDates(text, ctx.published).length > 0) score += 0.3;
    // Named things (places, bodies, people) carry the facts a reader needs.
    const names = new Set(text.slice(1).match(/(?<=\s)\p{Lu}[\p{L}'’-]+/gu) ?? []);
    score += 0.08 * Math.min(names.size, 8);
    if (placeOf(text, ctx.actors)) score += 0.25;
    if (/\b\d+(?:-\w+)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)-\w+/.test(text))
      score += 0.15;
    if (/["“][^"”]{12,}["”]/.test(text)) score += 0.2;
    if (/^["“]/.test(text) && people === 0) score -= 0.4;
    score += 0.2 * Math.min((text.match(OUTCOME_CUES) ?? []).length, 3);
    if (BACKGROUND.test(text)) score -= 0.5;
    // "Those discussions…", "The three then…": needs the previous sentence to make sense.
    if (ANAPHORIC.test(text)) score -= 0.6;
    if (words < 8) score -= 0.8;
    if (words > 45) score -= 0.4;
    if (ctx.seen.size > 0) {
      const own = shingles(text);
      let repeated = 0;
      for (const s of own) if (ctx.seen.has(s)) repeated++;
      score -= 1.5 * (own.size > 0 ? repeated / own.size : 0);
    }
    return { index, text, score, words };
  });
}
