// What a report contains that a model's answer may repeat: its words and adjacent word pairs (for
// names), the catalogue entries and countries it mentions in any spelling, its numbers, its dates
// (as written and as resolved against the publication date) and its text (for quotations). Read once
// per report; verify.ts checks every line of an answer against it.

import type { TopicCatalogue as Catalogue } from '../catalogue';
import { ActorMatcher } from '../summarise/actors';
import { findDates } from '../summarise/dates';
import { countriesIn, countryFor } from '../summarise/lexicon';
import { splitSentences } from '../summarise/sentences';
import type { SummariseInput } from '../summarise/summarise';
import { normaliseText } from '../summarise/text';
import { tokenize } from '../summarise/tokens';

export interface ReportFacts {
  published: Date;
  /** Normalised, lower-cased text: where quotations are looked for. */
  text: string;
  /** Name keys (see nameKey) of every word, and of each part of a hyphenated word. */
  words: Set<string>;
  /** "a b" for every two words side by side: "Barak Ravid" is in the report, "Ravid Barak" is not. */
  pairs: Set<string>;
  /** Catalogue entries the report names, by their catalogue name. */
  actors: Set<string>;
  countries: Set<string>;
  /** Values of numbers (see findNumbers: "6", "6th", "0.5"). */
  numbers: Set<string>;
  /** Resolved dates (YYYY-MM-DD or YYYY-MM) and each date as written (see dateKey). */
  dates: Set<string>;
  dateKeys: Set<string>;
  /** Months (jan…dec) and weekdays (monday…) the report names, in any form. */
  calendarWords: Set<string>;
}

const matchers = new WeakMap<Catalogue, ActorMatcher>();

export function matcherFor(catalogue: Catalogue): ActorMatcher {
  let m = matchers.get(catalogue);
  if (!m) {
    m = new ActorMatcher(catalogue.actors);
    matchers.set(catalogue, m);
  }
  return m;
}

/** How words are compared as names: lower case, no possessive, no dots ("U.S." is "us"). */
export function nameKey(word: string): string {
  return word
    .replace(/['’]s$/u, '')
    .replace(/\./g, '')
    .toLowerCase();
}

/** Straight quotes and apostrophes, one kind of ellipsis and dash, single spaces, lower case. */
export function flatten(text: string): string {
  return normaliseText(text)
    .replace(/[“”„]/g, '"')
    .replace(/\.\.\./g, '…')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1000,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  dozen: 12,
  twice: 2,
  half: 0.5,
};

/** Ordinals from "second" on ("the sixth meeting"); "first" and "one" are too often not counts. */
const ORDINAL_WORDS: Record<string, number> = {
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

export interface NumberMention {
  /** The number, with "th" for an ordinal: "six" is "6", "sixth" and "6th" are "6th". */
  value: string;
  text: string;
  index: number;
}

/**
 * Numbers written in digits ("1,200", "28-point", "15%") or words ("five-hour", "twenty-five", "sixth").
 * Digits inside a word ("G7") are part of a name, not a number.
 */
export function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.,])(\d+(?:[.,]\d+)*)(?:(st|nd|rd|th)\b)?/gu)) {
    const raw = m[1]!;
    const value = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw) ? Number(raw.replace(/,/g, '')) : Number(raw);
    if (!Number.isNaN(value))
      out.push({ value: `${value}${m[2] ? 'th' : ''}`, text: m[0], index: m.index ?? 0 });
  }
  for (const m of text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
    const parts = m[0].toLowerCase().split('-');
    const at = m.index ?? 0;
    const tens = NUMBER_WORDS[parts[0]!];
    const units = parts[1] !== undefined ? NUMBER_WORDS[parts[1]] : undefined;
    // "twenty-five" is one number; "five-hour" is five.
    if (tens !== undefined && tens >= 20 && tens < 100 && units !== undefined && units < 10) {
      out.push({ value: String(tens + units), text: m[0], index: at });
      continue;
    }
    for (const part of parts) {
      const cardinal = NUMBER_WORDS[part];
      const ordinal = ORDINAL_WORDS[part];
      if (cardinal !== undefined) out.push({ value: String(cardinal), text: part, index: at });
      if (ordinal !== undefined) out.push({ value: `${ordinal}th`, text: part, index: at });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

const MONTH_OR_DAY =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b\.?/gi;

/** The month (three letters) or weekday a calendar word names. */
export function calendarWord(word: string): string {
  const w = word.toLowerCase().replace(/\.$/, '');
  return /day$/.test(w) ? w : w.slice(0, 3);
}

/** Capitalised month and weekday names in a text ("May" only when it is followed by a day). */
export function calendarWordsIn(text: string): Array<{ word: string; text: string; index: number }> {
  const out: Array<{ word: string; text: string; index: number }> = [];
  for (const m of text.matchAll(MONTH_OR_DAY)) {
    if (!/^\p{Lu}/u.test(m[0])) continue;
    if (/^may$/i.test(m[1]!) && !/^\s+\d/.test(text.slice((m.index ?? 0) + m[0].length))) continue;
    out.push({ word: calendarWord(m[1]!), text: m[1]!, index: m.index ?? 0 });
  }
  return out;
}

/** A date as written, order and spelling aside: "Dec. 2", "December 2nd" and "2 December" are "2 dec". */
export function dateKey(text: string): string {
  const parts = [
    ...calendarWordsIn(text.replace(/^\p{Ll}/u, (c) => c.toUpperCase())).map((c) => c.word),
    ...(text.match(/\d+/g) ?? []).map((n) => String(Number(n))),
    ...(text
      .toLowerCase()
      .match(/\b(?:today|yesterday|tomorrow|tonight|last|next|this|coming|week|weekend|month)\b/g) ?? []),
  ];
  return parts.sort().join(' ');
}

export function reportFacts(input: SummariseInput, catalogue: Catalogue): ReportFacts {
  const published = new Date(input.publishedAt);
  const full = normaliseText(`${input.title}\n${input.body}`);
  const words = new Set<string>();
  const pairs = new Set<string>();
  const countries = new Set<string>(countriesIn(full));
  let previous: string | undefined;
  for (const t of tokenize(full)) {
    if (!/[\p{L}\p{N}]/u.test(t.text)) {
      previous = undefined;
      continue;
    }
    const key = nameKey(t.text);
    words.add(key);
    for (const part of t.bare.split('-')) {
      words.add(nameKey(part));
      const country = countryFor(part);
      if (country) countries.add(country);
    }
    if (previous) pairs.add(`${previous} ${key}`);
    previous = key;
  }
  const dates = new Set<string>();
  const dateKeys = new Set<string>();
  for (const sentence of [input.title, ...splitSentences(input.body)]) {
    for (const d of findDates(sentence, published)) {
      dates.add(d.date);
      if (d.until) dates.add(d.until);
      dateKeys.add(dateKey(d.text));
    }
  }
  return {
    published,
    text: flatten(full),
    words,
    pairs,
    actors: new Set(
      matcherFor(catalogue)
        .find(full)
        .map((h) => h.actor.name),
    ),
    countries,
    numbers: new Set(findNumbers(full).map((n) => n.value)),
    dates,
    dateKeys,
    calendarWords: new Set(calendarWordsIn(full).map((c) => c.word)),
  };
}
