// Dates in news prose ("on Dec. 2", "Nov 30", "Sunday", "last week", "30 November 2025") resolved
// against the publication date. A date without a year or a bare weekday resolves to the past; only an
// explicit year or a forward-looking cue ("until", "deadline", "will", "next") may point ahead.

export interface DateMention {
  /** YYYY-MM-DD */
  date: string;
  text: string;
  index: number;
  /** "last week" and the like: the day is an estimate. */
  approximate?: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// "Dec. 2", "November 30, 2025", "April 11 and 25" — the lookahead keeps "Mar-a-Lago" and "May be" out.
const MONTH_DAY = new RegExp(
  `\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])((?:\\s*,\\s*\\d{1,2}(?!\\d))*(?:,?\\s+and\\s+\\d{1,2}(?!\\d)(?!\\s*(?:p\\.m|a\\.m|percent|%|points?|people|years?|days?)))?)(?:,?\\s+(\\d{4}))?`,
  'g',
);
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\b\\.?(?:,?\\s+(\\d{4}))?`, 'g');
const WEEKDAY = new RegExp(`\\b(?:(last|next|this|coming|this coming)\\s+)?(${WEEKDAYS.join('|')})\\b`, 'g');
const RELATIVE = /\b(today|yesterday|tonight|last week|last weekend)\b/gi;
const FORWARD_CUE =
  /\b(until|deadline|due|scheduled|set to|expected to|will|plans? to|planned|next|upcoming|ahead of|by)\b/i;

const DAY_MS = 86_400_000;

export function findDates(sentence: string, published: Date): DateMention[] {
  const pub = startOfDay(published);
  const forward = FORWARD_CUE.test(sentence);
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const add = (m: DateMention, end: number) => {
    if (taken.some(([s, e]) => m.index < e && end > s)) return;
    taken.push([m.index, end]);
    found.push(m);
  };

  for (const m of sentence.matchAll(MONTH_DAY)) {
    const month = MONTHS[m[1]!.slice(0, 3).toLowerCase()]!;
    const days = [Number(m[2]), ...((m[3] ?? '').match(/\d{1,2}/g)?.map(Number) ?? [])];
    const year = m[4] ? Number(m[4]) : undefined;
    for (const day of days) {
      const date = resolveMonthDay(month, day, year, pub, forward);
      if (date) found.push({ date, text: m[0], index: m.index ?? 0 });
    }
    taken.push([m.index ?? 0, end(m)]);
  }
  for (const m of sentence.matchAll(DAY_MONTH)) {
    const month = MONTHS[m[2]!.slice(0, 3).toLowerCase()]!;
    const date = resolveMonthDay(month, Number(m[1]), m[3] ? Number(m[3]) : undefined, pub, forward);
    if (date) add({ date, text: m[0], index: m.index ?? 0 }, (m.index ?? 0) + m[0].length);
  }
  for (const m of sentence.matchAll(WEEKDAY)) {
    const target = WEEKDAYS.indexOf(m[2]!);
    const ahead = m[1] === 'next' || (m[1] ?? '').includes('coming');
    let delta = target - pub.getUTCDay();
    if (ahead) delta = delta <= 0 ? delta + 7 : delta;
    else if (m[1] === 'last') delta = delta >= 0 ? delta - 7 : delta;
    else delta = delta > 0 ? delta - 7 : delta;
    add({ date: iso(new Date(pub.getTime() + delta * DAY_MS)), text: m[0], index: m.index ?? 0 }, end(m));
  }
  for (const m of sentence.matchAll(RELATIVE)) {
    const word = m[1]!.toLowerCase();
    const back = word === 'yesterday' ? 1 : word.startsWith('last') ? 7 : 0;
    const mention: DateMention = {
      date: iso(new Date(pub.getTime() - back * DAY_MS)),
      text: m[0],
      index: m.index ?? 0,
    };
    if (word.startsWith('last')) mention.approximate = true;
    add(mention, end(m));
  }
  return found.sort((a, b) => a.index - b.index);
}

function end(m: RegExpMatchArray): number {
  return (m.index ?? 0) + m[0].length;
}

function resolveMonthDay(
  month: number,
  day: number,
  year: number | undefined,
  pub: Date,
  forward: boolean,
): string | undefined {
  if (day < 1 || day > 31) return undefined;
  if (year !== undefined) return valid(year, month, day);
  const y = pub.getUTCFullYear();
  const candidates = [y - 1, y, y + 1]
    .map((cy) => valid(cy, month, day))
    .filter((d): d is string => d !== undefined)
    .map((d) => ({ d, delta: Date.parse(d) - pub.getTime() }));
  const past = candidates.filter((c) => c.delta <= 0).sort((a, b) => b.delta - a.delta)[0];
  const future = candidates.filter((c) => c.delta > 0).sort((a, b) => a.delta - b.delta)[0];
  if (forward && future && future.delta < 183 * DAY_MS && (!past || future.delta < -past.delta)) {
    return future.d;
  }
  return past?.d;
}

function valid(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month, day));
  return d.getUTCMonth() === month ? iso(d) : undefined;
}

function startOfDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
