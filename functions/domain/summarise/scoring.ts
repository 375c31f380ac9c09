// How newsworthy each sentence is on its own: position in the report, the people, places, numbers and
// dates it names, the title's and the topic's words, outcome cues, and novelty against the topic's
// earlier developments (what changed) — minus boilerplate, background and sentences that lean on the
// one before them. Reads the analysis layers; the headline and key points are chosen from these scores.
import type { Analysis, Sentence } from './analysis-types';
import { findDates } from './dates';
import { attributedToPronoun, contentTokens, shingles, wordCount } from './text';

export interface ScoredSentence {
  index: number;
  text: string;
  score: number;
  words: number;
  /** Opens on a word whose antecedent is in the sentence before ("He", "Those talks", "Such proposals"). */
  anaphoric: boolean;
  /** Mostly a quotation: a voice, shown with the quotes, not a line of the summary. */
  quotation: boolean;
  background: boolean;
  /** Place in the report counted from its first sentence of news (an editor's note or byline before it is not the lead). */
  position: number;
}

const BOILERPLATE =
  /\b(editor's note|the story was updated|has not responded|did not respond|did not immediately respond|request for comment|subscribe|sign up|read more|click here|photo:|this article|newsletter|contributed (?:to )?(?:this |the )?(?:report|reporting|story|article)|all rights reserved)\b|^[-–—\s]*with (?:help|assistance|additional reporting|reporting) (?:from|by)\b|^\(?(?:additional )?(?:reporting|writing|editing) by\b|^sources?:\s|\b(?:an?|the) [\w-]+ correspondent reports?\.?$|^[\w.-]+(?: [\w.-]+)? reports? (?:this|that|it)(?:,)? (?:with reference to|citing|referring to)\b|^[^,;]{3,60}? (?:reported|announced|stated|wrote|posted|said|shared|confirmed) (?:this|that|it|so)(?: (?:on|in|via|to|through) [^,;]{2,40})?(?:,\s*[\w.-]+(?: [\w.-]+)? (?:saw|learned|reports?|has learned|has seen))?\.?$|^(?:updated|last updated|published|first published|posted)\b[^.;]{0,60}\b(?:\d{1,2}[:.]\d{2}|a\.m\.|p\.m\.|AM|PM|GMT|UTC|ET|EST|EDT|BST|CET)\b/i;
/** "By JAMES HOLLAND and RENATA OSTROWSKA Associated Press": the byline, not a sentence of the report. */
const BYLINE = /^By\s+(?:(?:\p{Lu}[\p{L}'’.-]*|and|,)\s*)+\.?$/u;
/** Phrasings that place a sentence in the past of the story, not in its news. */
const BACKGROUND =
  /\b(previously|has long|have long|long-standing|longstanding|for years|in recent years|since the start of|full-scale invasion|began (?:in|on|almost|nearly|more than)|launched (?:in|on)|last year|earlier this year|in the past|years ago|dating back)\b/i;
export const ANAPHORIC =
  /^(?:he|she|they|it|this|that|these|those|such|his|her|their|its|both|there|according to (?:him|her|them)|the (?:two|three|four|remaining|latter|former|same|other)(?!-)|(?:this|that|these|those|such) \w+)\b/i;
/**
 * "Umerov was more measured.", "The minister struck a more guarded tone.", "Zakharova went further in
 * comments to state media.": a short sentence that only
 * sets one speaker against the one before; without that one it tells the reader nothing.
 */
const COMPARED =
  /\b(?:(?:was|were|is|are|sounded|seemed|appeared|struck|took|sounding)\s+(?:an?\s+)?(?:far |much |rather |even |somewhat |notably )?(?:more|less)\s+[\w-]+(?:\s+(?:tone|note|line|stance|view|approach))?|went (?:even |much |a step |one step )?further)\b/i;
/** The comparison closes the sentence ("Umerov, who took over last month, was more measured."). */
const COMPARED_END = new RegExp(`${COMPARED.source}(?:\\s+[\\w-]+){0,3}[.!?]$`, 'i');
export const OUTCOME_CUES =
  /\b(agreed|agreement|deal|breakthrough|rejected|accepted|drafted|ended|concluded|will continue|next steps|ruled out|signed|progress|framework|plan|compromise|ceasefire|truce|refused|no concrete|without)\b/gi;

export interface ScoringContext {
  keywords: readonly string[];
  /** 3-word shingles of earlier developments of the same topic. */
  seen: Set<string>;
}

export function scoreSentences(a: Analysis, ctx: ScoringContext): ScoredSentence[] {
  const titleTokens = new Set(contentTokens(a.title));
  const keywordTokens = new Set(ctx.keywords.flatMap((k) => contentTokens(k)));
  // "Editor's note: …", a byline or an update stamp above the story: the lead is the first sentence after.
  const first = a.sentences.find((s) => !notProse(s));
  const offset = { index: first?.index ?? 0, paragraph: first?.paragraph ?? 0 };
  return a.sentences.map((s) => score(s, a, titleTokens, keywordTokens, ctx.seen, offset));
}

function notProse(s: Sentence): boolean {
  return (
    s.oversize ||
    fragment(s) ||
    BOILERPLATE.test(s.text) ||
    BYLINE.test(s.text) ||
    wordCount(s.text) < 5 ||
    SHOUTED.test(s.text.replace(/[^\p{L}\s]/gu, ''))
  );
}

/**
 * "A month on the picket lines. Lost paychecks. Idled plants from Michigan to Mexico.": a feature's
 * opening scene in phrases without a clause. A short sentence is one when no verb outside its quotations
 * has a word before it that could be its subject. Longer sentences are never judged so: the tagger may
 * read a headline verb ("talks stall") as a noun.
 */
function fragment(s: Sentence): boolean {
  if (wordCount(s.text) > 12) return false;
  return !s.tokens.some(
    (t, k) =>
      !s.quoted[k] &&
      /^(?:VERB|AUX)$/.test(t.pos) &&
      s.tokens.slice(0, k).some((b) => /^(?:NOUN|PROPN|PRON|NUM)$/.test(b.pos)),
  );
}

/** "KREMLIN WARNS AGAINST A TEMPORARY CEASEFIRE": a subheading in capitals, not a line of the report. */
const SHOUTED = /^\s*(?:\p{Lu}{2,}\s+){3,}\p{Lu}{2,}\s*$/u;

function score(
  s: Sentence,
  a: Analysis,
  titleTokens: Set<string>,
  keywordTokens: Set<string>,
  seen: Set<string>,
  offset: { index: number; paragraph: number },
): ScoredSentence {
  const text = s.text;
  const words = wordCount(text);
  const quotedWords = s.quoted.filter(Boolean).length;
  const wordTokens = s.tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text)).length || 1;
  const quotation = quotedWords / wordTokens > 0.5;
  const anaphoric =
    ANAPHORIC.test(text.replace(/^["“]/, '')) ||
    attributedToPronoun(text) ||
    // "The tone has softened since.": since what, the sentence before says.
    /\bsince[.!]["”]?$/.test(text) ||
    (COMPARED.test(text) && (words <= 14 || COMPARED_END.test(text)));
  const dates = findDates(text, a.published);
  const stale = dates.some((d) => Date.parse(d.date) < a.published.getTime() - 14 * 86_400_000);
  // Background is judged on the main clause: "the ceasefire that Kyiv has long sought" is still news.
  const mainClause = text.split(/,?\s+(?:which|who|that|whom|where)\s+/)[0]!;
  const background =
    BACKGROUND.test(mainClause) || (stale && !dates.some((d) => sameWeek(d.date, a.published)));
  const position = Math.max(0, s.index - offset.index);
  const base = { index: s.index, text, words, anaphoric, quotation, background, position };
  if (notProse(s)) return { ...base, score: -10 };

  // Lead sentences carry the news; the first paragraph most of all.
  let value = 1.6 / (1 + 0.35 * position) + (s.paragraph === offset.paragraph ? 0.3 : 0);
  const people = new Set(
    s.mentions
      .filter((m) => !m.inQuote && m.entity?.kind === 'person' && !m.entity.reporter)
      .map((m) => m.entity!.name),
  );
  value += 0.3 * Math.min(people.size, 3);
  const places = s.mentions.filter((m) => !m.inQuote && m.entity?.kind === 'place').length;
  value += 0.15 * Math.min(places, 2);
  const tokens = new Set(contentTokens(text));
  let titleShared = 0;
  for (const t of tokens) if (titleTokens.has(t)) titleShared++;
  value += 0.25 * Math.min(titleShared, 5);
  let keywordHits = 0;
  for (const t of tokens) if (keywordTokens.has(t)) keywordHits++;
  value += 0.12 * Math.min(keywordHits, 5);
  if (dates.length > 0) value += 0.3;
  if (/\b\d+(?:[.,]\d+)?(?:-\w+)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)-\w+/.test(text)) {
    value += 0.15;
  }
  value += 0.2 * Math.min((text.match(OUTCOME_CUES) ?? []).length, 3);
  if (quotation) value -= 0.8;
  if (background) value -= 0.7;
  if (anaphoric) value -= 0.6;
  if (words < 8) value -= 0.8;
  if (words > 45) value -= 0.4;
  if (seen.size > 0) {
    const own = shingles(text);
    let repeated = 0;
    for (const sh of own) if (seen.has(sh)) repeated++;
    value -= 1.5 * (own.size > 0 ? repeated / own.size : 0);
  }
  return { ...base, score: value };
}

function sameWeek(day: string, published: Date): boolean {
  return Math.abs(Date.parse(day) - published.getTime()) <= 7 * 86_400_000;
}
