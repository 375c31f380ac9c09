// The reference pass: whom each description and pronoun means, each sentence's subject, and who each
// reporting verb credits. A description ("the US president", "the Kremlin leader", "the trade chief")
// means the most recently mentioned person whose roles fit its head noun and modifiers — roles from
// the text's own introductions and from the catalogue on the publication day. "He" means the subject of
// the sentence before it in the paragraph, else the last person credited with words. What the text does
// not settle stays unresolved: a gap is honest, a guess is a defect the reader sees. What descriptions
// and documents mean is in descriptions.ts; where clauses start and what their subjects are, in clauses.ts.
import type { Analysis, Entity, Mention, Sentence, Speaking } from './analysis-types';
import { clauseSubject, firstVerb } from './clauses';
import {
  ANONYMOUS_HEADS,
  anonymous,
  bodyEntity,
  DOCUMENTS,
  earlierBody,
  headRoles,
  isBody,
  personDescription,
  pluralDescription,
  RECENT_PARAGRAPHS,
  recentSpeaker,
  resolveDescription,
  type Seen,
  SPECIFIC_PARAGRAPHS,
  singular,
  UNKNOWN,
} from './descriptions';
import {
  BODY_NOUNS,
  countryFor,
  PERSON_PRONOUNS,
  PERSON_ROLE_NOUNS,
  RELAYING_VERBS,
  REPORTING_VERBS,
} from './lexicon';
import { addRole } from './names';
import { qualifyNationalBodies } from './national-bodies';

export function resolveReferences(a: Analysis): void {
  for (const s of a.sentences) noteGenderedAppositions(s);
  const seen: Seen[] = [];
  const bodies: Mention[] = [];
  const orgs: Entity[] = [];
  let lastSpeaker: { entity: Entity; paragraph: number } | undefined;
  /** The two sides the lead names as its subject ("India and China held …"), for their joint statement. */
  let sides: Entity | undefined;
  /** The people credited with words, latest last, whatever body spoke since ("the court ruled …"). */
  const personSpeakers: Array<{ entity: Entity; paragraph: number }> = [];
  let previous: Sentence | undefined;
  // Whose document "the statement", "the readout" or "the document" is: the body that spoke "in a
  // statement" or owns it ("the Kremlin's readout"), else the document as the text named it ("a joint
  // communique").
  let issuer: { entity?: Entity; label?: string; paragraph: number } | undefined;
  /** The sentence in which the last issuer spoke through a document ("… in a statement."). */
  let issuedIn = -1;
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
    const previousPeople =
      previous &&
      (previous.paragraph === s.paragraph || narrativeClose) &&
      previousSubject?.entity?.kind !== 'person'
        ? new Set(
            previous.mentions
              .filter(
                (m) => !m.inQuote && m.entity?.kind === 'person' && !m.entity.reporter && !m.entity.partial,
              )
              .map((m) => m.entity!),
          )
        : new Set<Entity>();
    s.context = {
      ...(sides ? { sides } : {}),
      ...(previousSubject?.entity ? { previousSubject: previousSubject.entity } : {}),
      ...(previousPeople.size === 1 ? { previousPerson: [...previousPeople][0]! } : {}),
      // "The acting premier was more guarded. '…,' he said": he is that premier, known or not.
      // (Not "leaders used an emergency basis": many people are never "he".)
      ...(previousSubject &&
      !previousSubject.entity &&
      personDescription(previousSubject) &&
      !pluralDescription(previousSubject)
        ? { previousSubjectUnknown: true }
        : {}),
      ...(lastSpeaker && s.paragraph - lastSpeaker.paragraph <= 3 ? { lastSpeaker } : {}),
      personSpeakers: personSpeakers.filter((x) => s.paragraph - x.paragraph <= 3).map((x) => x.entity),
    };
    for (const m of s.mentions) {
      if (m.inQuote) continue;
      if (m.kind === 'name' && m.entity?.kind === 'person') inheritCounterpartRole(s, m);
      if (m.kind === 'description' && m.ownerPronoun && !m.owner) {
        // "Meloni said … and her office said": someone the sentence itself named first, then the one the
        // sentence before was about; never someone the text calls by the other pronoun.
        const word = /^his\b/i.test(m.text) ? 'he' : 'she';
        const earlier = s.mentions
          .filter((x) => x.to <= m.from && !x.inQuote && x.entity?.kind === 'person' && !x.entity.reporter)
          .map((x) => x.entity);
        const owner = [...earlier, s.context.previousSubject, s.context.lastSpeaker?.entity].find(
          (x) => x?.kind === 'person' && (PRONOUNS_OF.get(x) ?? word) === word,
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
          // "a brief joint statement" is "joint statement": how long or how written says nothing of whose.
          const label = m.text
            .replace(/^(?:the|a|an)\s+/i, '')
            .replace(
              /^(?:(?:brief|short|terse|lengthy|long|written|separate|new|late|rare|detailed|formal)\s+)+/i,
              '',
            );
          // "the joint statement" of the two sides the lead named: theirs ("India and China (joint statement)").
          const whose =
            /\bjoint\b/i.test(label) && !of && s.context.sides
              ? `${s.context.sides.name} (${label})`
              : undefined;
          issuer = { label: whose ?? `${label}${of}`, paragraph: s.paragraph };
          if (whose && !m.indefinite) m.entity = { ...bodyEntity(m), name: whose };
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
      // "the guild's negotiating committee": whose it is, once the possessive before it is resolved.
      if (m.kind === 'description' && !m.owner) {
        const possessor = s.mentions.find((x) => x.to === m.from && x.possessive && x.kind === 'description');
        if (possessor?.entity && possessor.entity.kind !== 'media' && !possessor.entity.reporter)
          m.owner = possessor.entity;
      }
      if (m.kind === 'description' && !m.entity && !m.indefinite) {
        // "The party said that the Freedom party had …": a body the sentence goes on to name is another.
        const rest = s.text.slice(s.tokens[m.to - 1]!.end);
        const named = (name: string) =>
          rest.toLowerCase().includes(name.replace(/^the\s+/i, '').toLowerCase());
        const others = orgs.filter((o) => !named(o.name));
        const otherBodies = bodies.filter((b) => !named(b.entity?.name ?? bodyEntity(b).name));
        const e = isBody(m)
          ? (earlierBody(m, otherBodies, others, s.context.previousSubject) ?? officeOfRole(a, m, seen, s))
          : (resolveDescription(
              a,
              m,
              seen,
              s.paragraph,
              s.context.lastSpeaker?.entity,
              s.context.previousSubject,
            ) ??
            officeOfRole(a, m, seen, s) ??
            recentSpeaker(m, s) ??
            subjectBefore(s, m));
        // "The BRN delegation was led by … the movement said": a word for any body means the body that
        // named the delegation the sentence before was about.
        const owning =
          isBody(m) && (!e || e === UNKNOWN) && /^(?:group|movement|organi[sz]ation|body)$/.test(m.head ?? '')
            ? delegationBody(previous, others)
            : undefined;
        if (owning) m.entity = owning;
        else if (e) m.entity = e;
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
      // "Iran's representative said": an office of a country the text names nobody in is a source of its own.
      if (
        m.kind === 'description' &&
        !m.entity &&
        m.owner?.kind === 'place' &&
        m.head &&
        PERSON_ROLE_NOUNS.has(m.head) &&
        s.tokens[m.from - 1]?.possessive
      ) {
        m.entity = { ...anonymous(m), name: `${m.owner.name}'s ${m.text}` };
      }
      // "The prime minister's official spokesman told reporters": a spokesperson of an office the text
      // names nobody in is a source of their own, labelled as the text describes them.
      if (
        m.kind === 'description' &&
        !m.entity &&
        !m.indefinite &&
        m.head &&
        /^(?:spokesperson|spokesman|spokeswoman)$/.test(m.head) &&
        s.tokens.slice(m.from, m.to - 1).some((t) => t.possessive && !/^(?:his|her|its|their)$/i.test(t.text))
      ) {
        m.entity = { ...anonymous(m), name: m.text.replace(/^the\s+/i, '') };
      }
      if (m.kind === 'description' && !m.entity && m.indefinite && m.head && ANONYMOUS_HEADS.has(m.head)) {
        // "A European diplomat involved in the talks": someone the text will call "the diplomat".
        const source = anonymous(m);
        m.entity = { ...source, name: listed(s, m, source.name) };
      }
      if (m.kind === 'description' && isBody(m)) bodies.push(m);
      if (m.kind === 'name' && m.entity?.kind === 'organisation') orgs.push(m.entity);
      if (m.entity && (m.entity.kind === 'person' || m.entity.kind === 'group')) {
        seen.push({ entity: m.entity, sentence: s.index, paragraph: s.paragraph, head: m.head });
      }
    }
    s.subject = clauseSubject(s, firstVerb(s) ?? s.tokens.length);
    // "India and China held another round …": the two sides, named together as the lead's subject.
    const together = s.subject?.entity;
    if (
      !sides &&
      s.index < 3 &&
      together?.kind === 'group' &&
      /^[^,]+ and [^,]+$/.test(together.name) &&
      !together.roles.includes('plural')
    )
      sides = together;
    if (s.subject?.kind === 'pronoun') resolvePronoun(s, s.subject);
    s.speakers = speakersIn(s);
    // "X announced the breakdown in a brief statement. '…,' it said.": "it" is that statement, so X's.
    for (const sp of s.speakers) {
      if (
        !sp.entity &&
        sp.subject?.kind === 'pronoun' &&
        /^it$/i.test(sp.subject.text) &&
        issuedIn === s.index - 1 &&
        issuer?.entity
      )
        sp.entity = issuer.entity;
    }
    // "In a statement, the Ministry of Finance said …": what "the statement" says later is the ministry's.
    if (SPEAKS_IN_DOCUMENT.test(unquoted(s))) {
      const through = s.speakers.find((sp) => sp.entity && sp.entity.kind !== 'media' && !sp.entity.reporter);
      if (through?.entity) {
        issuer = { entity: through.entity, paragraph: s.paragraph };
        issuedIn = s.index;
      }
    }
    for (const sp of s.speakers) {
      if (sp.entity && sp.entity.kind !== 'media') {
        lastSpeaker = { entity: sp.entity, paragraph: s.paragraph };
        if (sp.entity.kind === 'person' && !sp.entity.reporter && !sp.entity.partial)
          personSpeakers.push({ entity: sp.entity, paragraph: s.paragraph });
      }
      // "Ukraine's defence minister said …" about someone the text never names: a later "he" may be them,
      // so the speakers before are no longer a safe guess.
      else if (sp.subject && !sp.entity && personDescription(sp.subject)) {
        lastSpeaker = undefined;
        personSpeakers.length = 0;
      }
    }
    previous = s;
  }
  qualifyNationalBodies(a);
}

/**
 * The body whose name modifies the subject of the sentence before ("The BRN delegation", "the Hamas
 * negotiating team"): a name the text gave that body, matched whole or by its initials.
 */
function delegationBody(previous: Sentence | undefined, orgs: readonly Entity[]): Entity | undefined {
  const subject = previous?.subject;
  if (subject?.kind !== 'description' || !/^(?:delegation|team|side|negotiators?)$/.test(subject.head ?? ''))
    return undefined;
  const words = previous!.tokens.slice(subject.from, subject.to).filter((t) => /^\p{Lu}/u.test(t.text));
  for (const w of words) {
    const hit = [...new Set(orgs)].filter(
      (o) =>
        o.name.toLowerCase() === w.bare.toLowerCase() ||
        o.name
          .split(/\s+/)
          .filter((x) => /^\p{Lu}/u.test(x))
          .map((x) => x[0])
          .join('') === w.bare,
    );
    if (hit.length === 1) return hit[0];
  }
  return undefined;
}

/**
 * "Foreign Minister Nikos Dendias said … His Turkish counterpart Mevlut Cavusoglu said …": a counterpart
 * holds the same office on the other side, so "the minister" may mean them too. The office is the one
 * the person "his"/"her" means (the sentence before's subject or person, else the last speaker) holds,
 * without its country.
 */
function inheritCounterpartRole(s: Sentence, m: Mention): void {
  const before = s.tokens.slice(Math.max(0, m.from - 4), m.from).map((t) => t.text.toLowerCase());
  const at = before.lastIndexOf('counterpart');
  // "his counterpart", "his Turkish counterpart".
  if (at < 0 || !before.slice(Math.max(0, at - 2), at).some((w) => /^(?:his|her)$/.test(w))) return;
  const owner = [s.context.previousSubject, s.context.previousPerson, s.context.lastSpeaker?.entity].find(
    (x) => x?.kind === 'person',
  );
  if (!owner || owner === m.entity || owner.reporter) return;
  for (const role of owner.roles) {
    const office = role
      .split(/\s+/)
      .filter((w) => !countryFor(w))
      .join(' ');
    if (/\b(?:minister|president|secretary|premier|chancellor|envoy|ambassador|negotiator)\b/i.test(office))
      addRole(m.entity!, office);
  }
}

/** Role words for anyone in public life, whatever office the text gave them. */
const GENERIC_HEADS = new Set([
  'official',
  'politician',
  'leader',
  'campaigner',
  'activist',
  'figure',
  'veteran',
  'diplomat',
  'democrat',
  'republican',
]);

/**
 * "Mbonimpa, for his part, made no mention of it. '…,' the rebel official said": a role word credited
 * with words, right after a sentence of the same paragraph about one named person (whose country, if the
 * description gives one, agrees), is how reporters name that person again.
 */
function subjectBefore(s: Sentence, m: Mention): Entity | undefined {
  const e = s.context.previousSubject;
  if (e?.kind !== 'person' || e.reporter || e.partial || !/^the\s/i.test(m.text)) return undefined;
  const said = (t: Sentence['tokens'][number] | undefined) =>
    !!t && REPORTING_VERBS.has(t.text.toLowerCase()) && /VERB/.test(t.pos);
  if (!said(s.tokens[m.to]) && !said(s.tokens[m.from - 1])) return undefined;
  if (s.mentions.some((o) => o.from < m.from && !o.inQuote && o.entity?.kind === 'person' && o.entity !== e))
    return undefined;
  const countries = (m.modifiers ?? []).map((w) => countryFor(w)).filter((c): c is string => !!c);
  if (countries.some((c) => e.countries.length > 0 && !e.countries.includes(c))) return undefined;
  // A role the text gave them must not say otherwise: "the spokesman" is not the president before. A
  // former office ("the former Dutch prime minister") is one the text need not have given.
  const former = (m.modifiers ?? []).includes('former');
  if (e.roles.length > 0 && !GENERIC_HEADS.has(m.head ?? '') && !former) return undefined;
  return e;
}

/**
 * The pronoun the text has used for each person ("he" or "she"), from pronouns already resolved and from
 * "X said he …": a later "she" does not mean someone the text calls "he".
 */
const PRONOUNS_OF = new WeakMap<Entity, string>();

function notePronoun(e: Entity, word: string): void {
  if (!PRONOUNS_OF.has(e)) PRONOUNS_OF.set(e, word);
}

const FEMALE_NOUNS =
  /^(?:mother|wife|daughter|sister|grandmother|granddaughter|aunt|niece|widow|woman|girl|bride|fiancee|actress|chairwoman|spokeswoman|congresswoman|businesswoman|stepmother|mom|mum)$/i;
const MALE_NOUNS =
  /^(?:father|husband|son|brother|grandfather|grandson|uncle|nephew|widower|man|boy|groom|fiance|actor|chairman|spokesman|congressman|businessman|stepfather|dad)$/i;

/**
 * "His mother, Malphine Lee, 95, …", "Omar Lee, her brother, …": a name set beside a word that says
 * whether the person is a woman or a man tells which pronoun means them, before any "X said he …"
 * (where "he" may be someone else) is read.
 */
function noteGenderedAppositions(s: Sentence): void {
  const { tokens } = s;
  for (const m of s.mentions) {
    if (m.kind !== 'name' || m.entity?.kind !== 'person' || m.inQuote) continue;
    const before = tokens[m.from - 1]?.text === ',' ? tokens[m.from - 2]?.text : undefined;
    const after =
      tokens[m.to]?.text === ','
        ? [tokens[m.to + 1]?.text, tokens[m.to + 2]?.text].find(
            (w) => !!w && /^\p{L}/u.test(w) && !/^(?:his|her|their|the|a|an)$/i.test(w),
          )
        : undefined;
    for (const w of [before, after]) {
      if (!w) continue;
      if (FEMALE_NOUNS.test(w)) notePronoun(m.entity, 'she');
      else if (MALE_NOUNS.test(w)) notePronoun(m.entity, 'he');
    }
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
    // A name the text never completes ("Labour" read as someone's surname) is never who "he" means.
    e = [earlier, previousSubject, s.context.previousPerson, lastSpeaker?.entity].find(
      (x) =>
        (x?.kind === 'person' || (x?.kind === 'group' && !x.roles.includes('plural'))) &&
        !x.reporter &&
        !x.partial &&
        (!PERSON_PRONOUNS.has(word) || (PRONOUNS_OF.get(x) ?? word) === word),
    );
    // The last speaker is the weakest guess: "… since a call with Putin, after which he told reporters"
    // names someone else before the pronoun, so "he" is not sure to be whoever spoke last.
    if (
      e &&
      e === lastSpeaker?.entity &&
      ![earlier, previousSubject, s.context.previousPerson].includes(e) &&
      s.mentions.some(
        (x) =>
          x.from < m.from &&
          !x.inQuote &&
          x.entity?.kind === 'person' &&
          x.entity !== e &&
          !x.entity.reporter,
      )
    )
      return undefined;
    // "'…,' he added." after background paragraphs in which a court or a body "ruled" or "said": who
    // goes on speaking is the latest person who spoke whom the pronoun can mean, when no other person
    // was named since.
    const person = PERSON_PRONOUNS.has(word)
      ? (s.context.personSpeakers ?? []).findLast((x) => (PRONOUNS_OF.get(x) ?? word) === word)
      : undefined;
    const previous = s.context.previousPerson;
    if (
      !e &&
      person &&
      (!previous || previous === person || (PRONOUNS_OF.get(previous) ?? word) !== word) &&
      /^(?:added|continued|went on|insisted|stressed)\b/i.test(
        s.text.slice(s.tokens[m.to]?.start ?? s.text.length),
      ) &&
      !s.mentions.some(
        (x) => x.from < m.from && !x.inQuote && x.entity?.kind === 'person' && x.entity !== person,
      )
    )
      e = person;
    if (e?.kind === 'person' && PERSON_PRONOUNS.has(word)) notePronoun(e, word);
  } else if (word === 'it') {
    // "JLR, which paused shipments, said that it welcomed …": the body the sentence is about comes first.
    const subject = s.subject && s.subject !== m && s.subject.from < m.from ? s.subject : undefined;
    // "Ethiopia's government communication service said it saw …": a body the text describes but never
    // names is still what "it" means.
    const earlier =
      subject?.entity ??
      (subject?.kind === 'description' && isBody(subject) ? creditOf(s, subject).entity : undefined);
    e = [earlier, previousSubject, lastSpeaker?.entity].find((x) => x && x.kind === 'organisation');
    // "Couche-Tard said … '…,' it said": a name the text gave no role, which it calls "it", is a body.
    const nameless = lastSpeaker?.entity;
    if (!e && !earlier && nameless?.kind === 'person' && nameless.roles.length === 0 && !nameless.entry)
      e = nameless;
  } else if (word === 'they') {
    // "The mission chiefs were blunt. '…,' they said": the people the sentence before was about.
    e = [previousSubject].find((x) => x?.kind === 'group' && !x.reporter);
    // "A and B said …" then, a paragraph on, "'…,' they said": the two who just spoke.
    const pair = lastSpeaker?.entity;
    if (!e && pair?.kind === 'group' && / and /.test(pair.name) && s.paragraph - lastSpeaker!.paragraph <= 2)
      e = pair;
  }
  if (e) m.entity = e;
  return e;
}

/**
 * "the premier's office said", "the chancellor's spokesman said": the office of the person the role
 * means, named after them ("Ana Ruiz's office"), when the text makes clear who holds the role.
 */
function officeOfRole(a: Analysis, m: Mention, seen: readonly Seen[], s: Sentence) {
  const role = /^(?:the\s+)?((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)['’]s\s+\S/iu.exec(m.text)?.[1];
  if (!role) return undefined;
  const words = role.toLowerCase().split(/\s+/);
  const head = words.at(-1)!;
  const own = m.text.slice(m.text.search(/['’]s\s/u) + 3).trim();
  // "the guild's negotiating committee": the body the text named with that noun ("Writers Guild of America").
  // Only a body's own body ("committee", "team"): "the federation's chief executive" is a person, whom
  // the roles the text gave may name.
  const ownHead = m.head ?? '';
  if (
    BODY_NOUNS.has(head) &&
    !PERSON_ROLE_NOUNS.has(head) &&
    words.length === 1 &&
    BODY_NOUNS.has(ownHead) &&
    !PERSON_ROLE_NOUNS.has(ownHead)
  ) {
    const body = a.entities.findLast(
      (e) => e.kind === 'organisation' && new RegExp(`\\b${head}\\b`, 'i').test(e.name),
    );
    return body ? bodyEntity({ ...m, owner: body, text: own }) : undefined;
  }
  if (!PERSON_ROLE_NOUNS.has(head)) return undefined;
  const person = resolveDescription(
    a,
    { ...m, head, modifiers: words.slice(0, -1) },
    seen,
    s.paragraph,
    s.context.lastSpeaker?.entity,
    s.context.previousSubject,
  );
  if (person?.kind !== 'person' || person.partial) return undefined;
  return bodyEntity({ ...m, owner: person, text: own });
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
    // "eight Americans were believed to be among those held", "the deal is said to be close": a passive
    // reporting verb credits nobody with words.
    if (
      /^(?:believed|thought|said|reported|understood|considered|expected|felt|regarded)$/i.test(t.text) &&
      /^(?:is|are|was|were|be|been|being)$/i.test(s.tokens[i - 1]?.text ?? '') &&
      /^(?:to|that)$/i.test(s.tokens[i + 1]?.text ?? '')
    )
      return;
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
    // '"…," his spokesman quoted him as saying': the one quoted speaks, not the one quoting.
    const quotedAs = (k: number) =>
      /^\s*as\s+(?:saying|telling|having said)\b/i.test(s.text.slice(s.tokens[k]?.start ?? s.text.length));
    if (/^(?:quoted|quotes|quoting)$/i.test(t.text)) {
      const object = s.mentions.find((m) => m.from === i + 1 && !m.inQuote && !m.possessive);
      if (object && quotedAs(object.to)) {
        out.push({ verb: i, subject: object, ...creditOf(s, object) });
        return;
      }
      // "quoted him as saying": him is the one the sentence before was about.
      if (/^(?:him|her)$/i.test(s.tokens[i + 1]?.text ?? '') && quotedAs(i + 2)) {
        const e = [s.context.previousSubject, s.context.previousPerson].find(
          (x) => x?.kind === 'person' && !x.partial,
        );
        const him: Mention = {
          sentence: s.index,
          from: i + 1,
          to: i + 2,
          text: s.tokens[i + 1]!.text,
          kind: 'pronoun',
          possessive: false,
          modifier: false,
          inQuote: false,
          ...(e ? { entity: e } : {}),
        };
        out.push({ verb: i, subject: him, ...(e ? { entity: e } : {}) });
        return;
      }
    }
    // The "saying" of "quoted him as saying" is the quoting verb's, already credited.
    if (
      /^(?:saying|telling)$/i.test(t.text) &&
      /^as$/i.test(s.tokens[i - 1]?.text ?? '') &&
      s.tokens.slice(Math.max(0, i - 6), i).some((x) => /^(?:quoted|quotes|quoting)$/i.test(x.text))
    )
      return;
    // "…, adding that several officers were hurt", "he struck a new note, telling members that …": a
    // participle after a comma goes on with the clause before it; who it tells of is never the speaker.
    const participle = /^\p{Ll}+ing$/u.test(t.text) && s.tokens[i - 1]?.text === ',';
    if (participle) {
      const main = out.at(-1);
      let finite = i - 2;
      while (
        finite >= 0 &&
        (s.quoted[finite] || s.tokens[finite]!.pos !== 'VERB' || /ing$/.test(s.tokens[finite]!.text))
      )
        finite--;
      const subject = main?.subject ?? (finite >= 0 ? clauseSubject(s, finite) : undefined);
      if (main) out.push({ ...main, verb: i });
      else if (subject) out.push({ verb: i, subject, ...creditOf(s, subject) });
      else out.push({ verb: i });
      return;
    }
    // '"…," said Inger Andersen': the speaker comes after the verb.
    const inverted = /^[,”"]$/.test(s.tokens[i - 1]?.text ?? '') ? phraseHead(s, i + 1) : undefined;
    // "Asked about the deadline, the minister said …" / "… declined to go into detail": the one asked
    // is the one who answers.
    const asked = i === 0 && /^(?:asked|pressed|questioned)$/i.test(t.text) ? s.subject : undefined;
    const subject = jointSpeakers(s, clauseSubject(s, i) ?? inverted ?? asked, i);
    // "Reuters reported": an outlet relays; "Zelensky later reported that …": a person who speaks.
    const credit = subject ? creditOf(s, subject) : {};
    if (
      RELAYING_VERBS.has(t.text.toLowerCase()) &&
      // A person the text gave a role: a name read only off "reported" may be a paper's ("the Daily Courier").
      !(
        credit.entity?.kind === 'person' &&
        !credit.entity.reporter &&
        !credit.entity.partial &&
        (credit.entity.roles.length > 0 || credit.entity.entry)
      )
    ) {
      out.push({ verb: i, ...(subject ? { subject } : {}) });
      return;
    }
    out.push({ verb: i, ...(subject ? { subject, ...credit } : {}) });
    // "Sikorski said he hoped …": the pronoun right after a person's reporting verb is theirs.
    const after = s.tokens[i + 1]?.text.toLowerCase() === 'that' ? i + 2 : i + 1;
    const word = s.tokens[after]?.text.toLowerCase() ?? '';
    if (credit.entity?.kind === 'person' && PERSON_PRONOUNS.has(word) && !s.quoted[after])
      notePronoun(credit.entity, word);
    // "Boeing said in a brief statement that it remained …": a one-word name the text never completes,
    // which speaks of itself as "it", is a company or a body, not someone's surname.
    const e = credit.entity;
    if (e?.kind === 'person' && e.partial && !e.entry && !/\s/.test(e.name) && subject?.kind === 'name') {
      const it = s.tokens.findIndex(
        (x, k) =>
          k > i &&
          k <= i + 8 &&
          !s.quoted[k] &&
          /^it$/i.test(x.text) &&
          (k === i + 1 || /^that$/i.test(s.tokens[k - 1]!.text)) &&
          // Not "said it was too early": an "it" before a form of "be" is nobody.
          !/^(?:is|was|'s|’s|would|will|could|might|may|seemed|seems)$/i.test(s.tokens[k + 1]?.text ?? ''),
      );
      const between = it > 0 ? s.tokens.slice(i + 1, it) : [];
      if (it > 0 && !between.some((x) => x.pos === 'PROPN' || /^(?:he|she|they)$/i.test(x.text))) {
        e.kind = 'organisation';
        e.partial = false;
      }
    }
  });
  // "Moss thanked his supporters in a statement", "The ministry issued a statement": the clause speaks
  // through a statement, post or address without a reporting verb; its subject is the one speaking.
  const verb = out.length === 0 && SPOKEN_THROUGH.test(unquoted(s)) ? firstVerb(s) : undefined;
  if (verb !== undefined && s.subject) out.push({ verb, subject: s.subject, ...creditOf(s, s.subject) });
  return out;
}

const SPEAKS_IN_DOCUMENT =
  /\b(?:(?:in|through) (?:a|an|the|its|his|her|their) (?:[\w-]+ ){0,2}(?:statement|readout|communiqu[eé]|letter|declaration)|(?:issued|released|published) (?:a|an|its) (?:[\w-]+ ){0,2}(?:statement|readout|communiqu[eé]))\b/i;

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
  while (k < s.tokens.length && k - from < 10) {
    const m = s.mentions.find((x) => x.from === k);
    if (m && !m.possessive && !m.modifier) return m;
    const t = s.tokens[k]!;
    if (m) k = m.to;
    else if (
      /^(?:NOUN|ADJ|PROPN|DET|NUM)$/.test(t.pos) ||
      t.possessive ||
      /^(?:acting|interim|outgoing|incoming|caretaker|serving)$/i.test(t.text)
    )
      k++;
    // "said acting Minister of the Presidency Félix Bolaños": "of" inside a capitalised title.
    else if (
      /^(?:of|for)$/i.test(t.text) &&
      s.tokens[k - 1]?.capitalised &&
      (s.tokens[k + 1]?.capitalised || /^the$/i.test(s.tokens[k + 1]?.text ?? ''))
    )
      k++;
    else return undefined;
  }
  return undefined;
}

/**
 * "Minister Ruth Adeyemi and Minister Paulo Reis said in a joint statement": two named people speaking
 * together are credited together.
 */
function jointSpeakers(s: Sentence, subject: Mention | undefined, verb: number): Mention | undefined {
  // "the US government and the Office of the UN coordinator said in a joint statement": bodies a
  // description names speak together too, when the text says the statement is joint.
  const joint = /\b(?:joint|jointly)\b/i.test(unquoted(s));
  const entityOf = (m: Mention) =>
    m.entity ?? (joint && m.kind === 'description' ? creditOf(s, m).entity : undefined);
  const a = subject && entityOf(subject);
  const speaks = (e: Entity | undefined) =>
    (e?.kind === 'person' || e?.kind === 'organisation') && !e.partial;
  const named = (m: Mention) => m.kind === 'name' || (joint && m.kind === 'description' && !m.indefinite);
  if (!subject || !named(subject) || !a || !speaks(a)) return subject;
  if (s.tokens[subject.to]?.text !== 'and') return subject;
  const other = s.mentions.find(
    (m) =>
      m.from > subject.to &&
      m.to <= verb &&
      named(m) &&
      speaks(entityOf(m)) &&
      s.tokens.slice(subject.to + 1, m.from).every(
        (t, k) =>
          t.capitalised ||
          PERSON_ROLE_NOUNS.has(t.bare.toLowerCase()) ||
          // "publisher Almar Latour and editor-in-chief Emma Tucker said"
          t.bare
            .toLowerCase()
            .split('-')
            .some((part) => PERSON_ROLE_NOUNS.has(part)) ||
          // "the Union and the Employers' Alliance": a body's article.
          (k === 0 && a.kind === 'organisation' && t.text.toLowerCase() === 'the'),
      ),
  );
  const b = other && entityOf(other);
  if (!other || !b || b === a) return subject;
  // "A and B, the co-chairs of the committee, said": what the two are, between commas, then the verb.
  let after = other.to;
  if (s.tokens[after]?.text === ',') {
    const close = s.tokens.findIndex((t, n) => n > after && t.text === ',');
    const aside = close > after && close - after <= 12 ? s.tokens.slice(after + 1, close) : [];
    const isRole = (w: string) => PERSON_ROLE_NOUNS.has(w) || PERSON_ROLE_NOUNS.has(w.replace(/s$/, ''));
    if (aside.some((t) => isRole(t.bare.toLowerCase()))) after = close + 1;
  }
  // "… the International Committee of the Red Cross (ICRC) said": an acronym in brackets.
  if (s.tokens[after]?.text === '(' && s.tokens[after + 2]?.text === ')') after += 3;
  if (!s.tokens.slice(after, verb).every((t) => /^(?:ADV|AUX)$/.test(t.pos))) return subject;
  const name = `${a.name} and ${b.name}`;
  const together: Entity = { ...a, id: -1, name, kind: 'group', roles: [] };
  delete together.entry;
  return { ...subject, to: other.to, text: name, entity: together };
}

const NUMBER_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * "leaders including Britain's Keir Starmer, France's Emmanuel Macron and Germany's Friedrich Merz",
 * "leaders from France, Germany, Italy, Spain and Norway": people described by the list that follows are
 * labelled with it ("leaders including Keir Starmer, Emmanuel Macron and Friedrich Merz", "leaders from
 * France, Germany and three other countries"), not by its first item or by the bare noun.
 */
function listed(s: Sentence, m: Mention, name: string): string {
  const { tokens } = s;
  const including = tokens[m.to]?.text.toLowerCase() === 'including';
  const from = /\bfrom\s+\S.*$/i.exec(name);
  // "European leaders including …" already says who they are; a bare "leaders" does not.
  if (including && /\s/.test(name.trim())) return name;
  if (!including && !(from && tokens[m.to]?.text === ',')) return name;
  const items: string[] = [];
  if (!including) {
    const first = s.mentions.find((x) => x.to === m.to && x.entity?.kind === 'place');
    if (!first) return name;
    items.push(first.entity!.name);
  }
  let k = m.to + (including ? 1 : 0);
  for (;;) {
    const sep = tokens[k]?.text.toLowerCase();
    if (items.length > 0 && sep !== ',' && sep !== 'and') break;
    if (items.length > 0) k += tokens[k + 1]?.text.toLowerCase() === 'and' ? 2 : 1;
    if (tokens[k]?.text.toLowerCase() === 'the') k++;
    // "Britain's Keir Starmer": the person, not the country that owns the title.
    let item = s.mentions.find((x) => x.from === k && x.entity && !x.inQuote);
    if (item?.possessive) {
      const owned = s.mentions.find((x) => x.from === item!.to && x.entity?.kind === 'person');
      item = owned;
    }
    const kind = item?.entity?.kind;
    if (!item || (including ? kind !== 'person' && kind !== 'place' : kind !== 'place')) break;
    items.push(item.entity!.name);
    k = item.to;
    if (sep === 'and' && items.length > 1) break;
  }
  if (items.length < 2) return name;
  const head = including ? `${name} including` : name.slice(0, from!.index + 4).trimEnd();
  if (items.length <= 3) return `${head} ${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  const others = items.length - 2;
  const what = including ? 'others' : 'other countries';
  return `${head} ${items[0]}, ${items[1]} and ${NUMBER_WORDS[others] ?? others} ${what}`;
}

/** The entity a subject mention credits: resolved people and bodies; never an outlet or a reporter. */
export function creditOf(s: Sentence, m: Mention): { entity?: Entity } {
  const e = m.kind === 'pronoun' ? resolvePronoun(s, m) : m.entity;
  if (e) return e.kind === 'media' || e.reporter ? {} : { entity: e };
  // "the two sides said", "both parties said": nobody in particular, unless their joint statement speaks.
  if (m.kind === 'description' && /^(?:sides?|parties)$/.test(m.head ?? '')) {
    if (!/\bjoint statement\b/i.test(s.text)) return {};
    const sides = s.context.sides;
    return {
      entity: { ...bodyEntity(m), name: sides ? `${sides.name} (joint statement)` : 'joint statement' },
    };
  }
  if (m.kind === 'description' && m.indefinite) {
    // "a Russian source", "U.S. officials": the text names nobody, so the description is the credit.
    const name = listed(s, m, m.text.replace(/^(?:a|an|the|some|several|one)\s+/i, ''));
    // "Ministers will resume …": many people, whom a later "he" never means.
    const plural = pluralDescription(m);
    return {
      entity: {
        id: -1,
        name,
        kind: 'group',
        roles: plural ? ['plural'] : [],
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
  // "the statement said" with no one's statement named: the text leaves the issuer open.
  if (
    m.kind === 'description' &&
    m.head &&
    DOCUMENTS.has(m.head) &&
    !m.owner &&
    (m.modifiers ?? []).length === 0
  )
    return {};
  if (m.kind === 'description' && isBody(m)) return { entity: bodyEntity(m) };
  return {};
}
