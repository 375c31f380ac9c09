// Sentence splitting that survives news abbreviations: titles (Mr., Lt. Gen.), months (Dec. 2),
// initialisms (U.S., U.K.), times (5 p.m.) and initials (J. D. Vance). Paragraph breaks always split;
// a quotation keeps its attribution ("…right now.” Trump said.") in the same sentence.
import { REPORTING_VERBS } from './lexicon';
import { normaliseText } from './text';

export interface SentenceSpan {
  text: string;
  /** Offset of the sentence in its paragraph. */
  start: number;
}

/** Never end a sentence: the next word belongs to the same noun phrase or date. */
const ALWAYS_JOIN = new Set(
  (
    'mr mrs ms dr prof gen lt col maj sgt capt cmdr adm sen sens rep reps gov govs pres st jr sr rev fr hon amb dept ' +
    'no nos vol fig art sec gen jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs ' +
    'fri sat sun vs approx est ft mt'
  ).split(' '),
);

/** May end a sentence only when the next word plainly starts a new one ("…in the U.S. The talks…"). */
const SOMETIMES_JOIN = new Set(['a.m', 'p.m', 'etc', 'inc', 'corp', 'co', 'ltd', 'jr', 'sr', 'bros']);

const SENTENCE_STARTERS = new Set(
  (
    'the a an he she it they we i you his her their its this that these those there in on at after before ' +
    'but and however meanwhile while when if as earlier later since during according what why how some many ' +
    'both one two three no not asked speaking last next then yet still for with by under'
  ).split(' '),
);

const QUOTE_OR_BRACKET = `"'”’)\\]`;
const BOUNDARY = new RegExp(`([.!?…]+)([${QUOTE_OR_BRACKET}]*)(\\s+)(?=[\\p{Lu}\\p{N}"“'‘(\\[])`, 'gu');

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of normaliseText(text).split(/\n+/)) {
    const p = paragraph.trim();
    if (p) out.push(...splitParagraph(p).map((s) => s.text));
  }
  return out;
}

/** One paragraph's sentences with their offsets (the paragraph is used as given). */
export function splitParagraph(p: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  let start = 0;
  const quoted = insideQuotes(p);
  for (const match of p.matchAll(BOUNDARY)) {
    if (quoted(match.index ?? 0)) continue;
    const punctEnd = (match.index ?? 0) + match[1]!.length;
    const end = punctEnd + match[2]!.length;
    const next = end + match[3]!.length;
    if (!isBoundary(p, match.index ?? 0, match[1]!, match[2]!, next)) continue;
    // '"…right now." Trump said.' is one sentence; '… would "head home." Israel said …' is two: the
    // quotation that closes is the sentence's own opening, not a part of a clause with its own verb.
    if (/["”]/.test(match[2]!) && /^["“]/.test(p.slice(start)) && isAttribution(p.slice(next))) continue;
    push(sentences, p, start, end);
    start = next;
  }
  push(sentences, p, start, p.length);
  return sentences;
}

function push(out: SentenceSpan[], p: string, from: number, to: number): void {
  const raw = p.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text) out.push({ text, start: from + lead });
}

/** "Trump said." / "Zelensky wrote on Telegram." after a closing quote: the quote's attribution. */
function isAttribution(rest: string): boolean {
  const m = /^((?:[\p{Lu}][\p{L}.'’-]*\s+){1,4})(\p{Ll}+)\b([^.!?"“”]{0,60})[.!?]/u.exec(rest);
  if (!m || !REPORTING_VERBS.has(m[2]!)) return false;
  // A new sentence that merely opens with a name and a verb goes on with an object or a clause.
  return !/["“”]/.test(m[3]!) && m[3]!.split(/\s+/).filter(Boolean).length <= 8;
}

/**
 * A quotation that runs over several sentences stays one sentence, so its attribution ("…," he said)
 * stays with it. Only trusted when the paragraph's double quotes balance.
 */
function insideQuotes(p: string): (index: number) => boolean {
  const spans: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    const opening = ch === '“' || (ch === '"' && open < 0);
    const closing = ch === '”' || (ch === '"' && open >= 0);
    if (opening && open < 0) open = i;
    else if (closing && open >= 0) {
      spans.push([open, i]);
      open = -1;
    } else if (ch === '“' || ch === '”') return () => false;
  }
  if (open >= 0) return () => false;
  return (index) => spans.some(([s, e]) => index > s && index < e - 1);
}

function isBoundary(p: string, at: number, punct: string, closers: string, nextStart: number): boolean {
  if (punct !== '.' || closers) return true;
  const before = p.slice(0, at);
  const token = /(\S+)$/.exec(before)?.[1] ?? '';
  const bare = token.replace(/^[("“'‘[]+/, '');
  const lower = bare.toLowerCase();
  const next = /^["“'‘(]*([\p{L}\p{N}'’-]+)/u.exec(p.slice(nextStart))?.[1] ?? '';
  const nextStartsSentence = SENTENCE_STARTERS.has(next.toLowerCase());
  if (ALWAYS_JOIN.has(lower)) return false;
  if (SOMETIMES_JOIN.has(lower)) return nextStartsSentence;
  // Initialisms (U.S, U.K, E.U) and single initials (J. D. Vance).
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare)) return nextStartsSentence;
  // A single capital is an initial after a capitalised word ("Donald J. Trump", "J. D. Vance"); after a
  // lower-case word it is a word of its own ("wrote on X. Sybiha said", "Plan B" aside).
  if (/^\p{Lu}$/u.test(bare)) {
    const previous = /(\S+)\s+$/.exec(before.slice(0, before.length - token.length))?.[1] ?? '';
    const initialNext = /^["“'‘(]*\p{Lu}\.(?:\s|\p{Lu})/u.test(p.slice(nextStart));
    return /^\p{Ll}/u.test(previous) && !initialNext;
  }
  return true;
}
