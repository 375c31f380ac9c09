// The summariser's strict figures on one article with known facts (NN-slug.txt + NN-slug.facts.json):
// headline coverage against lead-3 at the same length, quotes right / wrong / without speaker / missed
// (a quote counts only with the right speaker, spelled in full), dates recalled, and the lines a reader
// would stumble on (cut with "…", a dateline left in, an opener whose antecedent was left out).
// Shared by `npm run eval` and the CI floor test, so both measure the same way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActorEntry } from '../functions/domain/catalogue';
import { ActorMatcher } from '../functions/domain/summarise/actors';
import { DATELINE } from '../functions/domain/summarise/dateline';
import { countryFor } from '../functions/domain/summarise/lexicon';
import { splitSentences } from '../functions/domain/summarise/sentences';
import { contentTokens, normaliseText, wordCount, words } from '../functions/domain/summarise/text';

export interface Facts {
  must_mention: string[];
  quotes: Array<[string, string]>;
  dates: string[];
  significance?: 'alert' | 'digest';
}

/** What the measures read of a summary: the headline, the other lines a reader sees, quotes, events. */
export interface Summarised {
  summary: string;
  keyPoints: string[];
  outcome: string;
  quotes: Array<{ speaker: string | null; text: string }>;
  events: Array<{ date: string; until?: string; description: string }>;
  significance: { level: 'alert' | 'digest' };
}

export interface ArticleFigures {
  file: string;
  words: number;
  coverage: number;
  baseline: number;
  mentions: number;
  /** The headline, and the must-mention facts it leaves out (noting those lead-3 has). */
  headline: string;
  headlineMissed: string[];
  quotes: { right: number; wrong: number; noSpeaker: number; missed: number; total: number };
  wrongQuotes: string[];
  dates: { recalled: number; total: number };
  lines: { cut: number; datelines: number; dangling: number; total: number };
  badLines: string[];
  alert: { ours: 'alert' | 'digest'; editor?: 'alert' | 'digest' };
}

export interface ArticleCase {
  file: string;
  text: string;
  facts: Facts;
}

/** The dev set's articles: every NN-slug.txt with its NN-slug.facts.json. */
export function loadArticles(dir: string): ArticleCase[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && existsSync(join(dir, f.replace(/\.txt$/, '.facts.json'))))
    .sort()
    .map((file) => ({
      file,
      text: readFileSync(join(dir, file), 'utf8'),
      facts: JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.facts.json')), 'utf8')) as Facts,
    }));
}

/** A phrase counts when it appears verbatim or two thirds of its content words do. */
export function mentions(text: string, phrase: string): boolean {
  const flat = (s: string) => ` ${words(s).join(' ')} `;
  if (flat(text).includes(flat(phrase))) return true;
  const have = new Set(contentTokens(text));
  const need = [...new Set(contentTokens(phrase))];
  return need.length > 0 && need.filter((t) => have.has(t)).length / need.length >= 2 / 3;
}

/**
 * Strict speaker match: the same person or body, in full. Spellings are folded through the catalogue
 * (Zelensky / Zelenskyy); a surname alone ("Rubio" for "Marco Rubio") does not count.
 */
export function sameSpeaker(
  ours: string | null,
  expected: string,
  catalogue: readonly ActorEntry[],
): boolean {
  if (!ours) return false;
  const matcher = new ActorMatcher(catalogue);
  const canonical = (name: string) => {
    // "U.N." and "UN" are one spelling of one name.
    const bare = name
      .replace(/\(.*?\)/g, '')
      .replace(/\b((?:\p{Lu}\.){2,})/gu, (m) => (m === 'U.S.' ? m : m.replaceAll('.', '')))
      .trim();
    const hits = matcher.find(bare);
    // Only when the catalogue alias covers the whole name: "Trump" alone stays "Trump".
    const hit = hits.length === 1 ? hits[0]! : undefined;
    if (hit && bare.slice(0, hit.index).trim() === '' && bare.slice(hit.end).trim() === '') {
      if (hit.actor.name.split(/\s+/).length <= bare.split(/\s+/).length) return hit.actor.name;
    }
    return bare;
  };
  // "Russia's Defence Ministry" and "Russian Defence Ministry" name the same body.
  const fold = (name: string) =>
    new Set(contentTokens(canonical(name)).map((t) => countryFor(t)?.toLowerCase() ?? t));
  const a = fold(ours);
  const b = fold(expected);
  if (b.size === 0) return false;
  const missing = [...b].filter((t) => !a.has(t)).length;
  const extra = [...a].filter((t) => !b.has(t)).length;
  return missing === 0 && extra <= 1;
}

/** '"…," he said', ', she added,': words credited to a bare pronoun, outside the quotations. */
const PRONOUN_ATTRIBUTION =
  /(?:^|[,;:”"’]\s*|\b(?:and|but|as)\s+)(?:he|she|it|they)\s+(?:later\s+|also\s+|then\s+)?(?:said|says|added|adds|told|tells|wrote|writes|noted|warned|argued|insisted|stressed|explained|continued|replied|answered|posted|declared|recalled)\b/i;
const unquoted = (line: string) =>
  line.replace(/“[^”]*”|"[^"]*"/g, (q) => `${q[0]}${' '.repeat(q.length - 2)}${q.at(-1)}`);

const DANGLING =
  /^(?:he|she|they|it|this|that|these|those|such|his|her|their|its|both|the (?:two|three|four|remaining|latter|former|same)(?!-)|(?:he|she|they) (?:added|said))\b/i;

/** Lines a reader would stumble on. */
export function lineFaults(line: string): Array<'cut' | 'dateline' | 'dangling'> {
  const faults: Array<'cut' | 'dateline' | 'dangling'> = [];
  if (/…\s*$|\.\.\.\s*$/.test(line)) faults.push('cut');
  // The summariser's own pattern, and, so the figure does not share its blind spots, any opening of at
  // most eight words closed by a dash that holds an agency in brackets or a year, or that starts on a
  // place in capitals followed by more ("RIYADH, Saudi Arabia", "KYIV/MOSCOW").
  const opening = /^([^.!?"“]{2,80}?)\s[—–-]{1,2}\s/.exec(line)?.[1];
  const filed =
    opening !== undefined &&
    opening.split(/\s+/).length <= 8 &&
    (/\(\s*\p{Lu}[^)]*\)|\b(?:19|20)\d\d\b/u.test(opening) ||
      /^\p{Lu}{3,}(?:[,/(]|\s+\p{Lu}{2,})/u.test(opening));
  // "-- Argentina and the IMF …": the dash of a dateline whose place or agency was cut away.
  const leftover = /^[—–-]{1,2}\s/.test(line);
  if (DATELINE.test(line) || filed || leftover) faults.push('dateline');
  // '"…," he said' anywhere in the line leans on a sentence the line does not carry.
  // "The union said, top-scale workers would …": an attribution aside left at the front when the
  // phrase it followed was cut.
  const asideFirst =
    /^(?:the\s+)?[\p{L}.'’-]+(?:\s+[\p{L}.'’-]+){0,4}\s+(?:said|says|added|told reporters),\s+\p{Ll}/u;
  if (
    DANGLING.test(line.replace(/^["“]/, '')) ||
    PRONOUN_ATTRIBUTION.test(unquoted(line)) ||
    asideFirst.test(line)
  )
    faults.push('dangling');
  return faults;
}

export function measureArticle(
  article: ArticleCase,
  s: Summarised,
  body: string,
  catalogue: readonly ActorEntry[],
): ArticleFigures {
  const { facts } = article;
  const budget = wordCount(s.summary);
  const lead = splitSentences(body).slice(0, 3).join(' ').split(/\s+/).slice(0, budget).join(' ');
  const norm = (t: string) => words(normaliseText(t)).join(' ');

  const quotes = { right: 0, wrong: 0, noSpeaker: 0, missed: 0, total: facts.quotes.length };
  const wrongQuotes: string[] = [];
  for (const [speaker, fragment] of facts.quotes) {
    const q = s.quotes.find((q) => norm(q.text).includes(norm(fragment)));
    if (!q) {
      quotes.missed++;
      wrongQuotes.push(`missed: "${fragment}" (${speaker})`);
    } else if (!q.speaker) {
      quotes.noSpeaker++;
      wrongQuotes.push(`no speaker: "${fragment}" (expected ${speaker})`);
    } else if (sameSpeaker(q.speaker, speaker, catalogue)) quotes.right++;
    else {
      quotes.wrong++;
      wrongQuotes.push(`wrong speaker: "${fragment}": ${q.speaker} (expected ${speaker})`);
    }
  }

  const expectedDates = facts.dates
    .map((d) => /^\d{4}-\d{2}(?:-\d{2})?/.exec(d)?.[0])
    .filter((d): d is string => d !== undefined);
  // An event over several days ("Feb. 4 - 5") recalls its first and last day.
  const recalled = expectedDates.filter((d) => s.events.some((e) => e.date === d || e.until === d)).length;
  for (const d of facts.dates) {
    const date = /^\d{4}-\d{2}(?:-\d{2})?/.exec(d)?.[0];
    if (date && !s.events.some((e) => e.date === date || e.until === date))
      wrongQuotes.push(`date missed: ${d}`);
  }

  const lines = [
    ...splitSentences(s.summary),
    ...s.keyPoints,
    s.outcome,
    ...s.events.map((e) => e.description),
  ];
  const counts = { cut: 0, datelines: 0, dangling: 0, total: lines.length };
  const badLines: string[] = [];
  for (const line of lines) {
    const faults = lineFaults(line);
    if (faults.includes('cut')) counts.cut++;
    if (faults.includes('dateline')) counts.datelines++;
    if (faults.includes('dangling')) counts.dangling++;
    if (faults.length > 0) badLines.push(`[${faults.join(',')}] ${line}`);
  }

  return {
    file: article.file,
    words: budget,
    coverage: facts.must_mention.filter((m) => mentions(s.summary, m)).length,
    headline: s.summary,
    headlineMissed: facts.must_mention
      .filter((m) => !mentions(s.summary, m))
      .map((m) => (mentions(lead, m) ? `${m} (lead-3 has it)` : m)),
    baseline: facts.must_mention.filter((m) => mentions(lead, m)).length,
    mentions: facts.must_mention.length,
    quotes,
    wrongQuotes,
    dates: { recalled, total: expectedDates.length },
    lines: counts,
    badLines,
    alert: { ours: s.significance.level, ...(facts.significance ? { editor: facts.significance } : {}) },
  };
}

export interface Totals {
  articles: number;
  coverage: number;
  baseline: number;
  mentions: number;
  quotes: ArticleFigures['quotes'];
  dates: ArticleFigures['dates'];
  lines: ArticleFigures['lines'];
  words: number;
  alertAgree: number;
  alertLabelled: number;
}

export function total(figures: readonly ArticleFigures[]): Totals {
  const t: Totals = {
    articles: figures.length,
    coverage: 0,
    baseline: 0,
    mentions: 0,
    quotes: { right: 0, wrong: 0, noSpeaker: 0, missed: 0, total: 0 },
    dates: { recalled: 0, total: 0 },
    lines: { cut: 0, datelines: 0, dangling: 0, total: 0 },
    words: 0,
    alertAgree: 0,
    alertLabelled: 0,
  };
  for (const f of figures) {
    t.coverage += f.coverage;
    t.baseline += f.baseline;
    t.mentions += f.mentions;
    for (const k of Object.keys(t.quotes) as Array<keyof Totals['quotes']>) t.quotes[k] += f.quotes[k];
    t.dates.recalled += f.dates.recalled;
    t.dates.total += f.dates.total;
    for (const k of Object.keys(t.lines) as Array<keyof Totals['lines']>) t.lines[k] += f.lines[k];
    t.words += f.words;
    if (f.alert.editor) {
      t.alertLabelled++;
      if (f.alert.editor === f.alert.ours) t.alertAgree++;
    }
  }
  return t;
}
