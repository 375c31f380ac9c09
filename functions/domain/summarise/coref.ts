// The reference pass: whom each description and pronoun means, each sentence's subject, and who each
// reporting verb credits. A description ("the US president", "the Kremlin leader", "the trade chief")
// means the most recently mentioned person whose roles fit its head noun and modifiers — roles from
// the text's own introductions and from the catalogue on the publication day. "He" means the subject of
// the sentence before it in the paragraph, else the last person credited with words. What the text does
// not settle stays unresolved: a gap is honest, a guess is a defect the reader sees.
import type { Analysis, Entity, Mention, Sentence, Speaking } from './analysis-types';
import {
  BODY_NOUNS,
  countryFor,
  PERSON_PRONOUNS,
  PERSON_ROLE_NOUNS,
  RELAYING_VERBS,
  REPORTING_VERBS,
  TITLE_WORDS,
} from './lexicon';
import { rolesAt } from './roles';

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
  official: ['official'],
  source: ['source'],
  person: [],
  'head of state': ['president', 'king', 'queen', 'emir', 'monarch', 'sultan', 'head of state'],
  'head of government': ['prime minister', 'premier', 'chancellor', 'head of government'],
  'secretary of state': ['secretary of state'],
  'chief of staff': ['chief of staff'],
  politician: [],
  lawmaker: [],
  campaigner: [],
  activist: [],
  member: ['member'],
  mediator: ['mediator'],
  chair: ['chair', 'chairman', 'chairwoman', 'chairperson', 'co-chair', 'president'],
  chairman: ['chair', 'chairman', 'chairperson', 'president'],
  chairwoman: ['chair', 'chairwoman', 'chairperson', 'president'],
  chairperson: ['chair', 'chairman', 'chairwoman', 'chairperson', 'president'],
};

/** Heads that an anonymous source is described by, and the words a later "the …" may use for it. */
const ANONYMOUS_HEADS = new Set([
  'official',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'source',
  'diplomat',
  'person',
  'member',
  'negotiator',
  'aide',
  'officer',
  'adviser',
  'advisor',
  'minister',
  'analyst',
  'expert',
  'mediator',
  'delegate',
]);

/** A definite description names someone the reader met recently: within this many paragraphs. */
const RECENT_PARAGRAPHS = 2;
const SPECIFIC_PARAGRAPHS = 8;

/** Modifiers that say nothing about which role is meant. */
const NEUTRAL = new Set([
  'acting',
  'interim',
  'caretaker',
  'outgoing',
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
  const seen: Seen[] = [];
  const bodies: Mention[] = [];
  const orgs: Entity[] = [];
  let lastSpeaker: { entity: Entity; paragraph: number } | undefined;
  let previous: Sentence | undefined;
  // Whose document "the statement", "the readout" or "the document" is: the body that spoke "in a
  // statement" or owns it ("the Kremlin's readout"), else the document as the text named it ("a joint
  // communique").
  let issuer: { entity?: Entity; label?: string; paragraph: number } | undefined;
  // Two people the text named together ("led by X and Y"), whom "the two mission chiefs" may mean.
  let pair: { entity: Entity; paragraph: number } | undefined;
  for (const s of a.sentences) {
    // "The commission president went further.", then a paragraph opening "'…,' she said": a paragraph's
    // first sentence may go on from the subject that closed the paragraph before, when that sentence
    // quoted nobody.
    const narrativeClose =
      previous &&
      s.position === 0 &&
      previous.quotes.every((q) => q.to - q.from <= 3) &&
      previous.paragraph === s.paragraph - 1;
    const previousSubject =
      previous && (previous.paragraph === s.paragraph || narrativeClose) ? previous.subject : undefined;
    s.context = {
      ...(previousSubject?.entity ? { previousSubject: previousSubject.entity } : {}),
      // "The acting premier was more guarded. '…,' he said": he is that premier, known or not.
      ...(previousSubject && !previousSubject.entity && personDescription(previousSubject)
        ? { previousSubjectUnknown: true }
        : {}),
      ...(lastSpeaker && s.paragraph - lastSpeaker.paragraph <= 3 ? { lastSpeaker } : {}),
    };
    for (const m of s.mentions) {
      if (m.inQuote) continue;
      if (m.kind === 'description' && m.ownerPronoun && !m.owner) {
        const owner = [s.context.previousSubject, s.context.lastSpeaker?.entity].find(
          (x) => x?.kind === 'person',
        );
        if (owner) m.owner = owner;
      }
      if (m.kind === 'description' && m.head && DOCUMENTS.has(m.head) && !m.entity) {
        if (m.owner && m.owner.kind !== 'media') {
          issuer = { entity: m.owner, paragraph: s.paragraph };
          m.entity = m.owner;
        } else if (
          ((m.modifiers ?? []).length > 0 && new RegExp(`\\b${m.head}$`, 'i').test(m.text)) ||
          (s.tokens[m.to]?.text === 'of' && /^(?:NOUN)$/.test(s.tokens[m.to + 1]?.pos ?? ''))
        ) {
          // "a joint communique", "the statement of intent": the document as the text names it.
          const of = s.tokens[m.to]?.text === 'of' ? ` of ${s.tokens[m.to + 1]!.text}` : '';
          issuer = { label: `${m.text.replace(/^(?:the|a|an)\s+/i, '')}${of}`, paragraph: s.paragraph };
        } else if (!m.indefinite && issuer && s.paragraph - issuer.paragraph <= SPECIFIC_PARAGRAPHS) {
          m.entity = issuer.entity ?? { ...bodyEntity(m), name: issuer.label ?? m.head };
          issuer.paragraph = s.paragraph;
        } else if (
          !m.indefinite &&
          (lastSpeaker?.entity.kind === 'organisation' || lastSpeaker?.entity.kind === 'group') &&
          s.paragraph - lastSpeaker.paragraph <= 1
        ) {
          // "The Prime Minister's Office announced …", then "'…,' the statement said": the body that just spoke.
          m.entity = lastSpeaker.entity;
        }
      }
      if (m.kind === 'name' && m.entity?.kind === 'person' && !m.inQuote && s.tokens[m.to]?.text === 'and') {
        const next = s.mentions.find(
          (n) => n.from === m.to + 1 && n.kind === 'name' && n.entity?.kind === 'person',
        );
        if (next?.entity && next.entity !== m.entity) {
          const name = `${m.entity.name} and ${next.entity.name}`;
          pair = {
            entity: { ...m.entity, id: -1, name, kind: 'group', roles: ['pair'] },
            paragraph: s.paragraph,
          };
          delete pair.entity.entry;
        }
      }
      // "the two mission chiefs said", "the co-chairs said": the two people the text named together.
      if (
        m.kind === 'description' &&
        !m.entity &&
        /^the\s/i.test(m.text) &&
        m.head &&
        headRoles(m.head) &&
        new RegExp(`\\b${m.head}s$`, 'i').test(m.text) &&
        pair &&
        s.paragraph - pair.paragraph <= SPECIFIC_PARAGRAPHS
      ) {
        m.entity = pair.entity;
      }
      if (m.kind === 'description' && !m.entity && !m.indefinite) {
        const e = isBody(m)
          ? earlierBody(m, bodies, orgs, s.context.previousSubject)
          : (resolveDescription(a, m, seen, s.paragraph, s.context.lastSpeaker?.entity) ??
            recentSpeaker(m, s));
        if (e) m.entity = e;
      }
      const oneOf =
        /^(?:one|another)\s+\S+$/i.test(m.text) ||
        (!/\s/.test(m.text) && /^(?:one|another)$/i.test(s.tokens[m.from - 1]?.text ?? ''));
      if (m.kind === 'description' && !m.entity && m.indefinite && m.head && oneOf) {
        // "US officials briefing reporters … '…,' one official warned": one of the sources just described.
        const group = seen.findLast(
          (x) =>
            x.entity.kind === 'group' &&
            x.entity.roles[0] === m.head &&
            x.entity.roles.includes('plural') &&
            s.paragraph - x.paragraph <= RECENT_PARAGRAPHS,
        )?.entity;
        if (group) m.entity = { ...group, name: singular(group.name, m.head), roles: [m.head] };
      }
      if (m.kind === 'description' && !m.entity && m.indefinite && m.head && ANONYMOUS_HEADS.has(m.head)) {
        // "A European diplomat involved in the talks": someone the text will call "the diplomat".
        m.entity = anonymous(m);
      }
      if (m.kind === 'description' && isBody(m)) bodies.push(m);
      if (m.kind === 'name' && m.entity?.kind === 'organisation') orgs.push(m.entity);
      if (m.entity && (m.entity.kind === 'person' || m.entity.kind === 'group')) {
        seen.push({ entity: m.entity, sentence: s.index, paragraph: s.paragraph, head: m.head });
      }
    }
    s.subject = clauseSubject(s, firstVerb(s) ?? s.tokens.length);
    if (s.subject?.kind === 'pronoun') resolvePronoun(s, s.subject);
    s.speakers = speakersIn(s);
    // "In a statement, the Ministry of Finance said …": what "the statement" says later is the ministry's.
    if (SPEAKS_IN_DOCUMENT.test(unquoted(s))) {
      const through = s.speakers.find((sp) => sp.entity && sp.entity.kind !== 'media' && !sp.entity.reporter);
      if (through?.entity) issuer = { entity: through.entity, paragraph: s.paragraph };
    }
    for (const sp of s.speakers) {
      if (sp.entity && sp.entity.kind !== 'media')
        lastSpeaker = { entity: sp.entity, paragraph: s.paragraph };
      // "Ukraine's defence minister said …" about someone the text never names: a later "he" may be them,
      // so the speaker before is no longer a safe guess.
      else if (sp.subject && !sp.entity && personDescription(sp.subject)) lastSpeaker = undefined;
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
  if (PERSON_PRONOUNS.has(word) || /^the \d{1,3}-year-old$/.test(word)) {
    const earlier = s.subject && s.subject !== m && s.subject.from < m.from ? s.subject.entity : undefined;
    if (!earlier && s.context.previousSubjectUnknown) return undefined;
    e = [earlier, previousSubject, lastSpeaker?.entity].find(
      (x) => (x?.kind === 'person' || (x?.kind === 'group' && !x.roles.includes('plural'))) && !x.reporter,
    );
  } else if (word === 'it') {
    e = [previousSubject, lastSpeaker?.entity].find((x) => x && x.kind === 'organisation');
    // "Couche-Tard said … '…,' it said": a name the text gave no role, which it calls "it", is a body.
    const nameless = lastSpeaker?.entity;
    if (!e && nameless?.kind === 'person' && nameless.roles.length === 0 && !nameless.entry) e = nameless;
  } else if (word === 'they') {
    // "The mission chiefs were blunt. '…,' they said": the people the sentence before was about.
    e = [previousSubject].find((x) => x?.kind === 'group' && !x.reporter);
  }
  if (e) m.entity = e;
  return e;
}

interface Seen {
  entity: Entity;
  sentence: number;
  paragraph: number;
  /** The head noun when the entity was met as a description ("official"). */
  head?: string | undefined;
}

/** British and American spellings of role words read alike ("defence"/"defense"). */
function spelling(text: string): string {
  return text
    .replace(/defence/g, 'defense')
    .replace(/organis/g, 'organiz')
    .replace(/programme/g, 'program');
}

function personDescription(m: Mention): boolean {
  return (
    m.kind === 'description' && !!m.head && (headRoles(m.head) !== undefined || ANONYMOUS_HEADS.has(m.head))
  );
}

/** An unnamed source the text describes, named by its description ("Ukrainian official involved in…"). */
function anonymous(m: Mention): Entity {
  const name = sourceLabel(
    m.text.replace(/^(?:a|an|one|some|several|two|three|four)\s+/i, '').trim(),
    m.head,
  );
  // "officials familiar with the talks" is plural; "a senior official at the Ministry" is not.
  const plural = new RegExp(`\\b${m.head}s\\b`).test(m.text) && !new RegExp(`\\b${m.head}\\b`).test(m.text);
  return {
    id: -1,
    name,
    kind: 'group',
    roles: [m.head ?? '', ...(plural ? ['plural'] : [])],
    side: null,
    countries: [],
    reporter: false,
    partial: false,
  };
}

/**
 * An unnamed source is named by what they are, as the dev set's labels do ("Qatari official"), not by
 * what the report says they were doing ("involved in the mediation", "familiar with the talks"); where
 * they sit stays ("a source in the delegation").
 */
function sourceLabel(text: string, head: string | undefined): string {
  if (!head) return text;
  const cut = new RegExp(
    `^(.*?\\b${head}s?)\\s+(?:\\p{Ll}+(?:ing|ed)\\b|familiar\\b|close to\\b|who\\b|with (?:direct )?knowledge\\b)`,
    'u',
  ).exec(text);
  return cut ? cut[1]! : text;
}

/** "Egyptian security sources" → "Egyptian security source" (for "one of them said"). */
function singular(name: string, head?: string): string {
  return head ? name.replace(new RegExp(`\\b${head}s\\b`), head) : name;
}

function resolveDescription(
  a: Analysis,
  m: Mention,
  seen: readonly Seen[],
  paragraph: number,
  lastSpeaker?: Entity,
): Entity | undefined {
  const head = m.head ?? '';
  const wanted = headRoles(head);
  if (!wanted) return undefined;
  const modifiers = (m.modifiers ?? []).filter((w) => !NEUTRAL.has(w)).map(spelling);
  /** `unknownCountry`: a country word fits someone whose country the text never gave. */
  const fits = (roles: readonly string[], countries: readonly string[], unknownCountry = false) => {
    const text = spelling(roles.join(' ; ').toLowerCase());
    // "the president" is not the vice-president.
    const deputy = modifiers.some((w) => w === 'vice' || w === 'deputy');
    // "the minister" is not the prime minister unless the text says so.
    const prime = modifiers.includes('prime');
    const holds = (w: string) =>
      new RegExp(
        `${deputy ? '' : '(?<!vice[- ]|deputy )'}${w === 'minister' && !prime ? '(?<!prime )' : ''}\\b${w}\\b`,
      ).test(text);
    if (wanted.length > 0 && !wanted.some(holds)) return false;
    for (const w of modifiers) {
      const country = countryFor(w);
      if (country) {
        const open = unknownCountry && countries.length === 0;
        if (!countries.includes(country) && !text.includes(w) && !open) return false;
      } else if (!text.includes(w.replace(/s$/, ''))) return false;
    }
    return true;
  };
  // "President Donald Trump … the US president said", with no catalogue: the one president whose country
  // the text never gave, when nobody fits outright.
  const open = new Set<Entity>();
  // "Erdoğan said he had spoken to President Putin. Shoigu had then called Akar, the president said":
  // a bare role word that fits the one who is speaking means them, not a person they mentioned since.
  if (
    lastSpeaker?.kind === 'person' &&
    !lastSpeaker.reporter &&
    wanted.length > 0 &&
    fits(lastSpeaker.roles, lastSpeaker.countries) &&
    seen.some((x) => x.entity === lastSpeaker && paragraph - x.paragraph <= RECENT_PARAGRAPHS)
  ) {
    return lastSpeaker;
  }
  // Most recent first; a description means someone the reader has met lately: a named person whose
  // roles fit, or an unnamed source first described with the same noun ("a senior official" … "the
  // official said").
  for (let k = seen.length - 1; k >= 0; k--) {
    const { entity: e, paragraph: at, head: metAs } = seen[k]!;
    // "the official" means someone met lately; "the Qatari prime minister" is specific enough to reach
    // further back.
    if (paragraph - at > (modifiers.length > 0 ? SPECIFIC_PARAGRAPHS : RECENT_PARAGRAPHS)) break;
    if (e.kind === 'group') {
      if (metAs === head && modifiers.every((w) => e.name.toLowerCase().includes(w))) return e;
      // "A member of the government team … told the AP …", then "the negotiator said": the unnamed
      // source who just spoke, described by another person's role word.
      if (
        e === lastSpeaker &&
        !e.roles.includes('plural') &&
        ANONYMOUS_HEADS.has(head) &&
        modifiers.length === 0
      ) {
        return e;
      }
      continue;
    }
    if (!e.reporter && fits(e.roles, e.countries)) return e;
    if (!e.reporter && fits(e.roles, e.countries, true)) open.add(e);
  }
  if (open.size === 1) return [...open][0];
  // "'…,' the Maltese politician said" right after Metsola spoke: a word for any person, with at most
  // where they are from, is the one who was speaking when the text never gave their country.
  if (
    wanted.length === 0 &&
    lastSpeaker?.kind === 'person' &&
    !lastSpeaker.reporter &&
    modifiers.every((w) => {
      const c = countryFor(w);
      return !!c && (lastSpeaker.countries.length === 0 || lastSpeaker.countries.includes(c));
    })
  ) {
    return lastSpeaker;
  }
  // "the Argentine leader" when the text named one Argentine, whose role it never gave.
  const countries = modifiers.map((w) => countryFor(w)).filter((c): c is string => !!c);
  if (countries.length > 0 && countries.length === modifiers.length) {
    const of = new Set(
      seen
        .filter(
          ({ entity: e, paragraph: at }) =>
            e.kind === 'person' &&
            !e.reporter &&
            e.roles.length === 0 &&
            paragraph - at <= SPECIFIC_PARAGRAPHS &&
            countries.every((c) => e.countries.includes(c)),
        )
        .map(({ entity }) => entity),
    );
    const unknownRoles = [...of];
    if (unknownRoles.length === 1) return unknownRoles[0];
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

const INTRO_OPENERS = new Set(['ADP', 'SCONJ', 'ADV']);

/** Where the clause holding token `verb` begins: past introductory phrases and earlier clauses. */
function clauseStart(s: Sentence, from: number, verb: number): number {
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
function reportedSubject(s: Sentence, said: number, verb: number): boolean {
  const v = s.tokens[verb];
  if (!v || /ing$/.test(v.text) || verb <= said + 1) return false;
  return s.mentions.some((m) => {
    if (m.from <= said || m.to > verb || m.inQuote || m.possessive) return false;
    for (let k = m.to; k < verb; k++) if (!/^(?:ADV|AUX|PART)$/.test(s.tokens[k]!.pos)) return false;
    return true;
  });
}

function hasVerbBetween(s: Sentence, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = s.tokens[i]!;
    if (!s.quoted[i] && (t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.text)) return true;
  }
  return false;
}

/** Where the sentence's introductory phrases before token `verb` end. */
function introEnd(s: Sentence, from: number, verb: number): number {
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
      (t.pos === 'VERB' && start === from && /(?:ed|en)$/.test(t.text) && tokens[start + 1]?.pos === 'ADP');
    if (!opener || comma < 0) break;
    start = comma + 1;
  }
  return start;
}

/** Tokens inside ", who/which … ," asides that close before `verb`. */
function asides(s: Sentence, verb: number): boolean[] {
  const out = new Array<boolean>(s.tokens.length).fill(false);
  for (let i = 0; i < verb; i++) {
    if (s.tokens[i]!.text !== ',' || !/^(?:who|which|whose)$/i.test(s.tokens[i + 1]?.text ?? '')) continue;
    const close = s.tokens.findIndex((t, k) => k > i + 1 && k < verb && t.text === ',' && !s.quoted[k]);
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
  const adjacent = s.mentions.find((m) => m.to === k + 1 && !m.inQuote && !m.possessive);
  if (adjacent && /^[,”"]$/.test(tokens[adjacent.from - 1]?.text ?? '') && verb > 2) return adjacent;
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

/** Who each reporting verb outside quotations credits (relaying outlets credit nobody). */
function speakersIn(s: Sentence): Speaking[] {
  const out: Speaking[] = [];
  const according = /^according to\b/i.test(s.text)
    ? s.mentions.find((m) => m.from <= 3 && !m.possessive && !m.modifier)
    : undefined;
  if (according) out.push({ verb: -1, subject: according, ...creditOf(s, according) });
  // "Quote from Zelensky: '…'": an agency's label names the speaker without a reporting verb.
  if (/^quote$/i.test(s.tokens[0]?.text ?? '') && /^from$/i.test(s.tokens[1]?.text ?? '')) {
    const source = phraseHead(s, 2);
    if (source && s.tokens[source.to]?.text === ':')
      out.push({ verb: 1, subject: source, ...creditOf(s, source) });
  }
  // "… sought 'a fair framework', according to the statement": the source named after the words.
  s.tokens.forEach((t, i) => {
    if (i < 3 || s.quoted[i] || t.text.toLowerCase() !== 'according' || s.tokens[i + 1]?.text !== 'to')
      return;
    const source = phraseHead(s, i + 2);
    if (source) out.push({ verb: i, subject: source, ...creditOf(s, source) });
  });
  s.tokens.forEach((t, i) => {
    if (s.quoted[i] || !REPORTING_VERBS.has(t.text.toLowerCase()) || !/VERB/.test(t.pos)) return;
    // "is obliged to call an election": "to call" tells of no words said, unless words follow ("went on to
    // say that …" does).
    if (
      /^call/i.test(t.text) &&
      s.tokens[i - 1]?.text.toLowerCase() === 'to' &&
      !s.quotes.some((q) => q.from > i)
    )
      return;
    // "… ,” one of them said": one member of the group last credited with words.
    const before = s.tokens
      .slice(Math.max(0, i - 3), i)
      .map((x) => x.text.toLowerCase())
      .join(' ');
    const group = s.context.lastSpeaker?.entity;
    // "Studio-side sources described the mood. '…,' one said": one of the sources just described.
    const one = /^(?:one|another)$/i.test(s.tokens[i - 1]?.text ?? '') && !s.tokens[i - 2]?.capitalised;
    const plural = [s.context.previousSubject, group].find(
      (g) => g?.kind === 'group' && g.roles.includes('plural'),
    );
    if (one && before !== 'one of them' && plural) {
      out.push({ verb: i, entity: { ...plural, name: singular(plural.name, plural.roles[0]), roles: [] } });
      return;
    }
    if (before === 'one of them' && group?.kind === 'group' && group.roles.includes('plural')) {
      out.push({ verb: i, entity: { ...group, name: singular(group.name, group.roles[0]), roles: [] } });
      return;
    }
    // '"…," said Inger Andersen': the speaker comes after the verb.
    const inverted = /^[,”"]$/.test(s.tokens[i - 1]?.text ?? '') ? phraseHead(s, i + 1) : undefined;
    const subject = jointSpeakers(s, clauseSubject(s, i) ?? inverted, i);
    if (RELAYING_VERBS.has(t.text.toLowerCase())) {
      out.push({ verb: i, ...(subject ? { subject } : {}) });
      return;
    }
    out.push({ verb: i, ...(subject ? { subject, ...creditOf(s, subject) } : {}) });
  });
  // "Moss thanked his supporters in a statement", "The ministry issued a statement": the clause speaks
  // through a statement, post or address without a reporting verb; its subject is the one speaking.
  const verb = out.length === 0 && SPOKEN_THROUGH.test(unquoted(s)) ? firstVerb(s) : undefined;
  if (verb !== undefined && s.subject) out.push({ verb, subject: s.subject, ...creditOf(s, s.subject) });
  return out;
}

const SPEAKS_IN_DOCUMENT =
  /\b(?:(?:in|through) (?:a|an|the|its|his|her|their) (?:[\w-]+ )?(?:statement|readout|communiqu[eé]|letter|declaration)|(?:issued|released|published) (?:a|an|its) (?:[\w-]+ )?(?:statement|readout|communiqu[eé]))\b/i;

const SPOKEN_THROUGH =
  /\b(?:(?:in|during|through) (?:a|an|his|her|its|their) (?:joint |written |brief |short |televised |video )?(?:statement|post|message|letter|address|speech|interview|briefing|remarks)|(?:issued|released|published|read|read out) (?:a|an) (?:joint |written |brief |short )?statement)\b/i;

/** The sentence with its quotations left out. */
function unquoted(s: Sentence): string {
  return s.tokens
    .filter((_, i) => !s.quoted[i])
    .map((t) => t.text)
    .join(' ');
}

/**
 * The mention a noun phrase starting at token `from` is about: "said Tarvik district governor Omar Sadiq"
 * is about Sadiq, not the place that modifies his title; "said the union's chief negotiator" is about
 * the negotiator, not the union.
 */
export function phraseHead(s: Sentence, from: number): Mention | undefined {
  let k = from;
  while (k < s.tokens.length && k - from < 8) {
    const m = s.mentions.find((x) => x.from === k);
    if (m && !m.possessive && !m.modifier) return m;
    const t = s.tokens[k]!;
    if (m) k = m.to;
    else if (/^(?:NOUN|ADJ|PROPN|DET|NUM)$/.test(t.pos) || t.possessive) k++;
    else return undefined;
  }
  return undefined;
}

/**
 * "Minister Ruth Adeyemi and Minister Paulo Reis said in a joint statement": two named people speaking
 * together are credited together.
 */
function jointSpeakers(s: Sentence, subject: Mention | undefined, verb: number): Mention | undefined {
  const a = subject?.entity;
  const speaks = (e: Entity | undefined) =>
    (e?.kind === 'person' || e?.kind === 'organisation') && !e.partial;
  if (subject?.kind !== 'name' || !a || !speaks(a)) return subject;
  if (s.tokens[subject.to]?.text !== 'and') return subject;
  const other = s.mentions.find(
    (m) =>
      m.from > subject.to &&
      m.to <= verb &&
      m.kind === 'name' &&
      speaks(m.entity) &&
      s.tokens
        .slice(subject.to + 1, m.from)
        .every((t) => t.capitalised || PERSON_ROLE_NOUNS.has(t.bare.toLowerCase())),
  );
  const b = other?.entity;
  if (!other || !b || b === a) return subject;
  if (!s.tokens.slice(other.to, verb).every((t) => /^(?:ADV|AUX)$/.test(t.pos))) return subject;
  const name = `${a.name} and ${b.name}`;
  const together: Entity = { ...a, id: -1, name, kind: 'group', roles: [] };
  delete together.entry;
  return { ...subject, to: other.to, text: name, entity: together };
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
  // "according to the EFE news agency": an outlet relays, it does not speak.
  if (m.kind === 'description' && isBody(m) && /\bnews\s+agenc|\bnewspaper|\bbroadcaster/i.test(m.text)) {
    return {};
  }
  if (m.kind === 'description' && isBody(m)) return { entity: bodyEntity(m) };
  return {};
}

/**
 * "the joint statement" after "a joint US-Ukraine statement": the same document, named as fully as the
 * text ever named it.
 */
function earlierBody(
  m: Mention,
  bodies: readonly Mention[],
  orgs: readonly Entity[],
  previous?: Entity,
): Entity | undefined {
  const mine = new Set(m.modifiers ?? []);
  // "the family said" after "Corbett's family thanked …": the body whose owner the text gave.
  if (!m.owner && mine.size === 0) {
    const owned = bodies.findLast((b) => b.head === m.head && b.owner && b.owner.kind !== 'media');
    if (owned) return owned.entity ?? bodyEntity(owned);
  }
  for (let k = bodies.length - 1; k >= 0; k--) {
    const b = bodies[k]!;
    if (b.head !== m.head || (b.modifiers ?? []).length <= mine.size) continue;
    if (![...mine].every((w) => b.modifiers?.includes(w))) continue;
    return b.entity ?? bodyEntity(b);
  }
  // "the ministry" after "Egypt's Ministry of Water Resources and Irrigation".
  const head = m.head ?? '';
  for (let k = orgs.length - 1; k >= 0; k--) {
    if (new RegExp(`\\b${head}s?\\b`, 'i').test(orgs[k]!.name)) return orgs[k];
  }
  // "Fox did not apologise. In a statement, the company said: …": the body the sentence before was about.
  if (previous?.kind === 'organisation' && !DOCUMENTS.has(head) && (m.modifiers ?? []).length === 0) {
    return previous;
  }
  // "the union said" about a body the text named differently: who it is stays open.
  if (!DOCUMENTS.has(head) && !m.owner && (m.modifiers ?? []).length === 0) return UNKNOWN;
  return undefined;
}

/** Documents a text may quote without having named them before ("the statement said"). */
const DOCUMENTS = new Set([
  'statement',
  'readout',
  'communique',
  'communiqué',
  'declaration',
  'memo',
  'letter',
  'document',
  'account',
]);

/** A definite body the text does not identify: credited to nobody. */
const UNKNOWN: Entity = {
  id: -2,
  name: '',
  kind: 'media',
  roles: [],
  side: null,
  countries: [],
  reporter: true,
  partial: true,
};

/**
 * "Gerardo Blyde, who leads the opposition team, said …" then "the opposition negotiator told
 * reporters": a description right after someone spoke, of a person whose role the text never gave, is
 * how reporters name the same speaker again.
 */
function recentSpeaker(m: Mention, s: Sentence): Entity | undefined {
  const last = s.context.lastSpeaker;
  if (last?.entity.kind !== 'person' || last.entity.roles.length > 0 || last.entity.partial) return undefined;
  if (s.paragraph - last.paragraph > RECENT_PARAGRAPHS || !m.head || !headRoles(m.head)) return undefined;
  return last.entity;
}

function bodyEntity(m: Mention): Entity {
  const own = m.text.replace(/^(?:the|a|an|his|her|its|their)\s+/i, '');
  // "Benjamin Netanyahu's office": whose office it is belongs to its name.
  const name = m.owner && m.owner.kind !== 'media' ? `${m.owner.name}'s ${own}` : own;
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
  return !!m.head && !headRoles(m.head);
}

/**
 * The role words a description's head noun can stand for: the table above, else the noun itself when it
 * names a role a person holds ("the mayor", "the chair", "the prosecutor").
 */
function headRoles(head: string): string[] | undefined {
  if (head in HEADS) return HEADS[head];
  return PERSON_ROLE_NOUNS.has(head) && !BODY_NOUNS.has(head) ? [head] : undefined;
}
