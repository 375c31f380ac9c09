// Direct quotations and who said them, read off the analysis layers. A quotation is credited, in this
// order, to: the attribution right after it (`"…," X said`, `"…," said X`, `"…" he added`); the subject
// of the reporting verb before it in the sentence (`X wrote on Telegram, "…"`, `X called it "…"`,
// `X posted … that "…"`); the source an "According to X," opening names. A quotation with none of these
// goes on from the one before it only where news style says so: the next sentence or paragraph opening
// on a quotation, or a quotation carried over a paragraph break. Otherwise the speaker is null.
// Short scare quotes ("useful") are kept only with a named speaker; names in quotation marks ("the
// 'coalition of the willing'") and headings are not quotations.

import type { Analysis, Entity, Sentence, SentenceQuote } from './analysis-types';
import { reportedSubject } from './clauses';
import { creditOf, phraseHead } from './coref';
import { REPORTING_VERBS } from './lexicon';
import type { Quote } from './types';

interface Found {
  id: string;
  sentence: number;
  paragraph: number;
  text: string;
  words: number;
  speaker?: Entity;
  /** Credited by an attribution in its own sentence (not carried over). */
  direct: boolean;
  /** The sentence attributes it ("the negotiator said"), even if to someone the text leaves unnamed. */
  attributed: boolean;
  /** Starts its sentence. */
  opensSentence: boolean;
  hasVerb: boolean;
  term: boolean;
  /** Goes on from the previous paragraph's open quotation. */
  continues: boolean;
}

const TERM_BEFORE = /^(?:the|a|an|of|so-called|dubbed|named|titled|called|termed|as)$/i;

export function extractQuotes(a: Analysis): Quote[] {
  const found: Found[] = [];
  const byId = new Map<string, Found>();
  for (const s of a.sentences) {
    for (const q of s.quotes) {
      const text = s.text.slice(q.start, q.end).trim();
      const existing = byId.get(q.id);
      if (existing) {
        // The same quotation running on into this sentence.
        existing.text = `${existing.text} ${text}`.trim();
        existing.words = wordsIn(existing.text);
        existing.hasVerb ||= hasVerb(s, q);
        if (!existing.speaker) {
          const credit = attribution(s, q, false);
          if (credit) Object.assign(existing, { speaker: credit, direct: true });
        }
        continue;
      }
      const credit = attribution(s, q, true);
      const attributed = credit !== undefined || attributedAfter(s, q);
      const f: Found = {
        id: q.id,
        sentence: s.index,
        paragraph: s.paragraph,
        text,
        words: wordsIn(text),
        ...(credit ? { speaker: credit } : {}),
        direct: credit !== undefined,
        attributed,
        opensSentence: q.from <= 1 || quoteLabel(s, q) === 0,
        hasVerb: hasVerb(s, q),
        term: TERM_BEFORE.test(s.tokens[q.from - 2]?.text ?? '') && q.from >= 2,
        continues: q.continues,
      };
      if (!credit && q.continues) {
        const before = found.at(-1);
        if (before?.speaker) f.speaker = before.speaker;
      }
      found.push(f);
      byId.set(q.id, f);
    }
  }
  carryOver(a, found);
  return found
    .filter((f) => keep(f, a))
    .map((f) => ({ speaker: nameOf(f.speaker), text: f.text.replace(/[,;:\s]+$/, '') }));
}

/**
 * "Quote from X: '…'" (the token where X starts) or "Quote: '…'" (0): the label Ukrainian and other
 * agencies put before a quotation instead of a reporting verb.
 */
function quoteLabel(s: Sentence, q: SentenceQuote): number | undefined {
  const before = s.tokens.slice(0, Math.max(0, q.from - 1));
  if (before[0]?.text.toLowerCase() !== 'quote' || before.at(-1)?.text !== ':') return undefined;
  if (before.length === 2) return 0;
  return before[1]?.text.toLowerCase() === 'from' ? 2 : undefined;
}

function wordsIn(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function hasVerb(s: Sentence, q: SentenceQuote): boolean {
  for (let i = q.from; i < q.to; i++) if (/^(?:VERB|AUX)$/.test(s.tokens[i]!.pos)) return true;
  return false;
}

function nameOf(e: Entity | undefined): string | null {
  if (!e || e.partial || e.kind === 'media' || e.reporter || e.kind === 'place') {
    return e?.kind === 'place' ? e.name : null;
  }
  return e.name;
}

/** Who the sentence credits with this quotation, if it says. */
function attribution(s: Sentence, q: SentenceQuote, first: boolean): Entity | undefined {
  const after = creditAfter(s, q);
  if (after) return after;
  if (!first) return undefined;
  // "Quote from Zelensky: '…'": the label some agencies put before a quotation names its speaker.
  const label = quoteLabel(s, q);
  if (label && label > 0) {
    const m = phraseHead(s, label);
    const credit = m ? creditOf(s, m).entity : undefined;
    if (credit) return credit;
  }
  // The nearest reporting verb before the quotation, after any earlier quotation in the sentence.
  const earlierEnd = Math.max(0, ...s.quotes.filter((o) => o.to <= q.from).map((o) => o.to));
  // "after Morawiecki's remark that Poland is '…'": the words of the one whose remark it is.
  const remarked = remarkOwner(s, q, earlierEnd);
  if (remarked) return remarked;
  const before = s.speakers.filter((sp) => sp.verb >= earlierEnd && sp.verb < q.from).at(-1);
  // "They reiterated … '…' and resolved to '…', according to the statement": a source closing the
  // sentence says whose words its quotations are when the subject before them is one the text leaves open.
  const according = s.speakers.find(
    (sp) => sp.verb > q.to && s.tokens[sp.verb]?.text.toLowerCase() === 'according',
  )?.entity;
  if (according && before?.subject && !before.entity) return according;
  // '"…," said Lena Holt, handing control to bodies "whose rules we do not know"': the reporting verb
  // right after an earlier quotation credits whoever it names there, and the phrase it leads on is theirs.
  const previous = s.quotes.filter((o) => o.to <= q.from).at(-1);
  if (before && previous && before.verb >= previous.to && before.verb - previous.to <= 3) {
    const credited = creditAfter(s, previous);
    if (credited) return credited;
  }
  const outer = before && reportingOuter(s, q, before, earlierEnd);
  if (outer) return outer;
  const opening = s.speakers.find((sp) => sp.verb === -1)?.entity;
  // "According to a Kremlin statement, the truce … was declared '…'": a passive verb names no speaker,
  // so the source the sentence opens on does.
  if (before && (before.subject || !opening)) return before.entity;
  const previousQuoteSpeaker = s.speakers.find((sp) => sp.verb >= 0 && sp.verb < q.from);
  if (previousQuoteSpeaker && earlierEnd > 0) return previousQuoteSpeaker.entity ?? according;
  if (opening) return opening;
  // "Union chief Sara Kim struck a defiant tone: '…'": a clause about a person, then a colon and the
  // quotation, with no reporting verb between.
  if (s.tokens[q.from - 2]?.text === ':' && earlierEnd === 0 && s.subject?.kind !== 'pronoun') {
    const subject = s.subject && s.subject.to < q.from ? creditOf(s, s.subject).entity : undefined;
    if (subject && subject.kind !== 'place') return subject;
  }
  // "… 'a negotiated solution' that respected its rights, he was quoted as saying": the attribution
  // closes the sentence, after the quotation and no other quotation.
  const later = s.speakers.find(
    (sp) =>
      sp.verb > q.to &&
      sp.subject &&
      sp.subject.from > q.to &&
      s.tokens[sp.verb]?.text.toLowerCase() !== 'according' &&
      !s.quotes.some((o) => o.from > q.to && o.from < sp.verb) &&
      // "… 'nothing about us without us,' while Starmer said …": another clause, another speaker.
      !s.tokens
        .slice(q.to, sp.verb)
        .some((t, k) => !s.quoted[q.to + k] && /^(?:while|whereas|but|although|though|;)$/i.test(t.text)),
  );
  return later?.entity ?? according;
}

/**
 * "He said Kyiv had asked for a summit 'and we have taken note'", "She said that Europe should respond with
 * 'strong sanctions'": the nearest verb before the words sits inside what an earlier reporting verb
 * reports, and the words are not its own object ("X told him: '…'" would be), so they are the outer
 * speaker's.
 */
function reportingOuter(
  s: Sentence,
  q: SentenceQuote,
  inner: Sentence['speakers'][number],
  earlierEnd: number,
): Entity | undefined {
  // The nearest reporting clause around the inner one: "Meloni said …, and her office said that Leo had
  // reaffirmed '…'" reports through the office, not through Meloni.
  const outer = s.speakers.findLast(
    (sp) => sp.entity && sp.verb >= earlierEnd && sp.verb < inner.verb && sp.verb >= 0 && sp.subject,
  );
  if (!outer || !reportedSubject(s, outer.verb, inner.verb)) return undefined;
  // "Holm said …, and her office said that …": a second main clause, not one the first reports.
  const subjectAt = inner.subject?.from ?? inner.verb;
  for (let k = outer.verb + 1; k < subjectAt; k++) {
    const t = s.tokens[k]!;
    if (
      !s.quoted[k] &&
      (t.text === ';' ||
        (t.text === ',' && /^(?:and|but|while|whereas|although|though)$/i.test(s.tokens[k + 1]?.text ?? '')))
    )
      return undefined;
  }
  // What stands between the inner verb and the words: "told reporters that", "said:" leave them its own.
  // "… said Ruiz regarded the outcome as '…'": a view is its holder's words.
  if (/^(?:regard|view|describ|call|term|dub|label|brand)/i.test(s.tokens[inner.verb]!.text))
    return undefined;
  const between = s.tokens.slice(inner.verb + 1, q.from - 1);
  const direct =
    between.length <= 3 &&
    between.every((t) => /^(?:[,:]|that)$/i.test(t.text) || /^(?:PRON|PROPN|NOUN|DET)$/.test(t.pos));
  return direct ? undefined : outer.entity;
}

/**
 * "Morawiecki's remark that Poland is '…'", "the minister's warning that '…'": a person's words named by
 * a noun of speech just before the quotation, with "that" and the clause's first words between.
 */
function remarkOwner(s: Sentence, q: SentenceQuote, earlierEnd: number): Entity | undefined {
  for (let k = q.from - 2; k >= Math.max(earlierEnd, q.from - 12); k--) {
    if (s.quoted[k]) return undefined;
    if (!SPEECH_NOUN.test(s.tokens[k]!.text)) continue;
    if (s.tokens[k + 1]?.text.toLowerCase() !== 'that') return undefined;
    const e = s.mentions.find((m) => m.to === k && m.possessive && !m.inQuote)?.entity;
    return e && e.kind === 'person' && !e.partial && !e.reporter ? e : undefined;
  }
  return undefined;
}

const SPEECH_NOUN =
  /^(?:remark|remarks|comment|comments|statement|warning|claim|pledge|promise|assertion|insistence|vow|threat|boast|admission)$/i;

/** A reporting verb right after the quotation: it says who spoke, even when we cannot tell who. */
function attributedAfter(s: Sentence, q: SentenceQuote): boolean {
  return s.speakers.some((sp) => sp.verb > q.to && sp.verb <= q.to + 8);
}

/** `"…," X said`, `"…," said X`, `"…" he further wrote`. */
function creditAfter(s: Sentence, q: SentenceQuote): Entity | undefined {
  const { tokens } = s;
  let p = q.to;
  while (p < tokens.length && /^[,.!?"“”'’]$/.test(tokens[p]!.text)) p++;
  if (p >= tokens.length || p - q.to > 3) return undefined;
  const t = tokens[p]!;
  // "…," one said / "…," one of them said: a member of the group the reference pass found.
  const member = s.speakers.find(
    (x) =>
      x.entity &&
      !x.subject &&
      x.verb > p &&
      x.verb <= p + 3 &&
      tokens.slice(p, x.verb).every((w) => /^(?:one|another|of|them)$/i.test(w.text)),
  );
  if (member) return member.entity;
  if (REPORTING_VERBS.has(t.text.toLowerCase()) && /VERB/.test(t.pos)) {
    const m = phraseHead(s, p + 1);
    const sp = s.speakers.find((x) => x.verb === p);
    if (sp?.entity && sp.subject && sp.subject.from > q.to) return sp.entity;
    // '"…", calling it a turning point': what follows a participle is its object, not who spoke.
    if (/ing$/i.test(t.text)) return sp?.entity;
    return m ? creditOf(s, m).entity : undefined;
  }
  // "…," Foreign Minister Maria Lopez said: the title words come before the name's mention.
  const sp = s.speakers.find((x) => x.verb > p && x.verb <= p + 10 && x.subject && x.subject.from >= p);
  if (sp?.subject && s.tokens.slice(p, sp.subject.from).every((x) => x.capitalised || x.pos === 'DET')) {
    return sp.entity;
  }
  const m = s.mentions.find((x) => x.from === p && !x.possessive && !x.inQuote);
  if (!m) return undefined;
  let v = m.to;
  while (v < tokens.length && (tokens[v]!.pos === 'ADV' || tokens[v]!.text === ',')) v++;
  // "Trump said", "the US president said", "Vance asked Zelensky" (not "Reuters reported").
  if (
    v < tokens.length &&
    REPORTING_VERBS.has(tokens[v]!.text.toLowerCase()) &&
    /VERB/.test(tokens[v]!.pos)
  ) {
    return creditOf(s, m).entity;
  }
  return undefined;
}

/**
 * Unattributed quotations that open a sentence or a paragraph go on from the quotation or reported
 * speech just before them: the sentence before in the paragraph, or the last sentence of the paragraph
 * before when it ended on an attributed quotation or a colon.
 */
function carryOver(a: Analysis, found: Found[]): void {
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    // A quotation carried over a paragraph break is the same speaker's, however that one was found.
    if (!f.speaker && f.continues && !f.attributed) {
      const before = found[k - 1];
      if (before?.speaker) f.speaker = before.speaker;
    }
    if (f.speaker || f.attributed || !f.opensSentence) continue;
    const s = a.sentences[f.sentence]!;
    const prev = a.sentences[f.sentence - 1];
    if (!prev) continue;
    const samePara = prev.paragraph === s.paragraph;
    const nextPara = prev.paragraph === s.paragraph - 1 && s.position === 0;
    if (!samePara && !nextPara) continue;
    const prevQuote = found.filter((x) => x.sentence === prev.index && x.speaker).at(-1);
    const prevSpeech = prev.speakers.filter((sp) => sp.entity).at(-1)?.entity;
    const endsWithColon = /:\s*$/.test(prev.text);
    // A paragraph that is nothing but a quotation goes on from the speech that closed the paragraph
    // before ("X acknowledged the shortfall in a statement.", then the statement's words).
    const quoteOnly = nextPara && isQuoteOnly(s);
    const speaker = prevQuote?.speaker ?? (samePara || endsWithColon || quoteOnly ? prevSpeech : undefined);
    if (speaker && (speaker.kind !== 'group' || !speaker.roles.includes('plural'))) f.speaker = speaker;
  }
  // A quotation left open at a paragraph's end and credited where it closes, paragraphs later: its
  // opening paragraphs are the same speaker's.
  for (let k = found.length - 2; k >= 0; k--) {
    const f = found[k]!;
    const next = found[k + 1]!;
    if (!f.speaker && !f.attributed && next.continues && next.speaker && next.paragraph === f.paragraph + 1)
      f.speaker = next.speaker;
  }
}

function isQuoteOnly(s: Sentence): boolean {
  // A "Quote:" label before the words does not make the paragraph narrative.
  const label = /^quote$/i.test(s.tokens[0]?.text ?? '') && s.tokens[1]?.text === ':' ? 1 : 0;
  const word = (i: number) => /[\p{L}\p{N}]/u.test(s.tokens[i]!.text);
  const outside = s.tokens.filter((_, i) => i >= label && word(i) && !s.quoted[i]).length;
  return outside === 0 && s.tokens.some((_, i) => word(i) && s.quoted[i]);
}

function keep(f: Found, a: Analysis): boolean {
  if (f.words < 2) return false;
  const named = !!f.speaker && nameOf(f.speaker) !== null && f.speaker.kind !== 'group';
  // A scare quote ("useful", "a deal") only when its speaker is certain.
  if (f.words <= 3) return f.direct && named;
  if (!f.speaker) {
    if (f.term) return false;
    // A phrase without a verb ("in the coming days") is not a quotation of anyone.
    if (!f.hasVerb && f.words <= 6) return false;
    // A heading in quotation marks.
    const s = a.sentences[f.sentence]!;
    if (
      s.text.replace(/["“”.]/g, '').trim() === f.text.replace(/[.]/g, '').trim() &&
      /^(?:\p{Lu}\S*\s*)+$/u.test(f.text)
    ) {
      return false;
    }
  }
  return true;
}
