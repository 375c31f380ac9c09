// Dated events — meetings, calls, summits, agreements, exchanges, deadlines, votes, visits, statements —
// one per happening, with place and participants. The kind comes from the verb the date belongs to and
// its object ("held talks", "signed an agreement", "spoke by phone"), never from any word in the
// sentence ("called the talks useful" is no call). Participants are people named outside quotations
// who are not reporters; a date that only says when something was reported is not an event.

import type { Analysis, Entity, Mention, Sentence } from './analysis-types';
import { clauseSubject } from './clauses';
import { resolvePronoun } from './coref';
import { findDates, PAST_FORM } from './dates';
import { countryFor, DOCUMENT_NAME_WORDS } from './lexicon';
import { ANAPHORIC } from './scoring';
import { wordCount } from './text';
import { trimVariants } from './trim';
import type { TimelineEvent } from './types';

export type EventKind =
  | 'meeting'
  | 'call'
  | 'summit'
  | 'agreement'
  | 'exchange'
  | 'deadline'
  | 'vote'
  | 'visit'
  | 'proposal'
  | 'statement'
  | 'other';

export interface DatedEvent extends TimelineEvent {
  kind: EventKind;
  approximate?: boolean;
  /** The last day of an event over several days. */
  until?: string;
}

const LINE_MAX_WORDS = 40;
const LONG_LINE_WORDS = 60;

/** Verb forms (lower case) and the kind of happening they report. */
const VERB_KINDS: Array<[RegExp, EventKind]> = [
  [
    /^(?:sign|signs|signed|signing|ink|inks|inked|initial(?:l)?ed|seal|sealed|agree|agreed|agrees|struck|strike|reach|reached|conclude|concluded)$/,
    'agreement',
  ],
  [/^(?:swap|swapped|exchange|exchanged|free|freed|release|released|return|returned)$/, 'exchange'],
  [/^(?:vote|voted|votes|ratify|ratified|approve|approved)$/, 'vote'],
  [
    /^(?:meet|met|meets|meeting|convene|convened|gather|gathered|host|hosted|hosts|negotiate|negotiated)$/,
    'meeting',
  ],
  [
    /^(?:visit|visited|visits|travel|travelled|traveled|travels|arrive|arrived|arrives|fly|flew|land|landed)$/,
    'visit',
  ],
  [/^(?:phone|phoned|dial|dialled|dialed)$/, 'call'],
  [
    /^(?:unveil|unveiled|present|presented|propose|proposed|draft|drafted|table|tabled|submit|submitted|circulate|circulated)$/,
    'proposal',
  ],
  [
    /^(?:say|said|says|announce|announced|announces|post|posted|write|wrote|confirm|confirmed|issue|issued|publish|published|declare|declared|state|stated|tell|told|warn|warned)$/,
    'statement',
  ],
];
const OBJECT_KINDS: Array<[RegExp, EventKind]> = [
  [/\b(?:summit)\b/i, 'summit'],
  [/\b(?:phone call|call|calls|video call|phone conversation|conversation by phone)\b/i, 'call'],
  [/\b(?:agreement|deal|accord|treaty|declaration|memorandum|ceasefire|truce)\b/i, 'agreement'],
  [/\b(?:talks|meeting|meetings|negotiations|discussions|round|session|consultations)\b/i, 'meeting'],
  [/\b(?:prisoner exchange|prisoner swap|exchange of prisoners|swap)\b/i, 'exchange'],
  [/\b(?:vote|referendum|election|ballot)\b/i, 'vote'],
];
/** Verbs whose kind is their object's: "held talks", "had a call", "took place". */
const LIGHT_VERBS =
  /^(?:hold|held|holds|have|had|has|host|hosted|take|took|taking|began|begin|begins|start|started|end|ended|open|opened|wrap|wrapped|resume|resumed|attend|attended|join|joined|lead|led|chair|chaired)$/;
const DEADLINE = /\b(?:deadline|ultimatum|until|due|by the end of|expires?|expiry)\b/i;
const RELAYED = /^(?:report|reported|reports|reporting)$/;
const POSSESSED_HAPPENING =
  /^['’]s\s+(?:[\w-]+\s+){0,2}?(?:strike|strikes|attack|attacks|bombing|shelling|raid|vote|meeting|talks|summit|call|signing|announcement|cancellations?|exchange|swap|release|election)\b/i;

export function extractEvents(a: Analysis): DatedEvent[] {
  const events: DatedEvent[] = [];
  // A date the paragraph gave with a past year, which the year-less dates after it in the paragraph are
  // told from, until a sentence counts from the publication day again ("on Sunday", "last month").
  let anchor: { paragraph: number; date: string } | undefined;
  // The day the text dated last, which "a day later" and "the following Saturday" are counted from: a
  // day already past, since a plan ahead is not what a narrative counts on from.
  let reference: string | undefined;
  for (const s of a.sentences) {
    // "Editor's note: this article was updated on Thursday": the page's history, not the story's.
    if (s.oversize || /^editor['’]s note\b/i.test(s.text)) continue;
    const unquoted = maskQuotes(s);
    if (anchor && anchor.paragraph !== s.paragraph) anchor = undefined;
    const dates = findDates(unquoted, a.published, anchor?.date, reference);
    reference =
      dates
        .filter((d) => d.date.length === 10 && !d.approximate && !d.fromReference && d.date <= a.day)
        .at(-1)?.date ?? reference;
    if (dates.some((d) => d.relative)) anchor = undefined;
    // "… since the Taliban returned to power in August 2021": a starting point, not the year the
    // paragraph goes on telling.
    const written = dates
      .filter(
        (d) =>
          d.explicitYear &&
          d.date.slice(0, 4) < a.day.slice(0, 4) &&
          !/\bsince\b[^,;.]*$/i.test(unquoted.slice(0, d.index)),
      )
      .at(-1);
    if (written) anchor = { paragraph: s.paragraph, date: written.date };
    // A list of past dates ("earlier sessions, held on Feb. 11, March 13, April 11 and 25") is background
    // to this report: the happenings are each another report's news.
    const near = (d: string) => Math.abs(Date.parse(d) - a.published.getTime()) <= 7 * 86_400_000;
    // Deadlines ahead ("by July 29 … by August 8 … by August 18") are the timeline's future, not background.
    // But "Members rejected an offer on July 27 and turned down another on Aug. 3" tells two happenings,
    // each in its own clause: each is dated with its clause as the line.
    const clauses = dates.length > 1 ? datedClauses(s, dates) : undefined;
    // Only a list: dates one after the other ("on Feb. 11, March 13, April 11 and 25"), not three
    // happenings each told with its own words ("struck in Geneva in November 2013, … reached in
    // Lausanne on 2 April").
    const listed = dates.every(
      (d, k) =>
        k === 0 ||
        /^[\s,]*(?:and\s+)?$/.test(unquoted.slice(dates[k - 1]!.index + dates[k - 1]!.text.length, d.index)),
    );
    if (
      !clauses &&
      listed &&
      dates.length > 2 &&
      !dates.some((d) => near(d.date)) &&
      dates.every((d) => d.date <= a.day)
    )
      continue;
    // "on Dec. 16 … earlier this month": a month the same sentence already dates to the day adds nothing.
    const days = new Set(dates.filter((d) => d.date.length === 10).map((d) => d.date.slice(0, 7)));
    for (const mention of dates.filter((d) => d.date.length === 10 || !days.has(d.date))) {
      // "Monday's telephone diplomacy": a day named as the owner of something told elsewhere; but
      // "Wednesday's strike on the hospital" dates the happening it names.
      const after = unquoted.slice(mention.index + mention.text.length);
      if (/^['’]s\b/.test(after) && !POSSESSED_HAPPENING.test(after)) continue;
      // "The call came a day after Russia freed him": the date is the happening the clause tells.
      let verb =
        (mention.fromReference === 'clause'
          ? verbAfter(s, mention.index + mention.text.length)
          : undefined) ?? governingVerb(s, mention.index);
      // "Reuters reported on Dec. 20 that X is travelling": the report dates the happening it relays.
      if (verb && RELAYED.test(verb.text.toLowerCase())) verb = happeningVerb(s, verb.index);
      let kind = kindOf(s, verb?.index, unquoted, mention.index);
      // "… since Trump took office in January": the clause's own happening, told on its own line.
      const subordinate = clauses ? undefined : subordinateClause(s, mention.index);
      if (subordinate && kind !== 'deadline')
        kind = OBJECT_KINDS.find(([re]) => re.test(subordinate))?.[1] ?? 'other';
      if ((kind === 'other' || kind === 'statement') && mention.fromReference !== 'clause' && !subordinate) {
        // "… came after direct talks in Istanbul on Friday": the date belongs to the noun before it.
        const near = unquoted.slice(Math.max(0, mention.index - 70), mention.index);
        const noun = OBJECT_KINDS.find(([re]) => re.test(near));
        if (noun && !/\b(?:said|says|told|announced|wrote|posted)\b/.test(near)) kind = noun[1];
      }
      const participants = participantsOf(s, kind, verb?.index);
      const place = placeOf(s);
      const upcoming = mention.date.length === 10 && mention.date > a.day;
      // A line cut at the date's own clause ("… some 20 minutes after the meeting ended") would lose it.
      const dateEnd =
        mention.fromReference === 'clause' ? mention.index + mention.text.length : mention.index;
      const own = clauses?.find((c) => mention.index >= c.from && mention.index < c.to);
      // A date outside every clause that has its own line (", walking out the next day") is left out.
      if (clauses && !own) continue;
      const description =
        own?.text ??
        (mention.fromReference === 'clause'
          ? countedClause(s, mention.index + mention.text.length)
          : undefined) ??
        subordinate ??
        describe(a, s, kind, place, participants, dateEnd) ??
        documentDated(s, verb?.index);
      // An event nobody can describe in a line is noise on a timeline.
      if (!description) continue;
      const event: DatedEvent = {
        date: mention.date,
        description,
        participants,
        kind,
        ...(place ? { place } : {}),
        ...(mention.approximate ? { approximate: true } : {}),
        ...(mention.until ? { until: mention.until } : {}),
        ...(upcoming || (mention.date.length === 7 && mention.date > a.day.slice(0, 7))
          ? { upcoming: true }
          : {}),
      };
      events.push(event);
    }
  }
  const lead = undatedLead(a);
  if (lead) events.push(lead);
  return merge(events).sort((x, y) => x.date.localeCompare(y.date));
}

/**
 * "Fifa has agreed a deal for …", "The union has accepted the offer": a lead that tells its news in the
 * present perfect, with no date, tells what happened by the publication day; the timeline dates it so.
 * Only a happening (an agreement, an exchange, a vote, a meeting, a proposal), never a statement.
 */
function undatedLead(a: Analysis): DatedEvent | undefined {
  const s = a.sentences.slice(0, 4).find((x) => !x.oversize && x.tokens.length >= 8);
  if (!s) return undefined;
  const unquoted = maskQuotes(s);
  if (findDates(unquoted, a.published).length > 0) return undefined;
  const verb = s.tokens.findIndex((t, i) => !s.quoted[i] && t.pos === 'VERB');
  if (verb < 1 || !/^(?:has|have)$/i.test(s.tokens[verb - 1]!.text)) return undefined;
  const kind = kindOf(s, verb, unquoted, s.text.length);
  if (!['agreement', 'exchange', 'vote', 'meeting', 'proposal', 'summit'].includes(kind)) return undefined;
  const participants = participantsOf(s, kind, verb);
  const place = placeOf(s);
  const description = describe(a, s, kind, place, participants, s.text.length);
  if (!description) return undefined;
  return { date: a.day, description, participants, kind, ...(place ? { place } : {}) };
}

/**
 * "…, one day after Lebanon delivered its response to a US proposal": the date is the clause's
 * happening, so the clause is its line ("Lebanon delivered its response to a US proposal."), when it
 * opens on a name or a noun and has its own verb.
 */
function countedClause(s: Sentence, from: number): string | undefined {
  const rest = s.text.slice(from).replace(/^\s+/, '');
  // "the second round of talks, which began on Saturday, appeared to have collapsed": the aside is cut.
  const aside = /^[^,;:"“”]+(,\s+(?:which|who)\b[^,;:"“”]*,)/.exec(rest)?.[1];
  const clause = /^[^,;:"“”]+/.exec(aside ? rest.replace(aside, '') : rest)?.[0]?.replace(/[.\s]+$/, '');
  if (!clause || !/^(?:the\s+|a\s+|an\s+)?\p{Lu}/u.test(clause) || ANAPHORIC.test(clause)) return undefined;
  const start = s.text.length - rest.length;
  const end = start + clause.length + (aside && clause.length > rest.indexOf(aside) ? aside.length : 0);
  const asideAt = aside ? start + rest.indexOf(aside) : -1;
  const inAside = (t: { start: number }) =>
    aside !== undefined && t.start >= asideAt && t.start < asideAt + aside.length;
  const hasVerb = s.tokens.some(
    (t, i) =>
      t.start >= start &&
      t.end <= end &&
      !inAside(t) &&
      !s.quoted[i] &&
      (t.pos === 'VERB' || t.pos === 'AUX'),
  );
  const words = wordCount(clause);
  if (!hasVerb || words < 4 || words > LINE_MAX_WORDS) return undefined;
  return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`;
}

/**
 * "… the first such talks since U.S. President Donald Trump took office in January": a date inside a
 * clause with its own subject and verb, after "since", "when" or "after", is that clause's happening;
 * the clause is its line ("U.S. President Donald Trump took office in January.").
 */
function subordinateClause(s: Sentence, dateAt: number): string | undefined {
  const { tokens } = s;
  const dateToken = tokens.findIndex((t) => t.start >= dateAt);
  if (dateToken < 0) return undefined;
  let k = dateToken - 1;
  while (k >= 0 && !/^[,;:]$/.test(tokens[k]!.text) && !/^(?:since|when|after)$/i.test(tokens[k]!.text)) k--;
  if (k < 1 || !/^(?:since|when|after)$/i.test(tokens[k]!.text)) return undefined;
  // Its own subject (a name or a noun phrase) and then its verb, before the date.
  const verb = tokens.slice(k + 1, dateToken).findIndex((t, n) => !s.quoted[k + 1 + n] && t.pos === 'VERB');
  if (verb <= 0) return undefined;
  return countedClause(s, tokens[k]!.end);
}

const DOCUMENT_IN_NAME = new RegExp(`\\b(?:${DOCUMENT_NAME_WORDS})\\b`);

/**
 * "… the Security Cooperation Agreement signed on April 17, 2001": a document the text names, dated by
 * the participle right after its name, when the sentence itself gives no line ("They also agreed to …").
 */
function documentDated(s: Sentence, verb: number | undefined): string | undefined {
  if (verb === undefined) return undefined;
  const participle = s.tokens[verb]!.text.toLowerCase();
  if (!/^(?:signed|concluded|adopted|agreed|ratified|initialled|initialed|reached|struck)$/.test(participle))
    return undefined;
  // "the General Agreement for Cooperation in the fields of trade, culture and youth signed on …": the
  // name's own phrase may come between, with no verb in it.
  const doc = s.mentions.findLast(
    (m) =>
      m.to <= verb &&
      verb - m.to <= 20 &&
      s.tokens.slice(m.to, verb).every((t) => t.pos !== 'VERB' && t.pos !== 'AUX' && t.text !== ';') &&
      m.kind === 'name' &&
      m.entity?.kind === 'organisation' &&
      DOCUMENT_IN_NAME.test(m.entity.name),
  );
  return doc ? `The ${doc.entity!.name} was ${participle}.` : undefined;
}

/** The sentence with its quotations blanked out (same length, so offsets still line up). */
function maskQuotes(s: Sentence): string {
  let out = s.text;
  for (const q of s.quotes) out = out.slice(0, q.start) + ' '.repeat(q.end - q.start) + out.slice(q.end);
  return out;
}

/** The verb a date belongs to: the nearest verb before it outside quotations, else the first after it. */
function governingVerb(s: Sentence, charIndex: number): { index: number; text: string } | undefined {
  let before: number | undefined;
  let after: number | undefined;
  s.tokens.forEach((t, i) => {
    if (s.quoted[i] || t.pos !== 'VERB' || isModifyingParticiple(s, i)) return;
    if (t.start < charIndex) before = i;
    else if (after === undefined) after = i;
  });
  const i = before ?? after;
  return i === undefined ? undefined : { index: i, text: s.tokens[i]!.text };
}

/** The first verb after a point outside quotations, within its clause. */
function verbAfter(s: Sentence, charIndex: number): { index: number; text: string } | undefined {
  for (let i = 0; i < s.tokens.length; i++) {
    const t = s.tokens[i]!;
    if (t.start < charIndex || s.quoted[i]) continue;
    if (t.text === ';' || t.text === ',') return undefined;
    if (t.pos === 'VERB' && !isModifyingParticiple(s, i)) return { index: i, text: t.text };
  }
  return undefined;
}

/** "a delegation led by Umerov", "talks aimed at": a participle describing a noun, not a happening. */
function isModifyingParticiple(s: Sentence, i: number): boolean {
  const t = s.tokens[i]!;
  const next = s.tokens[i + 1]?.text.toLowerCase();
  const prev = s.tokens[i - 1];
  // "the summit ended at the resort" is the happening itself; "talks aimed at" describes the talks.
  if (/^(?:ended|closed|opened|resumed|arrived|landed|met|convened|gathered|wrapped)$/i.test(t.text))
    return false;
  return /(?:ed|en|led|held|made)$/.test(t.text) && (next === 'by' || next === 'at') && prev?.pos !== 'AUX';
}

/** The verb of the relayed clause: the first verb after the relaying one that is not another report. */
function happeningVerb(s: Sentence, from: number): { index: number; text: string } | undefined {
  for (let i = from + 1; i < s.tokens.length; i++) {
    const t = s.tokens[i]!;
    if (s.quoted[i] || t.pos !== 'VERB' || RELAYED.test(t.text.toLowerCase()) || /ing$/.test(t.text))
      continue;
    return { index: i, text: t.text };
  }
  for (let i = 0; i < from; i++) {
    const t = s.tokens[i]!;
    if (!s.quoted[i] && t.pos === 'VERB') return { index: i, text: t.text };
  }
  return undefined;
}

function kindOf(s: Sentence, verb: number | undefined, unquoted: string, dateAt: number): EventKind {
  if (DEADLINE.test(unquoted.slice(Math.max(0, dateAt - 40), dateAt))) return 'deadline';
  // "as a July 9 deadline draws near", "funds agencies through Feb. 15": the date names an end.
  if (/^[^,.;]{0,16}?\bdeadline\b/i.test(unquoted.slice(dateAt, dateAt + 32))) return 'deadline';
  if (/\bthrough\s+$/i.test(unquoted.slice(Math.max(0, dateAt - 10), dateAt))) return 'deadline';
  if (verb === undefined) return 'other';
  const word = s.tokens[verb]!.text.toLowerCase();
  // The object: the words after the verb, up to the date or the end of the clause.
  const object = s.tokens
    .slice(verb + 1, verb + 8)
    .filter((_t, k) => !s.quoted[verb + 1 + k])
    .map((t) => t.text)
    .join(' ');
  if (/^(?:spoke|speak|speaks|talked|talk|talks)$/.test(word)) {
    return /\b(?:phone|call|video)\b/i.test(unquoted) ? 'call' : 'meeting';
  }
  if (/^(?:call|called|calls)$/.test(word)) {
    // "called Putin on Monday" is a call; "called the talks useful" or "called for" is not.
    const next = s.mentions.find(
      (m) =>
        m.from > verb &&
        m.entity?.kind === 'person' &&
        s.tokens.slice(verb + 1, m.from).every((t) => t.capitalised || t.pos === 'DET'),
    );
    const after = next ? s.tokens[next.to] : undefined;
    return next && (!after || !/^(?:DET|ADJ|NOUN)$/.test(after.pos)) ? 'call' : 'statement';
  }
  if (LIGHT_VERBS.test(word)) {
    for (const [re, kind] of OBJECT_KINDS) if (re.test(object)) return kind;
    // "The two-day summit on peace ended …", "Talks resumed …": the happening is the subject.
    if (
      /^(?:took|take|taking|ended|end|began|begin|begins|opened|open|resumed|resume|wrapped|closed)$/.test(
        word,
      )
    ) {
      const subject = s.tokens
        .slice(0, verb)
        .filter((_t, k) => !s.quoted[k])
        .map((t) => t.text)
        .join(' ');
      for (const [re, kind] of OBJECT_KINDS) if (re.test(subject)) return kind;
      if (/^(?:took|take|taking)$/.test(word) && /\bplace\b/.test(object)) return 'meeting';
    }
    if (/^(?:took|take|taking)$/.test(word) && /\bplace\b/.test(object)) {
      const subject = s.tokens
        .slice(0, verb)
        .map((t) => t.text)
        .join(' ');
      for (const [re, kind] of OBJECT_KINDS) if (re.test(subject)) return kind;
      return 'meeting';
    }
    return 'other';
  }
  for (const [re, kind] of VERB_KINDS) {
    if (!re.test(word)) continue;
    // "returned to office in January", "freed up funds": an exchange frees or returns people.
    // "The statement was released on Thursday": a document released in the passive is one too.
    const passiveSubject =
      /^(?:was|were|been|is|are)$/i.test(s.tokens[verb - 1]?.text ?? '') &&
      /\b(?:statement|report|document|video|figures|data|details|text|communiqu[eé]|readout|letter)s?\s*$/i.test(
        s.tokens
          .slice(0, verb - 1)
          .map((t) => t.text)
          .join(' '),
      );
    if (
      kind === 'exchange' &&
      ((/^return/.test(word) && /^(?:to|from)\b/.test(object) && !/\bcaptivity\b/.test(object)) ||
        (/^release/.test(word) && passiveSubject) ||
        (/^release/.test(word) &&
          /^(?:an? |the |its |their )?(?:[\w-]+ )?(?:statement|report|document|video|figures|data|funds|details|plan|text)\b/i.test(
            object,
          )))
    )
      return /^release/.test(word) ? 'statement' : 'other';
    // "agreed to hold talks": an agreement about a meeting is still an agreement.
    if (kind === 'statement') {
      for (const [ore, okind] of OBJECT_KINDS) if (ore.test(object) && okind !== 'meeting') return okind;
    }
    return kind;
  }
  return 'other';
}

/**
 * Who took part: for a meeting or call, the verb's subject and the people in its clause after it ("X met
 * Y", "talks between X and Y"); otherwise everyone the sentence names outside quotations. Never a
 * reporter, never a possessor ("Putin's envoy" does not bring Putin).
 */
function participantsOf(s: Sentence, kind: EventKind, verb: number | undefined): string[] {
  const ok = (m: Mention) => {
    const e = m.entity;
    return !!e && !m.inQuote && !m.possessive && e.kind === 'person' && !e.reporter && !e.partial;
  };
  let chosen = s.mentions.filter(ok);
  if ((kind === 'meeting' || kind === 'call' || kind === 'visit') && verb !== undefined) {
    const end = clauseEnd(s, verb);
    const subject = clauseSubject(s, verb);
    // "Trump said he would meet Putin": the pronoun is the one the reference pass found.
    if (subject?.kind === 'pronoun' && !subject.entity) resolvePronoun(s, subject);
    if (subject?.entity && subject.kind === 'pronoun' && ok(subject)) chosen = [subject, ...chosen];
    const inClause = chosen.filter((m) => m.from > verb && m.from < end);
    const subjectPeople = subject
      ? chosen.filter((m) => m.from >= subject.from && m.to <= subject.to + 6 && m.to <= verb)
      : [];
    chosen = [...subjectPeople, ...inClause];
  }
  return [...new Set(chosen.map((m) => m.entity!.name))];
}

function isCountry(name: string): boolean {
  return countryFor(name) === name || /^(?:\p{Lu}\.?){2,4}$/u.test(name);
}

/**
 * The people taking part in the first meeting or call the sentence reports (subject and the people
 * after the verb in its clause), for significance: "Witkoff met Putin, Trump among those praising it"
 * is a meeting of Witkoff and Putin.
 */
export function meetingParticipants(s: Sentence): Entity[] | undefined {
  for (let i = 0; i < s.tokens.length; i++) {
    if (s.quoted[i] || s.tokens[i]!.pos !== 'VERB' || isModifyingParticiple(s, i)) continue;
    const kind = kindOf(s, i, maskQuotes(s), s.text.length);
    if (kind !== 'meeting' && kind !== 'call' && kind !== 'summit') continue;
    const names = new Set(participantsOf(s, 'meeting', i));
    const out: Entity[] = [];
    for (const m of s.mentions)
      if (m.entity && names.has(m.entity.name) && !out.includes(m.entity)) out.push(m.entity);
    return out;
  }
  return undefined;
}

/** Where the clause after a verb ends: a semicolon, a subordinate clause, or the sentence's end. */
function clauseEnd(s: Sentence, verb: number): number {
  for (let i = verb + 1; i < s.tokens.length; i++) {
    const t = s.tokens[i]!;
    if (s.quoted[i]) continue;
    if (t.text === ';' || /^(?:while|although|whereas|because|but)$/i.test(t.text)) return i;
    if (
      t.text === ',' &&
      /^(?:while|although|as|after|before|who|which|where|amid)$/i.test(s.tokens[i + 1]?.text ?? '')
    ) {
      return i;
    }
    // ", hours after Trump urged …", ", two days before the summit": a time clause, not the meeting's.
    if (t.text === ',') {
      let k = i + 1;
      while (
        k < i + 5 &&
        /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|just|only|less|more|than|about|some|several|few|hours?|days?|weeks?|months?|minutes?)$/i.test(
          s.tokens[k]?.text ?? '',
        )
      )
        k++;
      if (k > i + 1 && /^(?:after|before|since|later|earlier)$/i.test(s.tokens[k]?.text ?? '')) return i;
    }
  }
  return s.tokens.length;
}

/** The venue: a city or site named after "in"/"at" (a country only when nothing finer is named). */
function placeOf(s: Sentence): string | undefined {
  const places = s.mentions.filter(
    (m) => !m.inQuote && m.entity?.kind === 'place' && !m.possessive && !m.modifier,
  );
  const preposition = (m: Mention) => {
    const before = s.tokens[m.from - 1]?.text.toLowerCase();
    const twoBefore = s.tokens[m.from - 2]?.text.toLowerCase();
    return (
      before === 'in' || before === 'at' || (before === 'the' && (twoBefore === 'in' || twoBefore === 'at'))
    );
  };
  // "the war in Ukraine", "the conflict in Gaza": where a war is, not where the event took place.
  const setting = (m: Mention) =>
    /^(?:war|conflict|fighting|invasion|crisis|violence|peace|ceasefire)$/i.test(
      s.tokens[m.from - 2]?.text ?? '',
    );
  const introduced = places.filter((m) => preposition(m) && !setting(m));
  const finer = introduced.find((m) => !isCountry(m.entity!.name));
  return (finer ?? introduced[0])?.entity?.name;
}

const KIND_WORDS: Record<EventKind, string> = {
  meeting: 'Meeting',
  call: 'Call',
  summit: 'Summit',
  agreement: 'Agreement',
  exchange: 'Prisoner exchange',
  deadline: 'Deadline',
  vote: 'Vote',
  proposal: 'Proposal',
  visit: 'Visit',
  statement: 'Statement',
  other: 'Development',
};

/** The sentence as one whole line when it fits; else a line built from what the event is. */
function describe(
  _a: Analysis,
  s: Sentence,
  kind: EventKind,
  place: string | undefined,
  people: string[],
  dateAt: number,
): string | undefined {
  const line = trimVariants(s).find(
    (v) => v.words <= LINE_MAX_WORDS && !ANAPHORIC.test(v.text.replace(/^["“]/, '')),
  );
  if (line) return line.text;
  // "That truce, extended in August, is due to expire on November 10.": on a timeline of the topic, the
  // thing a demonstrative points back to is the one the entry dates; "The truce …" reads whole.
  if (kind !== 'other' && kind !== 'statement' && /^(?:That|This)$/.test(s.tokens[0]?.text ?? '')) {
    const next = s.tokens[1];
    const plain = trimVariants(s)
      .map((v) => v.text.replace(/^(?:That|This)\s+/, 'The '))
      .find((t) => wordCount(t) <= LINE_MAX_WORDS && !ANAPHORIC.test(t));
    if (next?.pos === 'NOUN' && plain) return plain;
  }
  const before = whatCameBefore(s, dateAt);
  if (before) return before;
  const clause = dateClause(s, dateAt);
  if (clause) return clause;
  // A long sentence is still better than no entry, within reason.
  const long = trimVariants(s).at(-1);
  if (long && long.words <= LONG_LINE_WORDS && !ANAPHORIC.test(long.text.replace(/^["“]/, '')))
    return long.text;
  // Nothing reads as a line: say what the event is, when the kind and the people or place say enough.
  // ("Deadline with Ana Ruiz." says nothing of what is due.)
  if (kind === 'other' || kind === 'statement' || kind === 'deadline' || (people.length === 0 && !place))
    return undefined;
  const who =
    people.length > 0
      ? ` with ${people
          .slice(0, 3)
          .join(', ')
          .replace(/, ([^,]*)$/, ' and $1')}`
      : '';
  const where = place ? ` in ${place}` : '';
  return `${KIND_WORDS[kind]}${where}${who}.`;
}

/**
 * "It came a day after Ukraine carried out its boldest raid of the war, …", "It followed an attack on the
 * capital on Thursday that killed 12 people": the sentence leans on the one before, but what it dates is
 * told whole after "came after" / "followed", up to the next clause.
 */
function whatCameBefore(s: Sentence, dateAt = -1): string | undefined {
  const lead =
    /^(?:It|This|That)\s+(?:came|followed|was preceded by)\s+(?:(?:less than|more than|just|only|nearly|about)\s+)?(?:(?:a|an|one|two|three|four|five|six|\d+)\s+(?:day|days|week|weeks|hour|hours|month|months)\s+)?(?:after\s+)?/i.exec(
      s.text,
    );
  if (!lead) return undefined;
  // "the second round of talks, which began on Saturday, appeared to have collapsed": an aside set off by
  // commas inside the clause is cut, and the clause goes on to its verb.
  const aside = /^([^,;"“”]+),\s+(?:which|who)\b[^,;"“”]*,\s+(?=\p{Ll}+(?:ed|s)\b)/u.exec(
    s.text.slice(lead[0].length),
  );
  // A date inside the aside is the aside's own happening, not what the line tells.
  const asideFrom = lead[0].length + (aside?.[1]?.length ?? 0);
  if (aside && dateAt >= asideFrom && dateAt < lead[0].length + aside[0].length) return undefined;
  const rest = s.text
    .slice(lead[0].length)
    .replace(/^([^,;"“”]+),\s+(?:which|who)\b[^,;"“”]*,\s+(?=\p{Ll}+(?:ed|s)\b)/u, '$1 ')
    .split(/,\s+(?:after which|when|which|as|while|where|using|with)\b|;|\s+[—–]\s+|["“”]/)[0]!
    .replace(/[,.\s]+$/, '')
    .trim();
  const words = rest.split(/\s+/).length;
  if (words < 4 || words > LINE_MAX_WORDS) return undefined;
  return `${rest.charAt(0).toUpperCase()}${rest.slice(1)}.`;
}

/**
 * A long sentence's main clause up to the date's own clause: "A ceasefire took hold in Lebanon early on
 * Wednesday, after … announced …" → "A ceasefire took hold in Lebanon early on Wednesday." Only when the
 * sentence opens with its subject, the cut falls at a comma before a clause-opening word, and a verb
 * stays.
 */
function dateClause(s: Sentence, dateAt: number): string | undefined {
  const { tokens } = s;
  if (
    ANAPHORIC.test(s.text.replace(/^["“]/, '')) ||
    !/^(?:DET|PROPN|NOUN|ADJ|NUM)$/.test(tokens[0]?.pos ?? '')
  ) {
    return undefined;
  }
  const opener = /^(?:after|as|while|with|when|which|who|but|although|though|amid|before|following)$/i;
  const verbSoon = (i: number) => tokens.slice(i + 1, i + 9).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
  const dateToken = tokens.findIndex((t) => t.start >= dateAt);
  const cut = tokens.findIndex((t, i) => {
    if (t.start <= dateAt || s.quoted[i]) return false;
    // "… ended in Lucerne on Sunday with a communiqué signed by 80 states": the clause ends with its date.
    if (/^(?:with|but)$/i.test(t.text) && dateToken >= 0 && i - dateToken <= 3 && i - dateToken >= 1)
      return true;
    const next = tokens[i + 1];
    // ", after …", ", giving …" — or a subordinate clause with its own verb ("… on Wednesday after X announced").
    if (t.text === ',')
      return !!next && (opener.test(next.text) || (next.pos === 'VERB' && /ing$/.test(next.text)));
    return /^(?:after|while|because|although|when)$/i.test(t.text) && verbSoon(i);
  });
  if (cut < 0) return undefined;
  const kept = tokens.slice(0, cut);
  if (!kept.some((t, i) => !s.quoted[i] && (t.pos === 'VERB' || t.pos === 'AUX'))) return undefined;
  if (s.quotes.some((q) => q.start < tokens[cut]!.start && q.end > tokens[cut]!.start)) return undefined;
  const text = `${s.text.slice(0, tokens[cut]!.start).trim()}.`;
  return wordCount(text) <= LINE_MAX_WORDS && wordCount(text) >= 5 ? text : undefined;
}

/** One entry per happening: the same day and kind with the same place or people is one event. */
function merge(events: DatedEvent[]): DatedEvent[] {
  const out: DatedEvent[] = [];
  for (const e of events) {
    const same = out.find(
      (o) =>
        o.date === e.date &&
        (o.kind === e.kind ||
          o.kind === 'other' ||
          e.kind === 'other' ||
          o.kind === 'statement' ||
          e.kind === 'statement') &&
        (o.place === e.place ||
          o.participants.some((p) => e.participants.includes(p)) ||
          !o.place ||
          !e.place),
    );
    if (!same) {
      out.push(e);
      continue;
    }
    // Keep the more telling kind and description; take every participant.
    const rank = (k: EventKind) => (k === 'other' ? 0 : k === 'statement' ? 1 : 2);
    if (rank(e.kind) > rank(same.kind)) {
      same.kind = e.kind;
      same.description = e.description;
    }
    same.participants = [...new Set([...same.participants, ...e.participants])];
    same.place ??= e.place;
    if (e.until && (!same.until || e.until > same.until)) same.until = e.until;
  }
  return out;
}

/** A past-tense verb on its own: the forms `dates.ts` reads as telling the past. */
const PAST_VERB = new RegExp(`^${PAST_FORM.source}$`, 'u');

/**
 * "Members first rejected a four-year offer on July 27 and turned down a revised version on Aug. 3":
 * predicates joined by "and" that share the sentence's subject, each with its own date, become one line
 * each ("Members turned down a revised version on Aug. 3."). Undefined unless every date but those in a
 * closing participle phrase falls in a different predicate and the subject is a short phrase.
 */
function datedClauses(
  s: Sentence,
  dates: ReadonlyArray<{ index: number }>,
): Array<{ from: number; to: number; text: string }> | undefined {
  const { tokens } = s;
  const verb = tokens.findIndex((t, i) => !s.quoted[i] && t.pos === 'VERB');
  if (verb < 1 || verb > 7 || s.quotes.length > 0) return undefined;
  let subjectEnd = verb;
  while (subjectEnd > 0 && tokens[subjectEnd - 1]!.pos === 'ADV') subjectEnd--;
  const subject = tokens.slice(0, subjectEnd);
  if (
    subject.length === 0 ||
    subject.some((t) => t.text === ',' || /^(?:he|she|it|they|this|that)$/i.test(t.text))
  )
    return undefined;
  // Where each further predicate starts ("and turned down"), and where a closing "-ing" phrase starts.
  const starts: number[] = [0];
  let end = tokens.length;
  let subordinate = false;
  for (let i = verb + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text === ',' && /ing$/.test(tokens[i + 1]?.text ?? '') && tokens[i + 1]!.pos === 'VERB') {
      end = i;
      break;
    }
    // "talks that began Monday and continued Tuesday": an "and" inside a relative or subordinate clause
    // joins that clause's verbs, not the sentence's predicates.
    if (/^(?:that|which|who|whom|whose|where|when|after|before|because|while|if|until|since)$/i.test(t.text))
      subordinate = true;
    const next = tokens[i + 1]?.pos === 'ADV' ? tokens[i + 2] : tokens[i + 1];
    if (!subordinate && /^and$/i.test(t.text) && next?.pos === 'VERB' && PAST_VERB.test(next.text))
      starts.push(i);
  }
  if (starts.length < 2) return undefined;
  const subjectText = s.text.slice(subject[0]!.start, subject.at(-1)!.end);
  const out: Array<{ from: number; to: number; text: string }> = [];
  for (const [k, at] of starts.entries()) {
    const last = (starts[k + 1] ?? end) - 1;
    const from = tokens[at]!.start;
    const to = tokens[last]!.end;
    const body = s.text.slice(k === 0 ? 0 : tokens[at + 1]!.start, to).replace(/[\s,;.!?]+$/, '');
    const text = k === 0 ? `${body}.` : `${subjectText} ${body}.`;
    out.push({ from, to, text: text.charAt(0).toUpperCase() + text.slice(1) });
  }
  // Every date inside the predicates has a predicate of its own.
  const inside = dates.filter((d) => d.index < (tokens[end - 1]?.end ?? s.text.length));
  const owners = inside.map((d) => out.findIndex((c) => d.index >= c.from && d.index < c.to));
  if (owners.some((o) => o < 0) || new Set(owners).size !== owners.length) return undefined;
  return out;
}
