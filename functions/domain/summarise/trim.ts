// Shorter versions of a sentence that are still whole, grammatical sentences. Only what a copy editor
// cuts without rewriting is cut: an opening connective ("Meanwhile,", "Minutes later,"), a parenthesis,
// an aside between commas or dashes (a "who/which" clause, a description after a name), a closing
// attribution (", Reuters reported", ", according to X", ", citing Y"), a closing participle clause
// (", claiming that …") and a closing relative clause (", which began in 2022."). Nothing inside a
// quotation is touched, and a version that loses its verb is dropped. A sentence too long for the
// budget is passed over for a shorter one, never cut with "…".
import type { Sentence } from './analysis-types';
import { resolvePronoun } from './coref';
import { pluralDescription } from './descriptions';
import { NON_PERSON_TAILS, REPORTING_VERBS } from './lexicon';
import { ANAPHORIC } from './scoring';
import { ATTRIBUTION_PRONOUN, attributedToPronoun, maskQuotes, shortName } from './text';

export type TrimLevel = 1 | 2 | 3;

/** Past participles: regular ones and the irregular ones news uses most. */
const PAST_PARTICIPLE =
  /^(?:\p{L}{2,}ed|set|held|made|led|put|brought|sought|built|kept|left|met|sent|known|seen|taken|given|written|chosen|drawn|struck|bound|laid|paid|shut|spread|begun|done|won|lost|cut|hit|brokered|backed|split|torn|frozen|broken|spoken|shown|thrown|flown|grown)$/u;

/** Openers that lean on the sentence before ("Minutes later,") or only connect ("However,"). */
const OPENER = new RegExp(
  '^(?:(?:However|Meanwhile|Separately|Moreover|Nevertheless|Nonetheless|Indeed|Notably|Still|Instead|Also|Now|' +
    'Then|Yet|Additionally|Furthermore|Likewise|Similarly|Afterwards|Afterward|Later|Earlier|Subsequently|' +
    'In addition|At the same time|On the other hand|For its part|For his part|For her part|In turn|' +
    'In response|In a statement|Soon after|Shortly after(?:wards)?|Not long after|The next day|That day|' +
    '(?:Only |Just )?(?:\\w+ )?(?:seconds|minutes|hours|days|weeks|months|moments) (?:later|afterwards?))' +
    '(?:, however)?),\\s+',
  'i',
);

/** A live page's signpost before its recap: "Quick recap if you are just joining us:", "To recap,". */
const SIGNPOST =
  /^(?:(?:(?:a |here(?:'|’)s a )?quick recap(?: if you(?:'|’)re just joining us| if you are just joining us| of the day)?|if you(?:'|’)re just joining us|if you are just joining us|to recap|in case you missed it|catch up|here(?:'|’)s what we know(?: so far)?|what we know(?: so far)?)\s*[:,—–-]|(?:details|background|context|recap)\s*:)\s+/i;

/** The opening connective or signpost a line can lose, if any. */
function leadingConnective(text: string): RegExpExecArray | null {
  return OPENER.exec(text) ?? SIGNPOST.exec(text) ?? CONJUNCTION.exec(text);
}

/** "But the exchange went far beyond …": a conjunction that only joins the line to the one before. */
const CONJUNCTION = /^(?:But|And)\s+(?=[\p{L}"“])/u;

const PARTICIPLES =
  /^(?:claiming|saying|adding|noting|citing|arguing|insisting|stressing|calling|warning|describing)$/;

export interface Trimmed {
  text: string;
  words: number;
  level: TrimLevel;
  /** An opening "He"/"His" was replaced by the person it means, so the line stands on its own. */
  resolved: boolean;
}

/** The sentence at each level of trimming (duplicates removed), shortest last. */
export function trimVariants(s: Sentence): Trimmed[] {
  const out: Trimmed[] = [];
  for (const level of [1, 2, 3] as TrimLevel[]) {
    let text = trim(s, level);
    if (!text) continue;
    const before = text;
    const name = openerName(s, text);
    if (name)
      text = text.replace(/^(He|She|His|Her|It|Its)\b/, (w) =>
        /^(?:His|Her|Its)$/.test(w) ? `${name}'s` : name,
      );
    // "The Norwegian diplomat said …" opening a line whose reader has not met him: his name instead.
    const described = describedOpener(s, text);
    if (described) text = `${described.name}${text.slice(described.length)}`;
    // '"…," he said.': the attribution names the speaker when the reference pass is sure who it is.
    const speaker = attributionName(s);
    if (speaker)
      text = replaceOutsideQuotes(
        text,
        ATTRIBUTION_PRONOUN,
        (m, lead) => `${lead}${speaker}${m.slice(lead.length).replace(/^\S+/, '')}`,
      );
    const resolved =
      text !== before && !ANAPHORIC.test(text.replace(/^["“]/, '')) && !attributedToPronoun(text);
    if (out.some((v) => v.text === text)) continue;
    out.push({ text, words: wordCount(text), level, resolved });
  }
  return out;
}

function replaceOutsideQuotes(
  text: string,
  re: RegExp,
  swap: (match: string, lead: string) => string,
): string {
  const masked = maskQuotes(text);
  let out = '';
  let at = 0;
  for (const m of masked.matchAll(new RegExp(re.source, 'gi'))) {
    const from = m.index ?? 0;
    out += text.slice(at, from) + swap(text.slice(from, from + m[0].length), m[1] ?? '');
    at = from + m[0].length;
  }
  return out + text.slice(at);
}

/**
 * The surname a bare "he"/"she" credited with words means, when every such pronoun in the sentence is
 * the same person the text names in full.
 */
function attributionName(s: Sentence): string | undefined {
  const people = new Set(s.speakers.filter((sp) => sp.subject?.kind === 'pronoun').map((sp) => sp.entity));
  if (people.size !== 1) return undefined;
  const e = [...people][0];
  if (!e || e.partial || e.reporter) return undefined;
  if (e.kind === 'person') return shortName(e.name);
  // ", it added" for a body the text named ("Giorgia Meloni's office"); ", they said" for two people.
  if (e.kind === 'organisation' && /^\p{Lu}/u.test(e.name)) return e.name;
  const pair = /^(.+) and (.+)$/.exec(e.name);
  if (e.kind === 'group' && pair && /^\p{Lu}/u.test(e.name))
    return `${shortName(pair[1]!)} and ${shortName(pair[2]!)}`;
  return undefined;
}

/**
 * A definite description opening the line ("The Norwegian diplomat", "The envoy") that the reference
 * pass resolved to a person the report names in full: the surname to put in its place, and how many
 * characters of the line it replaces.
 */
function describedOpener(s: Sentence, text: string): { name: string; length: number } | undefined {
  const m = s.subject;
  // Only the clause's subject, a description of one person by role: "the two leaders" stay as written.
  if (m?.kind !== 'description' || m.inQuote || m.indefinite || !m.head || pluralDescription(m))
    return undefined;
  if (!/^the\s/i.test(m.text) || !text.startsWith(m.text.charAt(0).toUpperCase() + m.text.slice(1)))
    return undefined;
  const e = m.entity;
  if (e?.kind !== 'person' || e.partial || e.reporter || !/\s/.test(e.name)) return undefined;
  return { name: shortName(e.name), length: m.text.length };
}

/**
 * Who an opening "He", "She", "His" or "Her" means, when the reference pass is sure: the surname of a
 * person the report names in full.
 */
function openerName(s: Sentence, text: string): string | undefined {
  // The pronoun the trimmed line opens on: the sentence's first, or the first after a cut opener
  // ("At the same time, he accused …").
  const word = /^(He|She|His|Her|It|Its)\b/.exec(text)?.[1];
  if (!word) return undefined;
  const opener = leadingConnective(s.text)?.[0].length ?? 0;
  const at = s.tokens.findIndex((t) => t.start >= opener && /[\p{L}\p{N}]/u.test(t.text));
  const first = s.tokens[at];
  if (!first || first.text.toLowerCase() !== word.toLowerCase() || s.quoted[at]) return undefined;
  const mention = s.mentions.find((m) => m.from === at && m.kind === 'pronoun');
  // "It extended the strike …" after "ASUU began a strike …": the body the sentence before was about,
  // by the name the text gave it.
  if (/^Its?$/.test(word)) {
    const body = mention ? resolvePronoun(s, mention) : undefined;
    const before = s.context.previousSubject;
    if (body?.kind !== 'organisation' || body !== before || !/^\p{Lu}/u.test(body.name)) return undefined;
    // "The Teachers Federation", but "ASUU" and "General Motors": a body's noun takes the article.
    const noun = NON_PERSON_TAILS.has(body.name.split(/\s+/).at(-1)!.toLowerCase()) && /\s/.test(body.name);
    return noun && !/^the\s/i.test(body.name) ? `The ${body.name}` : body.name;
  }
  const e =
    mention?.entity ??
    [s.context.previousSubject, s.context.lastSpeaker?.entity].find(
      (x) => x?.kind === 'person' && !x.reporter,
    );
  if (e?.kind !== 'person' || e.partial) return undefined;
  return shortName(e.name);
}

export function trim(s: Sentence, level: TrimLevel): string | undefined {
  const cuts: Array<[number, number]> = [];
  const text = s.text;
  // "… the US president said:" leads into what follows it; on its own it says nothing.
  if (/:\s*$/.test(text)) return undefined;
  const quoteAt = (from: number, to: number) => s.quotes.some((q) => q.start - 1 < to && q.end + 1 > from);
  const opener = leadingConnective(text);
  if (opener) cuts.push([0, opener[0].length]);
  if (level >= 2) {
    introPhrase(s, cuts);
    // "According to him, Kyiv expects …": an attribution to someone the line does not name.
    const according = /^According to (?:him|her|them),\s+/.exec(text);
    if (according) cuts.push([0, according[0].length]);
    // Parentheses and paired dashes.
    for (const m of text.matchAll(/\s*\([^()"“”]{1,200}\)/g))
      cuts.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
    for (const m of text.matchAll(/\s+[—–]\s+[^—–"“”]{1,400}?\s+[—–](?=\s)/g)) {
      cuts.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
    }
    asides(s, cuts);
    closingAttribution(s, cuts);
  }
  if (level >= 3) {
    // A closing aside after a dash, or a closing participle clause.
    // Only a dash that opens an aside: the second of a pair closes one, and what follows it is the
    // sentence's own ("the talks — attended by … — were only the start").
    const dash = /\s+[—–]\s+[^—–"“”]{1,200}(?=[.!?]$)/.exec(text);
    const dashesBefore = dash ? (text.slice(0, dash.index).match(/\s[—–]\s/g) ?? []).length : 0;
    if (dash && dashesBefore % 2 === 0) cuts.push([dash.index, dash.index + dash[0].length]);
    closingParticiple(s, cuts);
    closingAdjunct(s, cuts);
    // "…, a month before a contract extension is due to expire.": when, counted from another happening.
    const counted =
      /,\s+(?:just |only |barely |nearly |almost |about |some |less than |more than )?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a few)\s+(?:full\s+)?(?:days?|weeks?|months?|years?|hours?)\s+(?:before|after|since|ahead of)\s+[^"“”;]{3,200}(?=[.!?]$)/.exec(
        text,
      );
    if (counted) cuts.push([counted.index, counted.index + counted[0].length]);
    closingRelative(s, cuts);
    // "…on Dec. 2 as part of the U.S. effort to advance negotiations.": a framing adjunct at the end.
    const framing =
      /,?\s+(?:as part of|in an effort to|in a bid to|in order to|aimed at|part of a|part of an)\s+[^"“”,]+(?=[.!?]$|,)/.exec(
        text,
      );
    // "…signed an agreement aimed at ending the conflict, at a ceremony in Washington": only the framing
    // phrase goes, with the comma that closes it when a phrase of place or time goes on after it ("…
    // attacks aimed at X, the spokeswoman said" keeps its comma).
    // Only after the clause's own verb: in "Talks aimed at reunifying Cyprus collapsed early Friday, …"
    // the phrase is the subject's, and cutting to the comma would take the verb with it.
    const verbBefore =
      !!framing &&
      s.tokens.some(
        (t, i) =>
          t.end <= framing.index && !s.quoted[i] && /^(?:VERB|AUX)$/.test(t.pos) && !/ing$/i.test(t.text),
      );
    if (framing && verbBefore) {
      const end = framing.index + framing[0].length;
      const eatComma =
        /^,\s+(?:at|in|on|during|after|before|with|from|under|amid|by|while|when|as)\b/.test(
          text.slice(end),
        ) && !framing[0].startsWith(',');
      const paired = text[end] === ',' && framing[0].startsWith(',');
      cuts.push([framing.index, end + (eatComma || paired ? 1 : 0)]);
    }
  }
  const kept = cuts.filter(([from, to]) => !quoteAt(from, to));
  // "X said he hoped …; she said the bloc had '…'": a second clause about someone else, whom the line
  // does not name, goes whole (its quotation with it), at every level.
  const second = danglingClause(s);
  if (second !== undefined) kept.push([second, text.length]);
  let out = applyCuts(text, kept);
  out = out
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  if (!/[.!?"”]$/.test(out)) out = `${out.replace(/[,;:]$/, '')}.`;
  out = out.charAt(0).toUpperCase() + out.slice(1);
  if (wordCount(out) < 6 || !hasFiniteVerb(s, kept) || !clausesKeepVerbs(s, kept)) return undefined;
  return out;
}

function applyCuts(text: string, cuts: Array<[number, number]>): string {
  const sorted = [...cuts].sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of sorted) {
    if (from < at) {
      at = Math.max(at, to);
      continue;
    }
    out += text.slice(at, from);
    at = to;
  }
  return out + text.slice(at);
}

/**
 * "Speaking to reporters after the meeting, Rubio said…" → "Rubio said…": an opening phrase that only
 * frames the sentence. Kept when it carries a date, a number or a name (then it is news), or when what
 * follows the comma is not the subject.
 */
function introPhrase(s: Sentence, cuts: Array<[number, number]>): void {
  const { tokens } = s;
  const first = tokens[0];
  if (!first || !/^(?:ADP|VERB|SCONJ|ADV)$/.test(first.pos) || /^(?:according)$/i.test(first.text)) return;
  const comma = tokens.findIndex((t, i) => t.text === ',' && !s.quoted[i]);
  if (comma < 2 || comma > 14) return;
  const phrase = s.text.slice(0, tokens[comma]!.start);
  if (/\d|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b/.test(phrase))
    return;
  if (s.mentions.some((m) => m.to <= comma && m.entity && m.entity.kind !== 'media')) return;
  const subject = s.mentions.find(
    (m) => m.from === comma + 1 || (m.from === comma + 2 && tokens[comma + 1]!.pos === 'DET'),
  );
  if (!subject || subject.possessive) return;
  // "With restored raises, the union said, workers would earn more": the attribution between commas
  // is an aside; without the phrase before it the line would open on it.
  const after = tokens[subject.to];
  if (after && REPORTING_VERBS.has(after.text.toLowerCase()) && tokens[subject.to + 1]?.text === ',') return;
  cuts.push([0, tokens[comma + 1]!.start]);
}

/** ", who took part in the talks," and ", the secretary of …," (a description set off after a name). */
function asides(s: Sentence, cuts: Array<[number, number]>): void {
  const { tokens } = s;
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i]!.text !== ',' || s.quoted[i]) continue;
    const next = tokens[i + 1];
    if (!next) continue;
    const close = tokens.findIndex((t, k) => k > i + 1 && t.text === ',');
    if (close < 0 || close - i > 25 || s.quoted.slice(i, close).some(Boolean)) continue;
    const after = tokens[close + 1];
    const relative = /^(?:who|which|whose)$/i.test(next.text);
    const before = s.mentions.find((m) => m.to === i && m.kind === 'name' && m.entity?.kind === 'person');
    const apposition =
      before !== undefined &&
      s.mentions.some((m) => m.from === i + 1 && m.kind === 'description' && m.entity === before.entity);
    // ", originally set for 5 p.m.," / ", signed in Doha last year,": a reduced relative clause after a noun.
    const participle =
      /^(?:NOUN|PROPN)$/.test(tokens[i - 1]!.pos) &&
      [next, next.pos === 'ADV' ? tokens[i + 2] : undefined].some(
        (t) => t !== undefined && /^(?:VERB|ADJ)$/.test(t.pos) && PAST_PARTICIPLE.test(t.text),
      );
    if (!relative && !apposition && !participle) continue;
    // ", whose former leader Dario Uso, known as …, was extradited": a relative clause with no verb of
    // its own before the comma goes on past it.
    if (
      relative &&
      !tokens.slice(i + 2, close).some((t, k) => !s.quoted[i + 2 + k] && /^(?:VERB|AUX)$/.test(t.pos))
    )
      continue;
    // The sentence must go on as it would without the aside: a verb or "and" after it.
    if (
      !after ||
      !(/^(?:VERB|AUX)$/.test(after.pos) || /^(?:and|or)$/.test(after.text) || after.pos === 'ADV')
    ) {
      continue;
    }
    // ", which represents studios, streaming services and production companies.": the comma was the
    // relative clause's own list, which goes on to the end with no verb of the main clause.
    if (
      relative &&
      !tokens
        .slice(close + 1)
        .some((t, k) => !s.quoted[close + 1 + k] && /^(?:VERB|AUX)$/.test(t.pos) && !/ing$/i.test(t.text))
    )
      continue;
    // A participle aside is only a reduced relative when the clause's own finite verb follows it: in
    // "Al Thani, announced the deal in Doha, saying …" and "China, which hold vetoes, abstained, and …"
    // the "-ed" word is that verb.
    if (
      participle &&
      !relative &&
      !apposition &&
      (after.pos === 'ADV' || /^(?:and|or)$/.test(after.text) || /ing$/.test(after.text))
    )
      continue;
    // "Sen. Ann Holt, D-Pa., who …, thanked": the wire's party tag goes with the aside, or its closing
    // comma would go missing ("Holt, D-Pa. thanked").
    const dot = tokens[i - 1]!.text === '.' ? 1 : 0;
    const tagged =
      /^[RDI]-[A-Z][A-Za-z.]{0,4}$/.test(tokens[i - 1 - dot]?.text ?? '') && tokens[i - 2 - dot]?.text === ','
        ? i - 2 - dot
        : i;
    cuts.push([
      tokens[tagged]!.start,
      tokens[close]!.start + (apposition && /^(?:and|or)$/.test(after.text) ? 1 : 1),
    ]);
  }
}

/** ", Reuters reported on Dec. 20, citing a source." / ", according to officials." at the end. */
function closingAttribution(s: Sentence, cuts: Array<[number, number]>): void {
  const text = s.text;
  const m =
    /,\s+(?:according to [^,"“”]{2,80}|citing [^,"“”]{2,80}|(?:the\s+)?(?:[\p{Lu}][\p{L}.'’-]*\s+){1,4}(?:reported|reports|said|says)(?: on [^,"“”]{2,30})?(?:,\s+citing [^,"“”]{2,80})?)(?=[.!?]$)/u.exec(
      text,
    );
  // "Trump met Daggett at Mar-a-Lago, according to people familiar with the meeting, and afterward
  // posted …": the source set off inside the sentence.
  for (const mid of text.matchAll(
    /,\s+according to [^,"“”]{2,80}(?=,\s+(?:and|but|then|before|after|while)\b)/g,
  )) {
    cuts.push([mid.index ?? 0, (mid.index ?? 0) + mid[0].length]);
  }
  if (!m) return;
  // Only an outlet or an attribution phrase: "…, Witkoff said." keeps who said it.
  const words = m[0].replace(/^,\s+(?:the\s+)?/, '').split(/\s+/);
  const verbAt = words.findIndex((w) => REPORTING_VERBS.has(w));
  if (verbAt >= 0 && !/reported|reports/.test(words[verbAt]!) && !/^(?:according|citing)$/.test(words[0]!))
    return;
  cuts.push([m.index, m.index + m[0].length]);
}

/**
 * Where a clause after a semicolon opens on "he", "she" or "they" meaning someone other than the first
 * clause's subject (or someone the text does not settle): the line would lean on a sentence it lost.
 */
function danglingClause(s: Sentence): number | undefined {
  const { tokens } = s;
  const semi = tokens.findIndex((t, i) => t.text === ';' && !s.quoted[i]);
  if (semi < 0) return undefined;
  const pronoun = s.mentions.find((m) => m.from === semi + 1 && m.kind === 'pronoun');
  if (!pronoun || !/^(?:he|she|they)$/i.test(pronoun.text)) return undefined;
  const subject = s.mentions.find((m) => m.to <= semi && !m.inQuote && m.entity && !m.possessive)?.entity;
  if (pronoun.entity && pronoun.entity === subject) return undefined;
  return tokens[semi]!.start;
}

/** ", claiming that some parts were accepted." at the end of a sentence. */
function closingParticiple(s: Sentence, cuts: Array<[number, number]>): void {
  const { tokens } = s;
  for (let i = tokens.length - 2; i > 3; i--) {
    if (tokens[i]!.text !== ',' || s.quoted[i]) continue;
    const next = tokens[i + 1];
    // ", saying …", and a consequence after the main clause: ", averting a trade war", ", raising the
    // prospect of strikes". The clause before the comma stands on its own.
    const consequence =
      !!next &&
      next.pos === 'VERB' &&
      /^\p{Ll}+ing$/u.test(next.text) &&
      tokens.slice(0, i).some((t, k) => !s.quoted[k] && (t.pos === 'VERB' || t.pos === 'AUX')) &&
      // "three goals: restoring staff …, setting up a team …": an item of a list, not a consequence.
      !tokens.slice(0, i).some((t, k) => !s.quoted[k] && t.text === ':');
    if (!next || (!PARTICIPLES.test(next.text) && !consequence)) continue;
    if (s.quoted.slice(i).some(Boolean)) return;
    cuts.push([tokens[i]!.start, s.text.length - 1]);
    return;
  }
}

/**
 * ", with U.S. officials hailing a deal." / ", while Washington was weighing sanctions." at the end: an
 * adjunct after the main clause, which stands without it.
 */
function closingAdjunct(s: Sentence, cuts: Array<[number, number]>): void {
  const { tokens } = s;
  const mainVerb = tokens.findIndex((t, i) => !s.quoted[i] && (t.pos === 'VERB' || t.pos === 'AUX'));
  if (mainVerb < 0) return;
  for (let i = mainVerb + 2; i < tokens.length - 2; i++) {
    if (s.quoted[i]) continue;
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    const comma = t.text === ',';
    // ", in a deal that also gives …", ", in a move seen as …": what the news amounts to, after it.
    const inA = /^in$/i.test(next.text) && /^an?$/i.test(tokens[i + 2]?.text ?? '');
    const adjunct =
      inA || /^(?:with|while|although|though|whereas|as|amid|despite|after|before|even)$/i.test(next.text);
    const bareWhile = !comma && /^(?:while|although|whereas)$/i.test(t.text);
    if (!((comma && adjunct) || bareWhile)) continue;
    if (s.quoted.slice(i).some(Boolean)) return;
    // "as well as", "as part of": not a clause.
    if (/^as$/i.test(next.text) && /^(?:well|part|a|an|the|of)$/i.test(tokens[i + 2]!.text)) continue;
    cuts.push([t.start, s.text.length - 1]);
    return;
  }
}

/**
 * "…a plan for ending the war, which began in February 2022." → "…a plan for ending the war.": a
 * relative clause after a comma closing the sentence adds to a noun; the sentence stands without it.
 * Not when a quotation or another comma follows (the clause may carry more than one thought).
 */
function closingRelative(s: Sentence, cuts: Array<[number, number]>): void {
  const { tokens } = s;
  for (let i = 3; i < tokens.length - 3; i++) {
    if (tokens[i]!.text !== ',' || s.quoted[i]) continue;
    if (!/^(?:which|who|whose)$/i.test(tokens[i + 1]!.text)) continue;
    if (!/^(?:NOUN|PROPN)$/.test(tokens[i - 1]!.pos)) continue;
    if (s.quoted.slice(i).some(Boolean) || tokens.slice(i + 2).some((t) => t.text === ',')) return;
    cuts.push([tokens[i]!.start, s.text.length - 1]);
    return;
  }
}

/**
 * Every kept "that" clause keeps a verb after it: "He stressed that the talks." is what is left when the
 * cuts take the verb of the reported clause with them.
 */
function clausesKeepVerbs(s: Sentence, cuts: Array<[number, number]>): boolean {
  const kept = (i: number) => survives(s.tokens[i]!, cuts);
  return s.tokens.every((t, i) => {
    if (s.quoted[i] || !/^that$/i.test(t.text) || t.pos !== 'SCONJ' || !kept(i)) return true;
    return s.tokens.some(
      (u, k) => k > i && (s.quoted[k] || ((u.pos === 'VERB' || u.pos === 'AUX') && kept(k))),
    );
  });
}

/** Some verb outside quotations survives the cuts. */
function hasFiniteVerb(s: Sentence, cuts: Array<[number, number]>): boolean {
  return s.tokens.some(
    (t, i) =>
      !s.quoted[i] && (t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.text) && survives(t, cuts),
  );
}

/** The token is outside every cut. */
function survives(t: { start: number; end: number }, cuts: Array<[number, number]>): boolean {
  return !cuts.some(([from, to]) => t.start >= from && t.end <= to);
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
