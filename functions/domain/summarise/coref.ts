// The reference pass: whom each description and pronoun means, each sentence's subject, and who each
// reporting verb credits. A description ("the US president", "the Kremlin leader", "the trade chief")
// means the most recently mentioned person whose roles fit its head noun and modifiers — roles from
// the text's own introductions and from the catalogue on the publication day. "He" means the subject of
// the sentence before it in the paragraph, else the last person credited with words. What the text does
// not settle stays unresolved: a gap is honest, a guess is a defect the reader sees.
import type { Analysis, Entity, Mention, Sentence, Speaking } from './analysis';
import { rolesAt } from './catalogue';
import { countryFor, PERSON_PRONOUNS, RELAYING_VERBS, REPORTING_VERBS } from './lexicon';

/** A head noun and the role words it can stand for. */
const HEADS: Record<string, string[]> = {
  president: ['president'],
  leader: ['president', 'prime minister', 'premier', 'chancellor', 'king', 'emir', 'leader', 'head of state'],
  premier: ['premier', 'prime minister'],
  chancellor: ['chancellor'],
  minister: ['minister', 'secretary of state', 'foreign secretary'],
  secretary: ['secretary'],
  chief: ['secretary', 'minister', 'representative', 'chief', 'head', 'director', 'commander'],
  head: ['head', 'chief', 'director', 'leader'],
  envoy: ['envoy', 'special representative', 'emissary'],
  representative: ['representative', 'envoy'],
  aide: ['aide', 'adviser', 'advisor', 'assistant'],
  adviser: ['adviser', 'advisor', 'aide'],
  advisor: ['adviser', 'advisor', 'aide'],
  spokesperson: ['spokesperson', 'spokesman', 'spokeswoman', 'press secretary'],
  spokesman: ['spokesperson', 'spokesman', 'press secretary'],
  spokeswoman: ['spokesperson', 'spokeswoman', 'press secretary'],
  negotiator: ['negotiator'],
  diplomat: ['foreign minister', 'secretary of state', 'ambassador', 'diplomat', 'envoy'],
  ambassador: ['ambassador'],
  general: ['general', 'commander'],
  commander: ['commander', 'general', 'chief'],
  counterpart: [],
  official: [],
};

/** Modifiers that say nothing about which role is meant. */
const NEUTRAL = new Set([
  'top',
  'senior',
  'new',
  'current',
  'then',
  'longtime',
  'veteran',
  'special',
  'chief',
  'lead',
]);

export function resolveReferences(a: Analysis): void {
  const seen: Array<{ entity: Entity; sentence: number }> = [];
  const bodies: Mention[] = [];
  let lastSpeaker: { entity: Entity; paragraph: number } | undefined;
  let previous: Sentence | undefined;
  for (const s of a.sentences) {
    s.context = {
      ...(previous && previous.paragraph === s.paragraph && previous.subject?.entity
        ? { previousSubject: previous.subject.entity }
        : {}),
      ...(lastSpeaker && s.paragraph - lastSpeaker.paragraph <= 3 ? { lastSpeaker } : {}),
    };
    for (const m of s.mentions) {
      if (m.inQuote) continue;
      if (m.kind === 'description' && !m.entity && !m.indefinite) {
        const e = isBody(m) ? earlierBody(m, bodies) : resolveDescription(a, m, seen);
        if (e) m.entity = e;
      }
      if (m.kind === 'description' && isBody(m)) bodies.push(m);
      if (m.entity && m.entity.kind === 'person') seen.push({ entity: m.entity, sentence: s.index });
    }
    s.subject = clauseSubject(s, firstVerb(s) ?? s.tokens.length);
    if (s.subject?.kind === 'pronoun') resolvePronoun(s, s.subject);
    s.speakers = speakersIn(s);
    for (const sp of s.speakers) {
      if (sp.entity && sp.entity.kind !== 'media')
        lastSpeaker = { entity: sp.entity, paragraph: s.paragraph };
    }
    previous = s;
  }
}

/** The person or body a pronoun points back to, set on the mention; undefined when unclear. */
export function resolvePronoun(s: Sentence, m: Mention): Entity | undefined {
  if (m.entity) return m.entity;
  const word = m.text.toLowerCase();
  const { previousSubject, lastSpeaker } = s.context;
  let e: Entity | undefined;
  if (PERSON_PRONOUNS.has(word)) {
    const earlier = s.subject && s.subject !== m && s.subject.from < m.from ? s.subject.entity : undefined;
    e = [earlier, previousSubject, lastSpeaker?.entity].find((x) => x?.kind === 'person' && !x.reporter);
  } else if (word === 'it') {
    e = [previousSubject, lastSpeaker?.entity].find((x) => x && x.kind === 'organisation');
  }
  if (e) m.entity = e;
  return e;
}

function resolveDescription(
  a: Analysis,
  m: Mention,
  seen: ReadonlyArray<{ entity: Entity; sentence: number }>,
): Entity | undefined {
  const head = m.head ?? '';
  const wanted = HEADS[head];
  if (!wanted) return undefined;
  const modifiers = (m.modifiers ?? []).filter((w) => !NEUTRAL.has(w));
  const fits = (roles: readonly string[], countries: readonly string[]) => {
    const text = roles.join(' ; ').toLowerCase();
    if (wanted.length > 0 && !wanted.some((w) => new RegExp(`\\b${w}\\b`).test(text))) return false;
    for (const w of modifiers) {
      const country = countryFor(w);
      if (country) {
        if (!countries.includes(country) && !text.includes(w)) return false;
      } else if (!text.includes(w.replace(/s$/, ''))) return false;
    }
    return true;
  };
  // Most recent first; a description means someone the reader has met.
  for (let k = seen.length - 1; k >= 0; k--) {
    const e = seen[k]!.entity;
    if (!e.reporter && fits(e.roles, e.countries)) return e;
  }
  // Nobody in the text fits: the catalogue may know who held the role that day, if exactly one did.
  if (wanted.length === 0 || modifiers.length === 0) return undefined;
  const known = a.actors.actors.filter(
    (entry) =>
      (entry.kind ?? 'person') === 'person' &&
      fits(rolesAt(entry, a.day), entry.country ? [entry.country] : []),
  );
  if (known.length !== 1) return undefined;
  const entry = known[0]!;
  return (
    a.entities.find((e) => e.entry === entry) ?? {
      id: -1,
      name: entry.name,
      kind: 'person',
      roles: rolesAt(entry, a.day),
      side: entry.side,
      countries: entry.country ? [entry.country] : [],
      entry,
      reporter: false,
      partial: false,
    }
  );
}

/** The first verb of the main clause (after any introductory phrase), outside quotations. */
function firstVerb(s: Sentence): number | undefined {
  const start = clauseStart(s, 0, s.tokens.length);
  for (let i = start; i < s.tokens.length; i++) {
    const t = s.tokens[i]!;
    if (s.quoted[i]) continue;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.text)) return i;
  }
  return undefined;
}

const INTRO_OPENERS = new Set(['ADP', 'SCONJ', 'ADV']);

/** Where the clause holding token `verb` begins: past introductory phrases and earlier clauses. */
function clauseStart(s: Sentence, from: number, verb: number): number {
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
      (t.pos === 'VERB' && /ing$/.test(t.text));
    if (!opener || comma < 0) break;
    start = comma + 1;
  }
  // A later clause: after a semicolon, a colon, or "while"/"but" joining two clauses.
  for (let i = verb - 1; i > start; i--) {
    const t = tokens[i]!;
    if (s.quoted[i]) continue;
    if (t.text === ';' || t.text === ':' || /^(?:while|whereas|but|because|although|though)$/i.test(t.text)) {
      return i + 1;
    }
    // "…, which both Kyiv and Washington described": the verb is the relative clause's own; but in
    // "Ushakov, who took part in the talks, called …" the relative clause is an aside before the verb.
    if (/^(?:which|who)$/i.test(t.text)) {
      const closedBefore = tokens.slice(i + 1, verb).some((x, k) => x.text === ',' && !s.quoted[i + 1 + k]);
      if (!closedBefore) return i + 1;
    }
  }
  return start;
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
  // "…, Witkoff said." / "…, the envoy said.": an attribution clause after the reported words.
  const adjacent = s.mentions.find((m) => m.to === k + 1 && !m.inQuote && !m.possessive);
  if (adjacent && /^[,”"]$/.test(tokens[adjacent.from - 1]?.text ?? '') && verb > 2) return adjacent;
  const start = clauseStart(s, 0, verb);
  const candidates = s.mentions.filter(
    (m) =>
      m.from >= start &&
      m.to <= verb &&
      !m.inQuote &&
      !m.possessive &&
      !(m.modifier && s.mentions.some((n) => n.from === m.to || n.from === m.to + 1)) &&
      !/^(?:ADP)$/.test(tokens[m.from - 1]?.pos ?? '') &&
      !s.quoted[m.from],
  );
  const first = candidates[0];
  if (!first) return undefined;
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

/** Who each reporting verb outside quotations credits (relaying outlets credit nobody). */
function speakersIn(s: Sentence): Speaking[] {
  const out: Speaking[] = [];
  const according = /^according to\b/i.test(s.text)
    ? s.mentions.find((m) => m.from <= 3 && !m.possessive && !m.modifier)
    : undefined;
  if (according) out.push({ verb: -1, subject: according, ...creditOf(s, according) });
  s.tokens.forEach((t, i) => {
    if (s.quoted[i] || !REPORTING_VERBS.has(t.text.toLowerCase()) || !/VERB/.test(t.pos)) return;
    const subject = clauseSubject(s, i);
    if (RELAYING_VERBS.has(t.text.toLowerCase())) {
      out.push({ verb: i, ...(subject ? { subject } : {}) });
      return;
    }
    out.push({ verb: i, ...(subject ? { subject, ...creditOf(s, subject) } : {}) });
  });
  return out;
}

/** The entity a subject mention credits: resolved people and bodies; never an outlet or a reporter. */
export function creditOf(s: Sentence, m: Mention): { entity?: Entity } {
  const e = m.kind === 'pronoun' ? resolvePronoun(s, m) : m.entity;
  if (e) return e.kind === 'media' || e.reporter ? {} : { entity: e };
  if (m.kind === 'description' && m.indefinite) {
    // "a Russian source", "U.S. officials": the text names nobody, so the description is the credit.
    const name = m.text.replace(/^(?:a|an|the|some|several|one)\s+/i, '');
    return {
      entity: {
        id: -1,
        name,
        kind: 'group',
        roles: [],
        side: null,
        countries: [],
        reporter: false,
        partial: false,
      },
    };
  }
  if (m.kind === 'description' && isBody(m)) return { entity: bodyEntity(m) };
  return {};
}

/**
 * "the joint statement" after "a joint US-Ukraine statement": the same document, named as fully as the
 * text ever named it.
 */
function earlierBody(m: Mention, bodies: readonly Mention[]): Entity | undefined {
  const mine = new Set(m.modifiers ?? []);
  for (let k = bodies.length - 1; k >= 0; k--) {
    const b = bodies[k]!;
    if (b.head !== m.head || (b.modifiers ?? []).length <= mine.size) continue;
    if (![...mine].every((w) => b.modifiers?.includes(w))) continue;
    return b.entity ?? bodyEntity(b);
  }
  return undefined;
}

function bodyEntity(m: Mention): Entity {
  const name = m.text.replace(/^(?:the|a|an)\s+/i, '');
  return {
    id: -1,
    name,
    kind: 'organisation',
    roles: [],
    side: null,
    countries: [],
    reporter: false,
    partial: false,
  };
}

function isBody(m: Mention): boolean {
  return !!m.head && !(m.head in HEADS);
}
