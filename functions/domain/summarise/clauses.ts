// Clause structure read off the tagged tokens: where a clause starts (past introductory phrases, asides,
// reported clauses), its first verb, and its grammatical subject. Used by the reference pass (coref.ts)
// and by the event extractor.
import type { Mention, Sentence } from './analysis-types';
import { REPORTING_VERBS, TITLE_WORDS } from './lexicon';

/** The first verb of the main clause (after any introductory phrase), outside quotations. */
export function firstVerb(s: Sentence): number | undefined {
  // Past the introductory phrases only: a relative clause later in the sentence ("thanked those who
  // had campaigned") does not start the main clause.
  const start = introEnd(s, 0, s.tokens.length);
  const aside = asides(s, s.tokens.length);
  for (let i = start; i < s.tokens.length; i++) {
    const t = s.tokens[i]!;
    if (s.quoted[i] || aside[i]) continue;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.text)) return i;
  }
  return undefined;
}

export const INTRO_OPENERS = new Set(['ADP', 'SCONJ', 'ADV']);

/** Where the clause holding token `verb` begins: past introductory phrases and earlier clauses. */
export function clauseStart(s: Sentence, from: number, verb: number): number {
  const { tokens } = s;
  const start = introEnd(s, from, verb);
  // A later clause: after a semicolon, a colon, or "while"/"but" joining two clauses. An aside set off
  // by commas before the verb (", who spoke on condition of anonymity because …,") is skipped whole.
  const aside = asides(s, verb);
  for (let i = verb - 1; i > start; i--) {
    const t = tokens[i]!;
    if (s.quoted[i] || aside[i]) continue;
    if (t.text === ';' || t.text === ':' || /^(?:while|whereas|but|because|although|though)$/i.test(t.text)) {
      return i + 1;
    }
    // "… to weigh what the studios have called their '…' offer": a free relative with its own subject.
    if (/^what$/i.test(t.text) && i < verb - 1) return i + 1;
    // "The studio made its offer public, and the guild told members …": a second clause with its own
    // subject, after a first that has its own verb (not a list of names before one verb).
    if (t.text === 'and' && tokens[i - 1]?.text === ',' && hasVerbBetween(s, start, i - 1)) return i + 1;
    // "…, when the administration described the plan as '…'": a subordinate clause with its own subject.
    if (
      /^(?:when|after|before|as|since|until|once|if|whereas)$/i.test(t.text) &&
      reportedSubject(s, i, verb)
    ) {
      return i + 1;
    }
    // "His spokesman said the president had told him: …": the reported clause has its own subject.
    if (REPORTING_VERBS.has(t.text.toLowerCase()) && /VERB/.test(t.pos) && reportedSubject(s, i, verb)) {
      return tokens[i + 1]?.text.toLowerCase() === 'that' ? i + 2 : i + 1;
    }
    // "talks that palace aide Mira Osk described as '…'": a relative clause with a subject of its own.
    if (
      /^(?:that|which|whom)$/i.test(t.text) &&
      i > 0 &&
      /^(?:NOUN|PROPN)$/.test(tokens[i - 1]!.pos) &&
      reportedSubject(s, i, verb)
    )
      return i + 1;
    // "…, which both Kyiv and Washington described": the verb is the relative clause's own; but in
    // "Ushakov, who took part in the talks, called …" the relative clause is an aside before the verb.
    if (/^(?:which|who)$/i.test(t.text)) {
      const closedBefore = tokens.slice(i + 1, verb).some((x, k) => x.text === ',' && !s.quoted[i + 1 + k]);
      if (!closedBefore) return i + 1;
    }
  }
  return start;
}

/** A finite `verb` inside what the reporting verb at `said` reports, with its own subject just before it. */
export function reportedSubject(s: Sentence, said: number, verb: number): boolean {
  const v = s.tokens[verb];
  if (!v || /ing$/.test(v.text) || verb <= said + 1) return false;
  return s.mentions.some((m) => {
    if (m.from <= said || m.to > verb || m.inQuote || m.possessive) return false;
    for (let k = m.to; k < verb; k++) if (!/^(?:ADV|AUX|PART)$/.test(s.tokens[k]!.pos)) return false;
    return true;
  });
}

export function hasVerbBetween(s: Sentence, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = s.tokens[i]!;
    if (!s.quoted[i] && (t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.text)) return true;
  }
  return false;
}

/** Where the sentence's introductory phrases before token `verb` end. */
export function introEnd(s: Sentence, from: number, verb: number): number {
  const { tokens } = s;
  let start = from;
  // "In a post on Truth Social, …", "Later, however, speaking to reporters, …", "According to X, …"
  for (;;) {
    const t = tokens[start];
    if (!t) break;
    const comma = tokens.findIndex((x, i) => i > start && i < verb && x.text === ',');
    const opener =
      INTRO_OPENERS.has(t.pos) ||
      /^(?:however|meanwhile|later|earlier|separately|instead|still|also)$/i.test(t.text) ||
      (t.pos === 'VERB' && /ing$/.test(t.text)) ||
      // "Asked about the reports, …", "Pressed on the deadline, …": a participle phrase before the clause.
      // "Asked what he expected, …", "Asked whether …": or a question it answers.
      (t.pos === 'VERB' &&
        start === from &&
        /(?:ed|en)$/.test(t.text) &&
        (tokens[start + 1]?.pos === 'ADP' ||
          /^(?:what|when|whether|if|why|how|who|where|which)$/i.test(tokens[start + 1]?.text ?? '')));
    if (!opener || comma < 0) break;
    start = comma + 1;
  }
  return start;
}

/**
 * Tokens inside ", who/which … ," asides that close before `verb`, also after a description set off
 * first (", a Kremlin aide and former minister who headed the team,").
 */
export function asides(s: Sentence, verb: number): boolean[] {
  const out = new Array<boolean>(s.tokens.length).fill(false);
  for (let i = 0; i < verb; i++) {
    if (s.tokens[i]!.text !== ',') continue;
    // ", speaking on condition of anonymity because he was not authorised to brief,": a participle
    // phrase set off by commas, whatever clauses it holds.
    const participle = s.tokens[i + 1];
    if (participle?.pos === 'VERB' && /^\p{Ll}+ing$/u.test(participle.text) && !s.quoted[i + 1]) {
      const close = s.tokens.findIndex((t, k) => k > i + 1 && k < verb && t.text === ',' && !s.quoted[k]);
      if (close > 0) {
        for (let k = i; k <= close; k++) out[k] = true;
        i = close;
        continue;
      }
    }
    let relative = i + 1;
    while (
      relative < Math.min(verb, i + 12) &&
      !/^(?:who|which|whose)$/i.test(s.tokens[relative]!.text) &&
      !/^(?:VERB|AUX|PUNCT)$/.test(s.tokens[relative]!.pos) &&
      !s.quoted[relative]
    ) {
      relative++;
    }
    if (!/^(?:who|which|whose)$/i.test(s.tokens[relative]?.text ?? '')) continue;
    const close = s.tokens.findIndex((t, k) => k > relative && k < verb && t.text === ',' && !s.quoted[k]);
    if (close < 0) continue;
    for (let k = i; k <= close; k++) out[k] = true;
    i = close;
  }
  return out;
}

/**
 * The subject of the verb at token `verb`: the first mention of the clause that is not a possessor, a
 * modifier, inside a quotation or after a preposition; "that"/"which"/"who" point back to the noun
 * phrase before them; "X and Y" stay together.
 */
export function clauseSubject(s: Sentence, verb: number): Mention | undefined {
  const { tokens } = s;
  let k = verb - 1;
  while (k >= 0 && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX')) k--;
  const relative = tokens[k];
  if (relative && /^(?:that|which|who)$/i.test(relative.text) && relative.pos !== 'SCONJ') {
    let end = k;
    if (tokens[end - 1]?.text === ',') end--;
    const antecedent = s.mentions.filter((m) => m.to === end && !m.inQuote).at(-1);
    if (antecedent) return antecedent;
  }
  // "… by creating what he called '…'", "as she put it": a subject pronoun right before its verb.
  const pronoun = s.mentions.find((m) => m.to === k + 1 && m.kind === 'pronoun' && !m.inQuote);
  if (
    pronoun &&
    /^(?:he|she|they|we|i)$/i.test(pronoun.text) &&
    /^(?:what|as|which|that)$/i.test(tokens[k - 1]?.text ?? '')
  ) {
    return pronoun;
  }
  // "…, Witkoff said." / "…, the envoy said.": an attribution clause after the reported words.
  // "…, the Finance Ministry said": a name read without its article still follows the comma.
  const adjacent = s.mentions.find((m) => m.to === k + 1 && !m.inQuote && !m.possessive);
  const opensAt =
    adjacent && /^the$/i.test(tokens[adjacent.from - 1]?.text ?? '') ? adjacent.from - 1 : adjacent?.from;
  if (adjacent && /^[,”"]$/.test(tokens[opensAt! - 1]?.text ?? '') && verb > 2) return adjacent;
  // "…," Kenya Doctors' Union (KDU) Secretary General Ana Wambui said: a titled name right before the
  // verb is the subject, whatever bodies the title names.
  const titleWord = adjacent ? tokens[adjacent.from - 1] : undefined;
  if (
    adjacent?.entity?.kind === 'person' &&
    adjacent.kind === 'name' &&
    titleWord?.capitalised &&
    TITLE_WORDS.has(titleWord.bare.toLowerCase()) &&
    // Not "Minister Ruth Adeyemi and Minister Paulo Reis said": two people speaking together.
    !s.mentions.some(
      (m) =>
        m !== adjacent &&
        m.entity?.kind === 'person' &&
        !m.inQuote &&
        m.to <= adjacent.from &&
        tokens[m.to]?.text === 'and',
    )
  ) {
    return adjacent;
  }
  // "Labour will not strike, the president of the congress, Joe Ajaero, said": a name set off by commas
  // right before the verb is who said it.
  if (tokens[k]?.text === ',') {
    const setOff = s.mentions.find(
      (m) => m.to === k && m.kind === 'name' && m.entity?.kind === 'person' && !m.inQuote && !m.possessive,
    );
    if (setOff && tokens[setOff.from - 1]?.text === ',') return setOff;
  }
  const start = clauseStart(s, 0, verb);
  const aside = asides(s, verb);
  const candidates = s.mentions.filter(
    (m) =>
      !aside[m.from] &&
      m.from >= start &&
      m.to <= verb &&
      !m.inQuote &&
      !m.possessive &&
      !m.modifier &&
      !/^(?:ADP)$/.test(tokens[m.from - 1]?.pos ?? '') &&
      !s.quoted[m.from],
  );
  const first = candidates[0];
  if (!first) {
    // "Donaldson acknowledged progress but warned that …": a second verb sharing the first one's subject.
    const conj = tokens[start - 1];
    if (!conj || !/^(?:but|and)$/i.test(conj.text)) return undefined;
    for (let v = start - 2; v >= 0; v--) {
      const t = tokens[v]!;
      if (!s.quoted[v] && (t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.text)) {
        return clauseSubject(s, v);
      }
    }
    return undefined;
  }
  // "Both Kyiv and Washington described …": two names joined by "and" credit both.
  const next = candidates[1];
  if (
    next &&
    tokens[first.to]?.text === 'and' &&
    next.from === first.to + 1 &&
    first.entity &&
    next.entity &&
    first.entity.kind === next.entity.kind &&
    first.entity.kind !== 'person'
  ) {
    return {
      ...first,
      to: next.to,
      text: `${first.entity.name} and ${next.entity.name}`,
      entity: {
        ...first.entity,
        id: -1,
        name: `${first.entity.name} and ${next.entity.name}`,
        kind: 'group',
      },
    };
  }
  return first;
}
