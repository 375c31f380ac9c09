// Checks every line a model wrote against the report before anything of it reaches a reader: words in
// quotation marks must be the report's own; every name (people, places, bodies) must be in the report —
// a catalogue entry counts in any of its spellings ("Zelenskyy" for "Zelensky"), and two name words side
// by side must stand side by side in the report ("Kirill Ushakov" is not "Kirill Dmitriev" and "Yuri
// Ushakov"); every number and every date must be in the report (a date as written, or the same day as
// the report's dates resolve to). Answers a plain sentence per problem: the summary's fallback reason.
import type { ActorMatcher } from '../summarise/actors';
import { findDates } from '../summarise/dates';
import { countryFor, NOT_NAME_WORDS, PERSON_ROLE_NOUNS, TITLE_WORDS } from '../summarise/lexicon';
import { tag } from '../summarise/tokens';
import { calendarWordsIn, dateKey, findNumbers, flatten, nameKey, type ReportFacts } from './report-facts';
import { isEnglishWord } from './vocabulary';

type Span = [number, number];

/** A title or role word, singular or plural ("Envoy", "Envoys", "Minister"): never a name. */
const isTitle = (key: string) =>
  [key, key.replace(/s$/, '')].some((k) => TITLE_WORDS.has(k) || PERSON_ROLE_NOUNS.has(k));

const DOUBLE_QUOTED = /["“]([^"“”]+)["”]/g;
// ‘…’ only where the marks stand outside words, so apostrophes (they’d, Russia’s) are not quotations.
const SINGLE_QUOTED = /(?<![\p{L}\p{N}])‘((?:[^‘’]|’(?=\p{L}))+)’(?![\p{L}\p{N}])/gu;

/** Text in quotation marks, with where it stands in the line. */
export function quotedSpans(line: string): Array<{ text: string; span: Span }> {
  const out: Array<{ text: string; span: Span }> = [];
  for (const re of [DOUBLE_QUOTED, SINGLE_QUOTED]) {
    for (const m of line.matchAll(re)) {
      const at = m.index ?? 0;
      out.push({ text: m[1]!, span: [at, at + m[0].length] });
    }
  }
  return out;
}

const inside = (spans: readonly Span[], from: number, to: number) =>
  spans.some(([s, e]) => from >= s && to <= e);

export interface LineOptions {
  /** The line is a name (a quotation's speaker): every capitalised word is checked, even the first. */
  asName?: boolean;
}

/** Problems with one line of the answer, as plain clauses ("names "X", who is not in the report"). */
export function problemsIn(
  line: string,
  facts: ReportFacts,
  actors: ActorMatcher,
  options: LineOptions = {},
): string[] {
  const problems: string[] = [];
  const quoted = quotedSpans(line);
  for (const q of quoted) {
    const fragments = flatten(q.text)
      .split('…')
      .map((f) => f.replace(/^[\s,.;:!?'"\-–—]+|[\s,.;:!?'"\-–—]+$/g, ''))
      .filter((f) => /\p{L}/u.test(f));
    if (fragments.some((f) => !facts.text.includes(f))) {
      problems.push(`quotes "${q.text.trim()}", which is not the report's wording`);
    }
  }
  const quoteSpans = quoted.map((q) => q.span);

  // Catalogue entries, in any of their spellings.
  const hits = actors.find(line);
  for (const hit of hits) {
    if (inside(quoteSpans, hit.index, hit.end)) continue;
    if (!facts.actors.has(hit.actor.name)) {
      problems.push(`names "${line.slice(hit.index, hit.end)}", who is not in the report`);
    }
  }
  const covered: Span[] = [...quoteSpans, ...hits.map((h): Span => [h.index, h.end])];
  problems.push(
    ...nameProblems(
      line,
      facts,
      covered,
      hits.map((h): Span => [h.index, h.end]),
      options,
    ),
  );

  // Dates: as written in the report, or the same day the report's dates resolve to.
  const dateSpans: Span[] = [];
  for (const d of findDates(line, facts.published)) {
    dateSpans.push([d.index, d.index + d.text.length]);
    if (inside(quoteSpans, d.index, d.index + d.text.length)) continue;
    if (!facts.dates.has(d.date) && !facts.dateKeys.has(dateKey(d.text))) {
      problems.push(`gives the date "${d.text}", which is not in the report`);
    }
  }
  for (const c of calendarWordsIn(line)) {
    // A weekday or month outside a date ("in December talks") must be the report's too.
    if (inside(quoteSpans, c.index, c.index + 1) || inside(dateSpans, c.index, c.index + 1)) continue;
    if (!facts.calendarWords.has(c.word)) {
      problems.push(`names "${c.text}", which is not in the report`);
    }
  }
  for (const n of findNumbers(line)) {
    const span: Span = [n.index, n.index + n.text.length];
    if (inside(quoteSpans, ...span) || inside(dateSpans, ...span)) continue;
    if (!facts.numbers.has(n.value))
      problems.push(`gives the number "${n.text}", which is not in the report`);
  }
  return [...new Set(problems)];
}

/**
 * Capitalised words outside catalogue names and quotations. A sentence's first word is taken for a name
 * only when it is no ordinary English word; titles ("President"), days, months and function words are
 * not names; a demonym or capital counts when the report names its country ("Russian" for "Russia").
 * A name word next to a catalogue name must stand next to it in the report ("Kirill Ushakov").
 */
function nameProblems(
  line: string,
  facts: ReportFacts,
  covered: Span[],
  hits: readonly Span[],
  options: LineOptions,
): string[] {
  const tokens = tag(line);
  const problems: string[] = [];
  const startsHit = (at: number) => hits.some(([s]) => s === at);
  const endsHit = (at: number) => hits.some(([, e]) => e === at);
  const isWord = (i: number) => /\p{L}/u.test(tokens[i]?.text ?? '');
  const opensSentence = (i: number) => {
    let j = i - 1;
    while (j >= 0 && /^["“‘'(]$/.test(tokens[j]!.text)) j--;
    return j < 0 || /^[.!?:]$/.test(tokens[j]!.text);
  };
  const beforeName = (i: number) => {
    const next = tokens[i + 1];
    if (!next) return false;
    return (
      startsHit(next.start) || (next.capitalised && isWord(i + 1) && !inside(covered, next.start, next.end))
    );
  };
  // A capitalised word that may be (part of) a name: checked on its own.
  const nameWord = (i: number): boolean => {
    const t = tokens[i];
    if (!t?.capitalised || !isWord(i) || inside(covered, t.start, t.end)) return false;
    const key = nameKey(t.bare);
    if (NOT_NAME_WORDS.has(key) || isTitle(key)) return false;
    // A sentence may open on an ordinary word ("Negotiators met"), unless it leads into a name ("Anna Brandt").
    const ordinary = isEnglishWord(t.bare) && !(t.pos === 'PROPN' && beforeName(i));
    return options.asName || !opensSentence(i) || !ordinary;
  };
  // A name word that must stand beside its neighbour as in the report (not "Russian", "Southland's").
  const pairable = (i: number) => {
    const t = tokens[i];
    return nameWord(i) && !countryFor(t!.bare) && !t!.possessive && !t!.text.includes('-');
  };
  const known = (word: string) => {
    const country = countryFor(word);
    return facts.words.has(nameKey(word)) || (country !== undefined && facts.countries.has(country));
  };
  const pair = (a: (typeof tokens)[0], b: (typeof tokens)[0]) => {
    if (!facts.pairs.has(`${nameKey(a.text)} ${nameKey(b.text)}`)) {
      problems.push(`names "${a.bare} ${b.bare}", which is not in the report`);
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!nameWord(i)) continue;
    const t = tokens[i]!;
    const parts = t.bare.split('-').filter((p) => /^\p{Lu}/u.test(p) && !NOT_NAME_WORDS.has(nameKey(p)));
    if (parts.some((p) => !isTitle(nameKey(p)) && !known(p))) {
      problems.push(`names "${runAround(tokens, i, nameWord)}", which is not in the report`);
      continue;
    }
    if (!pairable(i)) continue;
    // Two name words side by side, or a name word beside a catalogue name, as in the report.
    const next = tokens[i + 1];
    if (next && (pairable(i + 1) || startsHit(next.start))) pair(t, next);
    const previous = tokens[i - 1];
    if (previous && endsHit(previous.end) && !previous.possessive) pair(previous, t);
  }
  return [...new Set(problems)];
}

/** The whole capitalised run a word belongs to, for the message ("Boris Johnson", not "Boris"). */
function runAround(tokens: ReturnType<typeof tag>, i: number, nameWord: (i: number) => boolean): string {
  let from = i;
  let to = i;
  while (from > 0 && nameWord(from - 1)) from--;
  while (to + 1 < tokens.length && nameWord(to + 1)) to++;
  return tokens
    .slice(from, to + 1)
    .map((t) => t.bare)
    .join(' ');
}
