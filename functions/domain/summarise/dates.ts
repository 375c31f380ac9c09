// Dates in news prose resolved against the publication date: "on Dec. 2", "Nov 30", "30 November 2025",
// "Feb. 4 - 5", "Sunday", "last week", "next week", and month-level ones ("in February", "last month",
// "in August 2025") as YYYY-MM. A date without a year or a bare weekday resolves to the past unless a
// forward-looking word just before it ("until", "scheduled for", "expected … on", "will") points ahead.

export interface DateMention {
  /** YYYY-MM-DD, or YYYY-MM for a month. */
  date: string;
  text: string;
  index: number;
  /** "last week" and the like: the day is an estimate. */
  approximate?: boolean;
  /** The last day of a range ("Feb. 4 - 5"). */
  until?: string;
  /** The text wrote the year ("March 29, 2022"), so it can anchor the dates told after it. */
  explicitYear?: boolean;
  /** Counted from the publication day ("on Sunday", "last month", "two years ago"). */
  relative?: boolean;
  /**
   * Counted from the date the text gave before ("a day later", "the following Saturday"); with "after" or
   * "before" and a clause ("a day after Russia freed him"), the date is the clause's happening.
   */
  fromReference?: 'main' | 'clause';
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
const NOT_COUNT = '(?!\\s*(?:p\\.m|a\\.m|pm|am|percent|%|points?|people|years?|days?|hours?|minutes?|:))';

// "Dec. 2", "November 30, 2025", "April 11 and 25", "Feb. 4 - 5" — the lookahead keeps "Mar-a-Lago" out.
const MONTH_DAY = new RegExp(
  `\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(\\s*[-–]\\s*\\d{1,2}(?!\\d)|\\s+to\\s+\\d{1,2}(?!\\d))?((?:\\s*,\\s*\\d{1,2}(?!\\d)${NOT_COUNT})*(?:,?\\s+and\\s+\\d{1,2}(?!\\d)${NOT_COUNT})?)(?:,?\\s+(\\d{4}))?`,
  'g',
);
/** "on 3, 4, 6 and 7 January", "15 and 16 March 2024": several days of one month, the month written last. */
const DAYS_MONTH = new RegExp(
  `\\b(\\d{1,2})((?:\\s*,\\s*\\d{1,2}(?!\\d))*,?\\s+and\\s+\\d{1,2}(?!\\d))\\s+${MONTH}\\b\\.?(?:,?\\s+(\\d{4}))?`,
  'g',
);
const DAY_MONTH = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?(\\s*[-–]\\s*\\d{1,2})?\\s+${MONTH}\\b\\.?(?:,?\\s+(\\d{4}))?`,
  'g',
);
/** A month on its own ("in February", "since August 2025", "In May 2023," opening a sentence): not followed by a day. */
const MONTH_ONLY = new RegExp(
  `\\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Dd]uring|[Ee]arly|[Mm]id|[Ll]ate|[Mm]id-|[Tt]hrough|[Bb]efore|[Aa]fter|[Oo]f|[Ff]or|[Tt]oward|[Tt]owards|[Aa]round|[Tt]ill|(?<=\\b(?:back|postponed|delayed|deferred|moved|rescheduled|off)\\s)to)\\s+(?:early\\s+|mid-?|late\\s+)?${MONTH}\\b(?!-)(?!\\.?\\s*\\d{1,2}\\b(?!\\d{2}))(?:\\s+(\\d{4}))?`,
  'g',
);
const RELATIVE_MONTH = /\b(last|this|next|earlier this|later this)\s+month\b/gi;
/** "last November", "next March", "that September", "in May last year", "in June this year". */
const NAMED_MONTH = new RegExp(
  `\\b(?:([Ll]ast|[Nn]ext|[Tt]hat|[Tt]his)\\s+${MONTH}\\b(?!\\.?\\s*\\d)|${MONTH}\\s+(last|next|this)\\s+year\\b|${MONTH}\\s+(?:of\\s+)?(that|the same)\\s+year\\b)`,
  'g',
);
/**
 * "by the end of this year", "until the end of 2025": the year's last month; "since the start of the
 * year", "at the beginning of 2024": its first.
 */
const YEAR_EDGE = /\b(end|close|start|beginning)\s+of\s+(?:(this|next|last|the)\s+year|(\d{4}))\b/gi;
/** "at the end of the month", "by the end of next month", "early next month": a month told from today. */
const MONTH_EDGE =
  /\b(?:(?:end|close|start|beginning|middle)\s+of\s+(the|this|next|last)\s+month|(early|late|later|earlier)\s+(this|next|last)\s+month)\b/gi;
/** "in two weeks", "in 10 days' time", "within three days": counted on from the publication day. */
const IN_TIME =
  /\b(?:in|within)\s+(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(days?|weeks?)\b(?:['’]\s*time)?(?!['’]?\s+of\b)/gi;
const WEEKDAY = new RegExp(
  `\\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Tt]his coming)\\s+)?(${WEEKDAYS.join('|')})\\b`,
  'g',
);
const RELATIVE =
  /\b(today|yesterday|tomorrow|tonight|last night|this morning|this afternoon|this evening|last week|last weekend|over the weekend|next week|(?:earlier |later )?this week)\b/gi;
/** "a year ago today", "two months ago", "three weeks ago": counted back from the publication day. */
const AGO =
  /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(years?|months?|weeks?)\s+ago(\s+(?:today|this week))?\b/gi;
/**
 * Counted from a date the text already gave: "a day later", "two weeks earlier", "hours after", "the next
 * day", "the following Saturday", "the previous week", "a day after X", "two days before X".
 */
const FROM_REFERENCE = new RegExp(
  `\\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2}|hours|minutes)\\s+(?:(days?|weeks?|hours?|minutes?)\\s+)?(later|earlier|after|before)|the\\s+(next|following|previous|preceding)\\s+(day|morning|afternoon|evening|night|week|month|${WEEKDAYS.join('|')})|the\\s+day\\s+(after|before))\\b`,
  'gi',
);
const NUMBER_WORDS = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
/** Words just before a date that point it ahead of the publication date. */
const FORWARD_CUE =
  /\b((?:is|are)(?: due)? to(?= \p{L}+)|until|(?<!\b(?:ran|run|lasted|continued|went|stayed|remained|extended|held|was|were)\s)through|no later than|not later than|no earlier than|not before|towards?|forward to|deadline|due|scheduled|set to|expected|will|would|(?<!\b(?:the|a|an|its|his|her|their|our|this|that|peace|new)\s)plans? to|planned|next|upcoming|ahead of|again on|to resume|to meet|to hold|to be(?= \p{L}+)|(?:could|may|might|should|must) be(?= (?:\p{L}+ed|held|made|given|taken|done|struck|set|put|brought|sent|won|paid|built|met|drawn|signed)\b)|to take place|slated|expires|begins|starts|takes effect|proposed holding|proposes|as soon as|as early as|(?:by|before|until|till) the (?:end|middle|start|beginning)(?: of)?)\b/iu;
/**
 * A happening told in the present before its day ("NATO leaders meet in Vilnius on Tuesday", "the
 * session opens on Monday"): news tells what is past in the past tense, so this is still to come.
 */
const PRESENT_HAPPENING =
  /\b(?:meet|meets|open|opens|convene|convenes|resume|resumes|gather|gathers|vote|votes|travel|travels|arrive|arrives|run out|runs out|close|closes)\b(?:\s+(?:in|at|on|with|again)\b(?:\s+\p{Lu}[\p{L}-]*){0,3})?(?:\s+on)?\s*$/u;
/** A sentence about what will happen ("the ceasefire will take effect … from July 6"). */
const FUTURE_SENTENCE = /\b(?:will|'ll|is to|are to|is due|are due)\b/i;
/** A happening still to come, told in the future or from a past "said": "would take place", "will meet". */
const AHEAD_PLAN =
  /\b(?:will|would|is to|are to|is due to|are due to|is expected to|are expected to)\s+(?:be\s+)?(?:take place|meet|hold|held|resume|reconvene|convene|start|begin|open)\b|\bnext (?:round|meeting|session|summit)\b/i;
/** Words just before a date that keep it in the past ("held on", "earlier", "last"). */
const PAST_NEAR = /\b(?:held|earlier|previously|last|ago|was|were|had|took place|began|signed|met|since)\b/i;

/** "postponed to March", "pushed back until June": where a happening was moved is ahead. */
function postponedTo(m: RegExpMatchArray): boolean {
  const before = (m.input ?? '').slice(0, m.index ?? 0);
  return (
    /^(?:to|until|till)\b/i.test(m[0]) &&
    /\b(?:postponed|pushed back|deferred|rescheduled|delayed|moved|put off)(?:\s+back)?\s+$/i.test(before)
  );
}

/** Past-tense verb forms: regular ones and the irregular ones news uses most. */
export const PAST_FORM =
  /\b(?:\p{L}{3,}ed|said|told|met|held|took|made|gave|went|came|began|left|sent|wrote|flew|saw|won|lost|struck|sought|brought|thought|kept|spoke|broke|fell|rose|grew|knew|led|fought|paid|sold|stood|became|ran|chose|drew|threw|shot|hit|bought|caught|taught|felt|found|heard|meant|built|spent|withdrew|overtook|undertook|forgave|froze)\b/u;

const DAY_MS = 86_400_000;

/**
 * `anchor`: a date the paragraph gave with its year, in a year before publication ("began on February
 * 24, 2022"). A later date without a year that falls in the same year after it ("in March", "on March
 * 29") is told in that year's narrative, not counted back from the publication day.
 */
export function findDates(
  sentence: string,
  published: Date,
  anchor?: string,
  reference?: string,
): DateMention[] {
  const pub = startOfDay(published);
  const inAnchorYear = (month: number, day?: number): string | undefined => {
    // "The co-chairs said the next round would take place in December": a plan is told from today, not
    // from the past year the paragraph was telling.
    if (!anchor || AHEAD_PLAN.test(sentence)) return undefined;
    const y = Number(anchor.slice(0, 4));
    const d = day === undefined ? `${y}-${String(month + 1).padStart(2, '0')}` : valid(y, month, day);
    return d && d.slice(0, 7) >= anchor.slice(0, 7) ? d : undefined;
  };
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const free = (from: number, to: number) => !taken.some(([s, e]) => from < e && to > s);
  const future = FUTURE_SENTENCE.test(sentence);
  // "had been scheduled to close on Friday": a plan events overtook, which points neither way.
  const overtaken = (index: number) => {
    const before = sentence.slice(Math.max(0, index - 60), index);
    const cue = FORWARD_CUE.exec(before);
    // "had proposed holding the next round between June 20 and …" is a proposal told in the past
    // perfect, still ahead; only a schedule can be overtaken.
    return (
      !!cue &&
      /^(?:scheduled|set to|due|expected|planned|slated|is to|are to)/i.test(cue[0]) &&
      /\bhad\s+(?:been\s+)?$/i.test(before.slice(0, cue.index))
    );
  };
  // "the Jan. 15 deadline set when the union ended a walkout in October": a past-tense verb between the
  // cue and the date tells a past happening ("to be signed in October" still points ahead).
  const cueAhead = (index: number) => {
    const before = sentence.slice(Math.max(0, index - 60), index);
    const cues = [...before.matchAll(new RegExp(FORWARD_CUE.source, 'giu'))];
    const last = cues.at(-1);
    if (!last) return false;
    // "The sides met again on Saturday": "again on" points ahead only after a verb still to come.
    if (
      /^again on$/i.test(last[0]) &&
      PAST_FORM.test(/(\S+)\s+$/.exec(before.slice(0, last.index))?.[1] ?? '')
    )
      return false;
    const between = before.slice((last.index ?? 0) + last[0].length);
    // Only a verb of another clause ("… set when the union ended"); "the next round was pencilled in for"
    // is the plan's own.
    // "… to be held next Thursday, Turkiye said late on Thursday": the attribution's day is its own.
    if (
      /,\s*(?:[\p{L}.'’-]+\s+){1,5}(?:said|told|announced|added|confirmed|reported|wrote)\b/iu.test(between)
    )
      return false;
    const clause = /\b(?:when|after|since|because|as|while|which|who|that)\b/i.exec(between);
    if (!clause) return true;
    const rest = between.slice(clause.index);
    return ![...rest.matchAll(new RegExp(PAST_FORM.source, 'gu'))].some(
      (v) => !/\b(?:be|been|being)\s+$/i.test(rest.slice(0, v.index ?? 0)),
    );
  };
  const cueBefore = (index: number) =>
    !overtaken(index) &&
    (cueAhead(index) ||
      PRESENT_HAPPENING.test(sentence.slice(Math.max(0, index - 35), index)) ||
      /\bby\s+$/i.test(sentence.slice(0, index)));
  // "A third round planned for September was postponed": a plan the clause tells in the past lies behind.
  const plannedInPast = (index: number) =>
    /^[\s\p{L}\d.,]{0,20}?\b(?:was|were|had been)\s+(?:\p{L}+ed|held|put off|called off|shelved|scrapped)\b/iu.test(
      sentence.slice(index).replace(/^\S+/, '').split(/[;:]/)[0]!,
    );
  // A calendar date in a sentence about what will happen points ahead unless the words before it keep
  // it in the past; a weekday needs its own cue ("on Friday" in "said they would…" is last Friday).
  // "That truce, extended in August, is due to expire …": a date a past participle or verb leads to is
  // told in the past whatever the sentence goes on to say ("will be signed in August" still points ahead).
  const pastRightBefore = (index: number) => {
    const before = sentence.slice(Math.max(0, index - 30), index);
    // "ended a strike in October", "signed the accord on March 3": the verb's object may come between.
    const m = new RegExp(
      `(${PAST_FORM.source})\\s+(?:(?!(?:will|would|to|be|is|are|shall|can|could|may|might)\\b)[\\p{L}'’-]+\\s+){0,3}?(?:in|on|during)?\\s*$`,
      'u',
    ).exec(before);
    return !!m && !/\b(?:be|been|being)\s+$/i.test(before.slice(0, m.index));
  };
  // "proposed Feb. 18 as the date for a new round", "set March 3 as the deadline": a date that is the
  // object of a planning verb is the plan's day, ahead of the report however the verb is told.
  const plannedDay = (index: number) =>
    /\b(?:propose[ds]?|sets?|fixe[ds]|fix|named?|picked|chose|chosen|agreed)\s+$/i.test(
      sentence.slice(Math.max(0, index - 20), index),
    );
  const forwardAt = (index: number) =>
    plannedDay(index) ||
    cueBefore(index) ||
    (future && !PAST_NEAR.test(sentence.slice(Math.max(0, index - 40), index)) && !pastRightBefore(index));
  // "signed … on Jan. 1", "formally adopted the framework on March 24": a past-tense verb before the date.
  const toldAsPast = (index: number) => {
    // "a levy that had been due to take effect on Aug. 1": a plan, not a past happening.
    if (overtaken(index) || plannedDay(index)) return false;
    // The verb may come before the date or after it ("The clashes in August drew condemnation").
    const near = sentence.slice(Math.max(0, index - 60), index + 40);
    return PAST_NEAR.test(near) || PAST_FORM.test(near);
  };

  for (const m of sentence.matchAll(MONTH_DAY)) {
    const at = m.index ?? 0;
    const month = MONTHS[m[1]!.slice(0, 3).toLowerCase()]!;
    const first = Number(m[2]);
    const rangeEnd = m[3] ? Number(/\d{1,2}/.exec(m[3])![0]) : undefined;
    const more = (m[4] ?? '').match(/\d{1,2}/g)?.map(Number) ?? [];
    // "Feb. 1 next year", "Nov. 3 last year": the year said in words.
    const yearWord = /^\s+(next|last|this) year\b/i
      .exec(sentence.slice(at + m[0].length))?.[1]
      ?.toLowerCase();
    const year = m[5]
      ? Number(m[5])
      : yearWord
        ? pub.getUTCFullYear() + (yearWord === 'next' ? 1 : yearWord === 'last' ? -1 : 0)
        : undefined;
    const forward = forwardAt(at);
    const date =
      (year === undefined ? inAnchorYear(month, first) : undefined) ??
      resolveMonthDay(month, first, year, pub, forward, toldAsPast(at));
    if (date) {
      const mention: DateMention = { date, text: m[0], index: at, ...(year ? { explicitYear: true } : {}) };
      if (rangeEnd && rangeEnd > first) {
        const until = resolveMonthDay(month, rangeEnd, year ?? Number(date.slice(0, 4)), pub, forward);
        if (until) mention.until = until;
      }
      found.push(mention);
    }
    for (const day of more) {
      const d = resolveMonthDay(month, day, year, pub, forward, toldAsPast(at));
      if (d) found.push({ date: d, text: m[0], index: at });
    }
    taken.push([at, at + m[0].length]);
  }
  for (const m of sentence.matchAll(DAYS_MONTH)) {
    const at = m.index ?? 0;
    if (!free(at, at + m[0].length)) continue;
    const month = MONTHS[m[3]!.slice(0, 3).toLowerCase()]!;
    const year = m[4] ? Number(m[4]) : undefined;
    for (const day of [Number(m[1]), ...(m[2]!.match(/\d{1,2}/g) ?? []).map(Number)]) {
      const d =
        (year === undefined ? inAnchorYear(month, day) : undefined) ??
        resolveMonthDay(month, day, year, pub, forwardAt(at), toldAsPast(at));
      if (d) found.push({ date: d, text: m[0], index: at, ...(year ? { explicitYear: true } : {}) });
    }
    taken.push([at, at + m[0].length]);
  }
  for (const m of sentence.matchAll(DAY_MONTH)) {
    const at = m.index ?? 0;
    if (!free(at, at + m[0].length)) continue;
    const month = MONTHS[m[3]!.slice(0, 3).toLowerCase()]!;
    const year = m[4] ? Number(m[4]) : undefined;
    const date =
      (year === undefined ? inAnchorYear(month, Number(m[1])) : undefined) ??
      resolveMonthDay(month, Number(m[1]), year, pub, forwardAt(at), toldAsPast(at));
    if (!date) continue;
    const mention: DateMention = { date, text: m[0], index: at, ...(year ? { explicitYear: true } : {}) };
    if (m[2]) {
      const until = resolveMonthDay(
        month,
        Number(/\d{1,2}/.exec(m[2])![0]),
        year ?? Number(date.slice(0, 4)),
        pub,
        true,
      );
      if (until && until > date) mention.until = until;
    }
    found.push(mention);
    taken.push([at, at + m[0].length]);
  }
  for (const m of sentence.matchAll(MONTH_ONLY)) {
    const at = (m.index ?? 0) + m[0].indexOf(m[1]!);
    if (!free(at, at + m[1]!.length)) continue;
    const month = MONTHS[m[1]!.slice(0, 3).toLowerCase()]!;
    // "pencilled in for early January", "planned for March": a month something is set for lies ahead.
    const setFor = /^for\b/i.test(m[0]) || /\bfor\s+$/i.test(sentence.slice(0, m.index ?? 0));
    const year = m[2] ? Number(m[2]) : undefined;
    const date =
      (year === undefined ? inAnchorYear(month) : undefined) ??
      (setFor && plannedInPast(m.index ?? 0) && year === undefined
        ? nearestMonth(month, pub)
        : resolveMonth(
            month,
            year,
            pub,
            setFor || forwardAt(m.index ?? 0) || postponedTo(m),
            toldAsPast(m.index ?? 0),
          ));
    found.push({ date, text: m[0], index: at, ...(year ? { explicitYear: true } : {}) });
    taken.push([at, at + m[1]!.length]);
    // "in July and August": the second month shares the preposition, and the first one's reading.
    const end = (m.index ?? 0) + m[0].length;
    // "from May to June 2015": a range, read the same way.
    const next = new RegExp(
      `^\\s*(?:and|or|to|through|until)\\s+${MONTH}\\b(?!\\.?\\s*\\d{1,2}\\b)(?:\\s+(\\d{4}))?`,
    ).exec(sentence.slice(end));
    // "in May and June 2015": the year written after the second month is the first one's too.
    if (next?.[2] && !m[2]) {
      const second = MONTHS[next[1]!.slice(0, 3).toLowerCase()]!;
      const y = Number(next[2]) - (second < month ? 1 : 0);
      found[found.length - 1] = {
        ...found.at(-1)!,
        date: `${y}-${String(month + 1).padStart(2, '0')}`,
        explicitYear: true,
      };
    }
    if (next && (!m[2] === !next[2] || (next[2] && !m[2]))) {
      const second = MONTHS[next[1]!.slice(0, 3).toLowerCase()]!;
      const nextAt = end + next[0].indexOf(next[1]!);
      const y = next[2] ? Number(next[2]) : Number(date.slice(0, 4)) + (second < month ? 1 : 0);
      if (free(nextAt, nextAt + next[1]!.length)) {
        found.push({
          date: `${y}-${String(second + 1).padStart(2, '0')}`,
          text: next[0].trim(),
          index: nextAt,
          ...(next[2] ? { explicitYear: true } : {}),
        });
        taken.push([nextAt, nextAt + next[1]!.length]);
      }
    }
  }
  for (const m of sentence.matchAll(NAMED_MONTH)) {
    const at = m.index ?? 0;
    // "in June that year", "in June of the same year": the year the sentence dated last.
    const sameYear = m[6] !== undefined;
    const word = sameYear ? 'that' : (m[1] ?? m[4] ?? '').toLowerCase();
    const month = MONTHS[(m[2] ?? m[3] ?? m[5])!.slice(0, 3).toLowerCase()]!;
    const y = pub.getUTCFullYear();
    const current = pub.getUTCMonth();
    const told = found.filter((f) => f.explicitYear && f.index < at).at(-1);
    let year: number;
    if (sameYear && told) year = Number(told.date.slice(0, 4));
    else if (m[4]) year = word === 'last' ? y - 1 : word === 'next' ? y + 1 : y;
    else if (word === 'last') year = month < current ? y : y - 1;
    else if (word === 'next') year = month > current ? y : y + 1;
    else if (word === 'that') {
      // "that September": the year the paragraph is telling, else the most recent one.
      const anchored = anchor ? Number(anchor.slice(0, 4)) : undefined;
      year = anchored ?? (month <= current ? y : y - 1);
    } else year = y;
    const date = `${year}-${String(month + 1).padStart(2, '0')}`;
    // A month named again by a later rule ("in May last year") is this one.
    for (let k = found.length - 1; k >= 0; k--) {
      const f = found[k]!;
      if (f.index >= at && f.index < at + m[0].length) found.splice(k, 1);
    }
    found.push({ date, text: m[0], index: at, ...(word === 'that' ? {} : { relative: true }) });
    taken.push([at, at + m[0].length]);
  }
  for (const m of sentence.matchAll(YEAR_EDGE)) {
    const at = m.index ?? 0;
    if (!free(at, at + m[0].length)) continue;
    const word = m[2]?.toLowerCase();
    const y = pub.getUTCFullYear();
    const year = m[3] ? Number(m[3]) : word === 'last' ? y - 1 : word === 'next' ? y + 1 : y;
    const month = /^(?:start|beginning)$/i.test(m[1]!) ? '01' : '12';
    found.push({ date: `${year}-${month}`, text: m[0], index: at, ...(m[3] ? { explicitYear: true } : {}) });
    taken.push([at, at + m[0].length]);
  }
  for (const m of sentence.matchAll(RELATIVE_MONTH)) {
    const at = m.index ?? 0;
    const word = m[1]!.toLowerCase();
    const delta = word === 'last' ? -1 : word === 'next' ? 1 : 0;
    const d = new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() + delta, 1));
    found.push({ date: iso(d).slice(0, 7), text: m[0], index: at, relative: true });
    taken.push([at, at + m[0].length]);
  }
  let lastWeekday: { end: number; ahead: boolean } | undefined;
  for (const match of sentence.matchAll(WEEKDAY)) {
    // "Last Monday," opening a sentence: the modifier read in lower case.
    const m = [match[0], match[1]?.toLowerCase(), match[2]] as const;
    const at = match.index ?? 0;
    if (!free(at, at + m[0].length)) continue;
    // "on Tuesday and Wednesday": the second day goes the way the first went.
    const paired =
      lastWeekday && /^\s*(?:and|or|to|through|until|-|–)\s*$/i.test(sentence.slice(lastWeekday.end, at))
        ? lastWeekday.ahead
        : undefined;
    // "the following Saturday" is counted from the text's own date, below.
    if (/\bthe\s+(?:next|following|previous|preceding)\s+$/i.test(sentence.slice(0, at))) continue;
    // "Tuesday, January 6": the weekday only names the day the date already gives.
    if (/^,?\s*(?:\p{Lu}\p{Ll}+\.?\s+\d|\d{1,2}\s+\p{Lu})/u.test(sentence.slice(at + m[0].length))) continue;
    const target = WEEKDAYS.indexOf(m[2]!);
    // "On Monday, Ukraine will mark three years …": a weekday opening a sentence whose own verb is future.
    const opensFuture =
      /^\s*(?:on\s+)?$/i.test(sentence.slice(0, at)) &&
      /^[^.;"“”]{0,80}?\b(?:will|is to|are to|is due to|are due to|is expected to|are expected to|is set to|are set to)\b/i.test(
        sentence.slice(at + m[0].length).split(/\b(?:said|says|told|added)\b/)[0]!,
      );
    // "Trump's Friday deadline", "the Monday deadline": a deadline not yet past is ahead.
    const deadline =
      /^(?:['’]s)?\s+(?:deadline|cutoff|cut-off|target date)\b/i.test(sentence.slice(at + m[0].length)) &&
      !/\b(?:missed|passed|expired|lapsed|blew through|ignored)\b/i.test(sentence);
    // "called demonstrations in every capital for Sunday": what is planned for a weekday is ahead.
    const plannedFor =
      /\b(?:called|planned|scheduled|set|slated|pencilled|penciled|booked|convened)\b[^.;,"“”]{0,60}\bfor\s+$/i.test(
        sentence.slice(0, at),
      );
    const ahead =
      m[1] === 'next' ||
      (m[1] ?? '').includes('coming') ||
      (!m[1] && (paired ?? (cueBefore(at) || opensFuture || deadline || plannedFor)));
    let delta = target - pub.getUTCDay();
    // A plan overtaken by events: whichever of last and next such day is nearer.
    if (!m[1] && overtaken(at)) delta = delta > 3 ? delta - 7 : delta < -3 ? delta + 7 : delta;
    else if (ahead) delta = delta < 0 || (delta === 0 && m[1] === 'next') ? delta + 7 : delta;
    else if (m[1] === 'last') delta = delta >= 0 ? delta - 7 : delta;
    else delta = delta > 0 ? delta - 7 : delta;
    found.push({
      date: iso(new Date(pub.getTime() + delta * DAY_MS)),
      text: m[0],
      index: at,
      relative: true,
    });
    taken.push([at, at + m[0].length]);
    lastWeekday = { end: at + m[0].length, ahead: delta > 0 };
  }
  for (const m of sentence.matchAll(MONTH_EDGE)) {
    const at = m.index ?? 0;
    if (!free(at, at + m[0].length)) continue;
    const word = (m[1] ?? m[3])!.toLowerCase();
    const shift = word === 'next' ? 1 : word === 'last' ? -1 : 0;
    const d = new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() + shift, 1));
    found.push({ date: iso(d).slice(0, 7), text: m[0], index: at, relative: true });
    taken.push([at, at + m[0].length]);
  }
  for (const m of sentence.matchAll(IN_TIME)) {
    const at = m.index ?? 0;
    if (!free(at, at + m[0].length)) continue;
    // "the first rise in two weeks", "the lowest in ten days": a span back, not a day ahead.
    if (
      /\b(?:first|time|highest|lowest|most|least|biggest|largest|best|worst)\b(?:\s+\S+){0,3}\s*$/i.test(
        sentence.slice(0, at),
      )
    )
      continue;
    // "the deal was reached in two days": how long a past happening took.
    if (PAST_FORM.test(/(?:\S+\s+){0,2}$/.exec(sentence.slice(0, at))?.[0] ?? '')) continue;
    const word = m[1]!.toLowerCase();
    const n = /^\d/.test(word) ? Number(word) : word === 'a' ? 1 : NUMBER_WORDS.indexOf(word);
    if (n <= 0) continue;
    const days = /^week/i.test(m[2]!) ? n * 7 : n;
    found.push({
      date: iso(new Date(pub.getTime() + days * DAY_MS)),
      text: m[0],
      index: at,
      relative: true,
      approximate: true,
    });
    taken.push([at, at + m[0].length]);
  }
  for (const m of sentence.matchAll(AGO)) {
    const at = m.index ?? 0;
    const word = m[1]!.toLowerCase();
    const n = /^\d/.test(word)
      ? Number(word)
      : word === 'a' || word === 'an'
        ? 1
        : NUMBER_WORDS.indexOf(word);
    const unit = m[2]!.toLowerCase().replace(/s$/, '');
    const d =
      unit === 'week'
        ? new Date(pub.getTime() - (n * 7 + ((pub.getUTCDay() + 6) % 7)) * DAY_MS)
        : new Date(
            Date.UTC(
              pub.getUTCFullYear() - (unit === 'year' ? n : 0),
              pub.getUTCMonth() - (unit === 'month' ? n : 0),
              pub.getUTCDate(),
            ),
          );
    // "A year ago today" is that day; "two months ago" only that month.
    const exact = unit === 'week' || /today/i.test(m[3] ?? '');
    const weekOnly = unit === 'week' && !m[3];
    const mention: DateMention = {
      date: weekOnly ? weekDate(d) : exact ? iso(d) : iso(d).slice(0, 7),
      text: m[0],
      index: at,
      relative: true,
    };
    if (weekOnly && mention.date.length === 10) mention.approximate = true;
    found.push(mention);
    taken.push([at, at + m[0].length]);
  }
  for (const m of sentence.matchAll(RELATIVE)) {
    const at = m.index ?? 0;
    if (!free(at, at + m[0].length)) continue;
    const word = m[1]!.toLowerCase();
    // "next week" and "last week" are that week (from its Monday); "last weekend" its Saturday.
    const monday = (pub.getUTCDay() + 6) % 7;
    const saturday = (pub.getUTCDay() + 1) % 7 || 7;
    const shift: Record<string, number> = {
      yesterday: -1,
      'last night': -1,
      tomorrow: 1,
      'last week': -7 - monday,
      'last weekend': -saturday,
      // "put a final offer on the table over the weekend": the weekend just past, unless the sentence
      // tells what will happen.
      'over the weekend': FUTURE_SENTENCE.test(sentence) ? 7 - saturday : -saturday,
      'next week': 7 - monday,
      'this week': -monday,
      'earlier this week': -monday,
      'later this week': -monday,
    };
    const day = new Date(pub.getTime() + (shift[word] ?? 0) * DAY_MS);
    const week = /\bweek$/.test(word);
    const mention: DateMention = {
      date: week ? weekDate(day) : iso(day),
      text: m[0],
      index: at,
      relative: true,
    };
    if (week && mention.date.length === 10) mention.approximate = true;
    found.push(mention);
    taken.push([at, at + m[0].length]);
  }
  found.sort((a, b) => a.index - b.index);
  if (reference || found.length > 0) {
    for (const m of sentence.matchAll(FROM_REFERENCE)) {
      const at = m.index ?? 0;
      if (!free(at, at + m[0].length)) continue;
      // "stop strikes for 30 days after the call": a length of time, not a day.
      if (/\bfor\s+$/i.test(sentence.slice(0, at))) continue;
      // The date told last before it, in this sentence or (`reference`) in the ones before.
      // A date that names a thing ("its Aug. 11 offer", "the Dec. 2 deadline") is not when the sentence
      // happens.
      const before = found
        .filter(
          (f) =>
            f.index < at &&
            f.date.length === 10 &&
            !f.approximate &&
            !/\b(?:its|the|his|her|their|our|this|that|a|an)\s+$|['’]s\s+$/i.test(sentence.slice(0, f.index)),
        )
        .at(-1);
      const from = before?.date ?? reference;
      if (!from) continue;
      // "The meeting came a day after …": the sentence is about a happening the text dated before, so the
      // date counted from is its own.
      const aboutDated = !before && HAPPENING_SUBJECT.test(sentence);
      const mention = fromReferenceDate(m, from, sentence.slice(at + m[0].length), !!before || aboutDated);
      if (!mention) continue;
      found.push({ ...mention, text: m[0], index: at });
      found.sort((a, b) => a.index - b.index);
    }
  }
  return found;
}

/**
 * "a week before the meeting", "a day after the vote": a happening named by a noun, which the sentence's
 * own happening is counted from. Anything else after "after"/"before" is a clause with its own happening
 * ("a day after Russia freed him", "12 days before the contract expires").
 */
const NAMED_HAPPENING =
  /^\s*(?:the|a|an|its|his|her|their|this|that)\s+(?:[\p{L}-]+\s+){0,2}?(?:meeting|talks|summit|vote|election|deadline|session|round|visit|call|signing|ceremony|conference|strike|attack|invasion|war|agreement|deal|ceasefire|truce|referendum|hearing|trial|walkout|congress|convention|inauguration)s?\b(?!(?:\s+of\s+(?:the\s+)?[\p{L}-]+)?(?:,\s+(?:which|who|that)\b[^,;]*,)?\s+(?:\p{Ll}+(?:s|ed)|is|was|were|are|had|has)\b)/u;

const HAPPENING_SUBJECT =
  /^\s*(?:the|this|that|its|their|his|her)\s+(?:[\p{L}-]+\s+){0,2}?(?:meeting|talks|call|agreement|deal|summit|visit|announcement|decision|move|session|vote|exchange|swap|release|statement|breakthrough|round)\s+(?:came|comes|was|were|is|took place|followed|follows)\b/iu;

function clauseFollows(rest: string): boolean {
  return !NAMED_HAPPENING.test(rest);
}

function fromReferenceDate(
  m: RegExpMatchArray,
  from: string,
  rest = '',
  ownDate = false,
): Omit<DateMention, 'text' | 'index'> | undefined {
  const base = Date.parse(from);
  const at = (days: number) => iso(new Date(base + days * DAY_MS));
  if (m[3]) {
    const count = m[1]!.toLowerCase();
    // "hours later", "minutes after": the same day.
    const n =
      /^(?:hours|minutes)$/.test(count) || /^(?:hour|minute)/i.test(m[2] ?? '')
        ? 0
        : /^\d/.test(count)
          ? Number(count)
          : count === 'a' || count === 'an'
            ? 1
            : NUMBER_WORDS.indexOf(count);
    if (n < 0 || (n > 0 && !m[2])) return undefined;
    const days = n * (/^weeks?$/i.test(m[2] ?? '') ? 7 : 1);
    const word = m[3].toLowerCase();
    // "a day later/earlier": the sentence's own happening. "a day after X": X, a day before the
    // happening the text dated last; "two days before X": X, two days after it.
    if (word === 'later') return { date: at(days), fromReference: 'main' };
    if (word === 'earlier') return { date: at(-days), fromReference: 'main' };
    // "a week before the meeting": the sentence's own happening, counted from the one named; "a day
    // after Russia freed him": the clause's happening, counted from the sentence's.
    // When the sentence dated its own happening first ("met today, three days before a deadline"), the
    // count dates the one named instead.
    if (!ownDate && !clauseFollows(rest))
      return { date: at(word === 'after' ? days : -days), fromReference: 'main' };
    return { date: at(word === 'after' ? -days : days), fromReference: 'clause' };
  }
  if (m[6]) {
    const after = m[6].toLowerCase() === 'after';
    if (!ownDate && !clauseFollows(rest)) return { date: at(after ? 1 : -1), fromReference: 'main' };
    return { date: at(after ? -1 : 1), fromReference: 'clause' };
  }
  const ahead = /^(?:next|following)$/i.test(m[4]!);
  const unit = m[5]!.toLowerCase();
  if (unit === 'month') {
    // "the following month": the month after the one the text dated, as a month.
    const d = new Date(base);
    const month = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (ahead ? 1 : -1), 1));
    return { date: iso(month).slice(0, 7), fromReference: 'main' };
  }
  if (unit === 'week') {
    const monday = (new Date(base).getUTCDay() + 6) % 7;
    return { date: at((ahead ? 7 : -7) - monday), approximate: true, fromReference: 'main' };
  }
  const weekday = WEEKDAYS.findIndex((d) => d.toLowerCase() === unit);
  if (weekday < 0) return { date: at(ahead ? 1 : -1), fromReference: 'main' };
  const day = new Date(base).getUTCDay();
  const delta = ahead ? (weekday - day + 7) % 7 || 7 : -((day - weekday + 7) % 7 || 7);
  return { date: at(delta), fromReference: 'main' };
}

function resolveMonthDay(
  month: number,
  day: number,
  year: number | undefined,
  pub: Date,
  forward: boolean,
  toldAsPast = false,
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
  // A date a few days ahead is the near future whatever the wording; further ahead needs a cue, or a
  // past reading so far back that the year would have been written, unless a past-tense verb tells it
  // ("Israelis vote on November 1" in October is this November, not last year's).
  const farPast = !toldAsPast && (!past || -past.delta > 3 * future!.delta);
  if (
    future &&
    (future.delta <= 7 * DAY_MS ||
      (forward && future.delta < 183 * DAY_MS) ||
      (farPast && future.delta < 92 * DAY_MS))
  ) {
    if (!past || future.delta < -past.delta || forward) return future.d;
  }
  return past?.d;
}

function resolveMonth(
  month: number,
  year: number | undefined,
  pub: Date,
  forward: boolean,
  toldAsPast = false,
): string {
  if (year !== undefined) return `${year}-${String(month + 1).padStart(2, '0')}`;
  let y = pub.getUTCFullYear();
  const current = pub.getUTCMonth();
  // "face higher tariffs from April" in January: three months ahead, not nine back, unless told in the past.
  const soon = month > current && month - current <= 3 && !toldAsPast;
  if (month > current && !forward && !soon) y -= 1;
  if (month < current && forward) y += 1;
  return `${y}-${String(month + 1).padStart(2, '0')}`;
}

/** A month that could be either side of publication: the nearer one ("planned for September was postponed"). */
function nearestMonth(month: number, pub: Date): string {
  const current = pub.getUTCMonth();
  const y = pub.getUTCFullYear() + (month - current > 6 ? -1 : month - current < -6 ? 1 : 0);
  return `${y}-${String(month + 1).padStart(2, '0')}`;
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

/**
 * "last week", "next week", "three weeks ago" name a week, not a day: the month when the whole week
 * (Monday to Sunday) lies in one, else its Monday (shown as the week of that day).
 */
function weekDate(monday: Date): string {
  const sunday = new Date(monday.getTime() + 6 * DAY_MS);
  const month = iso(monday).slice(0, 7);
  return iso(sunday).slice(0, 7) === month ? month : iso(monday);
}
