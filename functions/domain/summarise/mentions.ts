// The mention layer: who and what each sentence names. People come from the catalogue (every spelling)
// and from the text itself — a capitalised name after a title ("Vice Commerce Minister Li Chenggang"),
// after a role noun ("his Congolese counterpart Therese Kayikwamba Wagner"), beside a description
// ("Chen Wei, the lead trade negotiator,") or next to a reporting verb ("said Chen Wei"). Descriptions
// ("the US president", "a Russian source", "the joint statement") and pronouns are mentions too; the
// reference pass (coref.ts) decides whom they mean. Places, bodies and outlets are told apart by
// their last word and the lexicon, so "Truth Social" or "Zaryadye Park" never becomes a person.
import type { Analysis, Entity, EntityKind, Mention, Sentence } from './analysis';
import { type ActorEntry, rolesAt } from './catalogue';
import {
  ALL_PRONOUNS,
  BODY_NOUNS,
  countriesIn,
  isPlace,
  NON_PERSON_TAILS,
  NOT_NAME_WORDS,
  PERSON_ROLE_NOUNS,
  REPORTER_NOUNS,
  REPORTING_VERBS,
  TITLE_WORDS,
} from './lexicon';
import type { Token } from './tokens';

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'this',
  'that',
  'both',
  'neither',
]);
const INDEFINITE = new Set(['a', 'an', 'unnamed', 'anonymous', 'one', 'some', 'several', 'two', 'three']);
const NAME_JOINERS = new Set([
  'bin',
  'ibn',
  'al',
  'de',
  'da',
  'van',
  'von',
  'der',
  'del',
  'la',
  'le',
  'el',
  'di',
]);

export function findMentions(analysis: Analysis): void {
  const registry = new Registry(analysis);
  for (const sentence of analysis.sentences) {
    if (sentence.oversize) continue;
    sentence.mentions = mentionsIn(sentence, analysis, registry);
  }
  promoteByUse(analysis, registry);
  // A surname on its own ("Rubio said") means the person the text introduced in full, wherever that was.
  for (const sentence of analysis.sentences) {
    for (const m of sentence.mentions) {
      if (m.kind === 'name' && m.entity?.partial) {
        const full = registry.bySurname(m.entity.name);
        if (full) m.entity = full;
      }
    }
  }
  analysis.entities = registry.all();
}

/**
 * Evidence from the rest of the report: "Donald Trump" in "the big Donald Trump surprise" is a person
 * because "Trump had claimed credit" uses the surname as a subject; and once a person is known, a
 * surname on its own anywhere ("Trump, who …") is a mention of them. A single capitalised word that acts
 * as a subject but completes no known name is a partial name: resolvable as "he", never shown.
 */
function promoteByUse(analysis: Analysis, registry: Registry): void {
  const free = (s: Sentence, i: number) => !s.mentions.some((m) => m.from <= i && i < m.to);
  const actsAsSubject = (s: Sentence, i: number) => {
    const next = s.tokens[i + 1];
    const after = next?.pos === 'ADV' ? s.tokens[i + 2] : next;
    return !!after && /^(?:VERB|AUX)$/.test(after.pos) && !/ing$/.test(after.text);
  };
  const subjectWords = new Set<string>();
  for (const s of analysis.sentences) {
    s.tokens.forEach((t, i) => {
      if (t.capitalised && free(s, i) && actsAsSubject(s, i) && !s.quoted[i]) subjectWords.add(t.bare);
    });
  }
  for (const p of registry.pending) {
    const s = analysis.sentences[p.sentence]!;
    const parts = p.name.split(/\s+/);
    if (parts.length < 2 || !subjectWords.has(parts.at(-1)!) || !free(s, p.from)) continue;
    const entity = registry.person(p.name);
    s.mentions.push(mention(s, p.from, p.to, entity));
    s.mentions.sort((x, y) => x.from - y.from);
  }
  for (const s of analysis.sentences) {
    let added = false;
    s.tokens.forEach((t, i) => {
      if (
        !t.capitalised ||
        !free(s, i) ||
        !/^\p{L}/u.test(t.text) ||
        NOT_NAME_WORDS.has(t.bare.toLowerCase())
      )
        return;
      if (isPlace(t.bare) || NON_PERSON_TAILS.has(t.bare.toLowerCase()) || t.text.length < 2) return;
      const known = registry.bySurname(t.bare);
      const entity =
        known ?? (actsAsSubject(s, i) && (i > 0 || t.pos === 'PROPN') ? registry.person(t.bare) : undefined);
      if (!entity) return;
      s.mentions.push(mention(s, i, i + 1, entity));
      added = true;
    });
    if (added) {
      s.mentions.sort((x, y) => x.from - y.from);
      markModifiers(s.mentions, s.tokens);
    }
  }
}

function mention(s: Sentence, from: number, to: number, entity: Entity): Mention {
  return {
    sentence: s.index,
    from,
    to,
    text: s.text.slice(s.tokens[from]!.start, s.tokens[to - 1]!.end),
    kind: 'name',
    entity,
    possessive: s.tokens[to - 1]!.possessive,
    modifier: false,
    inQuote: s.quoted[from] ?? false,
  };
}

/** The document's entities: catalogue entries and people the text introduces, one object each. */
class Registry {
  /** Capitalised runs that may be names but had no evidence in their own sentence. */
  readonly pending: Array<{ sentence: number; from: number; to: number; name: string }> = [];
  private readonly byKey = new Map<string, Entity>();
  private readonly surnames = new Map<string, Entity | null>();

  constructor(private readonly analysis: Analysis) {}

  all(): Entity[] {
    return [...new Set(this.byKey.values())];
  }

  fromCatalogue(entry: ActorEntry): Entity {
    const key = `cat:${entry.name}`;
    let e = this.byKey.get(key);
    if (!e) {
      const kind: EntityKind = entry.kind ?? 'person';
      e = {
        id: this.byKey.size,
        name: entry.name,
        kind,
        roles: rolesAt(entry, this.analysis.day),
        side: entry.side,
        countries: entry.country ? [entry.country] : [],
        entry,
        reporter: kind === 'media',
        partial: false,
      };
      this.byKey.set(key, e);
      this.noteSurname(e);
    }
    return e;
  }

  person(name: string): Entity {
    const key = `txt:${name}`;
    let e = this.byKey.get(key);
    if (!e) {
      const parts = name.split(/\s+/);
      e = {
        id: this.byKey.size,
        name,
        kind: 'person',
        roles: [],
        side: null,
        countries: [],
        reporter: false,
        partial: parts.length < 2,
      };
      this.byKey.set(key, e);
      this.noteSurname(e);
    }
    return e;
  }

  other(name: string, kind: EntityKind): Entity {
    const key = `${kind}:${name}`;
    let e = this.byKey.get(key);
    if (!e) {
      e = {
        id: this.byKey.size,
        name,
        kind,
        roles: [],
        side: null,
        countries: countriesIn(name),
        reporter: kind === 'media',
        partial: false,
      };
      this.byKey.set(key, e);
    }
    return e;
  }

  /** The person introduced in full whose last name this is, when only one is. */
  bySurname(surname: string): Entity | undefined {
    return this.surnames.get(surname) ?? undefined;
  }

  private noteSurname(e: Entity): void {
    if (e.kind !== 'person') return;
    const parts = e.name.split(/\s+/);
    if (parts.length < 2) return;
    const last = parts.at(-1)!;
    const seen = this.surnames.get(last);
    if (seen === undefined) this.surnames.set(last, e);
    else if (seen !== e) this.surnames.set(last, null);
  }
}

function mentionsIn(sentence: Sentence, analysis: Analysis, registry: Registry): Mention[] {
  const { tokens } = sentence;
  const mentions: Mention[] = [];
  const taken = new Array<boolean>(tokens.length).fill(false);
  const add = (m: Mention) => {
    for (let i = m.from; i < m.to; i++) taken[i] = true;
    mentions.push(m);
  };
  const base = (from: number, to: number) => ({
    sentence: sentence.index,
    from,
    to,
    text: sentence.text.slice(tokens[from]!.start, tokens[to - 1]!.end),
    possessive: tokens[to - 1]!.possessive,
    modifier: false,
    inQuote: sentence.quoted[from] ?? false,
  });

  // 1. The catalogue's spellings.
  for (const hit of analysis.actors.find(sentence.text)) {
    const from = tokens.findIndex((t) => t.start >= hit.index);
    let to = from;
    while (to < tokens.length && tokens[to]!.end <= hit.end + 2 && tokens[to]!.start < hit.end) to++;
    if (from < 0 || to <= from || taken.slice(from, to).some(Boolean)) continue;
    const entity = registry.fromCatalogue(hit.actor);
    const m: Mention = { ...base(from, to), kind: 'name', entity };
    const role = titleBefore(tokens, from);
    if (role && entity.kind === 'person') addRole(entity, role);
    add(m);
  }

  // 2. Capitalised runs the catalogue does not know.
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || !startsName(tokens, i)) continue;
    let j = i;
    while (j < tokens.length && !taken[j] && continuesName(tokens, j, i)) {
      j++;
      if (tokens[j - 1]!.possessive) break;
    }
    if (j === i) continue;
    // A title belongs to the name after it: "US Secretary of State" is not a description of its own.
    if (classifyRun(sentence, i, j, registry, add, base)) for (let k = i; k < j; k++) taken[k] = true;
    i = j - 1;
  }

  // 3. Descriptions ("the US president", "a Russian source") and 4. pronouns.
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const t = tokens[i]!;
    const lower = t.bare.toLowerCase();
    if (t.pos === 'PRON' && ALL_PRONOUNS.has(lower)) {
      add({ ...base(i, i + 1), kind: 'pronoun' });
      continue;
    }
    const singular = lower.replace(/(?<=[a-z]{3})s$/, '');
    const isRole = PERSON_ROLE_NOUNS.has(lower) || PERSON_ROLE_NOUNS.has(singular);
    const isBody = BODY_NOUNS.has(lower) || BODY_NOUNS.has(singular);
    if (!isRole && !isBody) continue;
    // A role written before a name is a title ("US special envoy Steve Witkoff"), not a description.
    if (tokens[i + 1]?.capitalised && (taken[i + 1] || (t.capitalised && i > 0))) continue;
    if (tokens[i + 1] && /^(?:NOUN|PROPN)$/.test(tokens[i + 1]!.pos) && !tokens[i + 1]!.capitalised) continue;
    let from = i;
    for (;;) {
      if (from === 0) break;
      if (!taken[from - 1] && isModifier(tokens[from - 1]!)) {
        from--;
        continue;
      }
      // "the White House readout", "an unnamed Kremlin official": a body or place named before the noun.
      const named = mentions.find((m) => m.to === from && m.kind === 'name' && m.entity?.kind !== 'person');
      if (!named || named.possessive) break;
      mentions.splice(mentions.indexOf(named), 1);
      from = named.from;
    }
    const det = tokens[from - 1];
    if (det && DETERMINERS.has(det.text.toLowerCase()) && !taken[from - 1]) from--;
    // "an unnamed White House official": the article may sit before an adjective.
    const words = tokens.slice(from, i + 1).map((w) => w.bare.toLowerCase());
    const plural = lower !== singular && !isBody;
    const owned = from > 0 && tokens[from - 1]!.possessive;
    add({
      ...base(from, i + 1),
      kind: 'description',
      head: singular,
      modifiers: words.slice(0, -1).filter((w) => !DETERMINERS.has(w)),
      indefinite:
        plural || words.some((w) => INDEFINITE.has(w)) || (!DETERMINERS.has(words[0] ?? '') && !owned),
    });
  }

  mentions.sort((a, b) => a.from - b.from);
  markModifiers(mentions, tokens);
  linkAppositions(mentions, tokens);
  return mentions;
}

/** A capitalised word that can open a name (not "The", "After", a month or a weekday). */
function startsName(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!t.capitalised || !/^\p{L}/u.test(t.text)) return false;
  const lower = t.bare.toLowerCase();
  // "Officials said", "Negotiators met": a role noun opening a sentence is not a name.
  const singular = lower.replace(/(?<=[a-z]{3})s$/, '');
  if (!tokens[i + 1]?.capitalised && (isRoleOrBody(lower) || isRoleOrBody(singular))) return false;
  if (NOT_NAME_WORDS.has(lower)) {
    // "He Lifeng" after a title: a name that looks like a pronoun.
    const prev = tokens[i - 1];
    return (
      lower === 'he' && !!prev && TITLE_WORDS.has(prev.bare.toLowerCase()) && !!tokens[i + 1]?.capitalised
    );
  }
  return true;
}

function isRoleOrBody(word: string): boolean {
  return PERSON_ROLE_NOUNS.has(word) || BODY_NOUNS.has(word);
}

function continuesName(tokens: Token[], j: number, start: number): boolean {
  const t = tokens[j]!;
  if (j === start) return true;
  if (t.capitalised && /^\p{L}/u.test(t.text)) {
    const lower = t.bare.toLowerCase();
    return (
      !NOT_NAME_WORDS.has(lower) || (lower === 'he' && TITLE_WORDS.has(tokens[j - 1]!.bare.toLowerCase()))
    );
  }
  // "Secretary of State", "Mohammed bin Salman": lower-case joiners between capitalised words.
  const lower = t.text.toLowerCase();
  const next = tokens[j + 1];
  return (lower === 'of' || NAME_JOINERS.has(lower)) && !!next?.capitalised && !tokens[j - 1]!.possessive;
}

type Base = (from: number, to: number) => Omit<Mention, 'kind'>;

/** Decide what a capitalised run is: a title and a person's name, a body, a place, or nothing we need. */
function classifyRun(
  sentence: Sentence,
  i: number,
  j: number,
  registry: Registry,
  add: (m: Mention) => void,
  base: Base,
): boolean {
  const { tokens } = sentence;
  const run = tokens.slice(i, j);
  const lowerWords = run.map((t) => t.bare.toLowerCase());
  const last = lowerWords.at(-1)!;
  const text = sentence.text.slice(run[0]!.start, run.at(-1)!.end).replace(/['’]s$/, '');
  if (
    NON_PERSON_TAILS.has(last) ||
    (run.length === 1 && /^\p{Lu}{2,}$/u.test(run[0]!.bare) && isPlace(text))
  ) {
    const kind: EntityKind = isPlace(text) ? 'place' : 'organisation';
    add({ ...base(i, j), kind: 'name', entity: registry.other(text, kind) });
    return true;
  }
  // Title words first, then the name: split where the titles end.
  let split = 0;
  for (let k = 0; k < run.length; k++) {
    const w = lowerWords[k]!.replace(/\.$/, '');
    if (TITLE_WORDS.has(w) || countriesIn(run[k]!.bare).length > 0 || run[k]!.possessive || w === 'of') {
      split = k + 1;
    }
  }
  // A possessive inside the title ("Rwanda's Foreign Minister") keeps the split after the last title word.
  const nameTokens = run.slice(split);
  if (nameTokens.length === 0) {
    if (!isPlace(text)) return false;
    add({ ...base(i, j), kind: 'name', entity: registry.other(text, 'place') });
    return true;
  }
  const name = sentence.text.slice(nameTokens[0]!.start, nameTokens.at(-1)!.end).replace(/['’]s$/, '');
  if (isPlace(name) || nameTokens.some((t) => /^\d/.test(t.text))) {
    add({ ...base(i + split, j), kind: 'name', entity: registry.other(name, 'place') });
    return true;
  }
  const title = split > 0 ? sentence.text.slice(run[0]!.start, run[split - 1]!.end) : '';
  const roleBefore = title || lowerRoleBefore(tokens, i);
  const evidence =
    roleBefore !== '' ||
    appositionAfter(sentence, j) !== undefined ||
    nextToReportingVerb(tokens, i + split, j) ||
    /according to$/i.test(sentence.text.slice(0, run[0]!.start).trim());
  // "in Valletta", "at Sochi": a capitalised word after a preposition of place that names no person.
  const prep = tokens[i - 1]?.text.toLowerCase();
  if (
    !evidence &&
    split === 0 &&
    (prep === 'in' || prep === 'at') &&
    nameTokens.length <= 3 &&
    !nameTokens.at(-1)!.possessive
  ) {
    add({ ...base(i, j), kind: 'name', entity: registry.other(name, 'place') });
    return true;
  }
  if (!evidence || nameTokens.length > 4) {
    registry.pending.push({ sentence: sentence.index, from: i + split, to: j, name });
    return false;
  }
  const entity = registry.person(name);
  if (roleBefore) addRole(entity, roleBefore);
  const apposition = appositionAfter(sentence, j);
  if (apposition) addRole(entity, apposition);
  if (entity.roles.some((r) => r.split(/\s+/).some((w) => REPORTER_NOUNS.has(w.toLowerCase())))) {
    entity.reporter = true;
  }
  add({ ...base(i + split, j), kind: 'name', entity });
  return true;
}

function addRole(entity: Entity, role: string): void {
  const clean = role.replace(/^(?:the|a|an)\s+/i, '').trim();
  if (clean && !entity.roles.includes(clean)) entity.roles.push(clean);
  for (const c of countriesIn(clean)) if (!entity.countries.includes(c)) entity.countries.push(c);
  if (clean.split(/\s+/).some((w) => REPORTER_NOUNS.has(w.toLowerCase()))) entity.reporter = true;
}

/** Title words written right before a catalogue name ("Top Kremlin aide" Yuri Ushakov). */
function titleBefore(tokens: Token[], i: number): string {
  let k = i;
  while (k > 0) {
    const t = tokens[k - 1]!;
    const lower = t.bare.toLowerCase();
    if (t.possessive || TITLE_WORDS.has(lower.replace(/\.$/, '')) || countriesIn(t.bare).length > 0) k--;
    else if (lower === 'of' && k >= 2 && TITLE_WORDS.has(tokens[k - 2]!.bare.toLowerCase())) k--;
    else break;
  }
  if (k === i) return lowerRoleBefore(tokens, i);
  const words = tokens.slice(k, i).map((t) => t.text);
  return words.some((w) => TITLE_WORDS.has(w.toLowerCase().replace(/['’]s$|\.$/g, '')))
    ? words.join(' ')
    : '';
}

/** "Kremlin foreign policy adviser" before a name: words back to a determiner, with a role noun. */
function lowerRoleBefore(tokens: Token[], i: number): string {
  let k = i;
  while (k > 0 && k > i - 6) {
    const t = tokens[k - 1]!;
    if (/^(?:NOUN|ADJ|PROPN)$/.test(t.pos) || t.possessive) k--;
    else break;
  }
  const words = tokens.slice(k, i);
  if (
    !words.some((t) => PERSON_ROLE_NOUNS.has(t.bare.toLowerCase()) || TITLE_WORDS.has(t.bare.toLowerCase()))
  ) {
    return '';
  }
  return words.map((t) => t.text).join(' ');
}

/** ", the lead trade negotiator," or ", commander of US European Command," after a name. */
function appositionAfter(sentence: Sentence, j: number): string | undefined {
  const { tokens } = sentence;
  if (tokens[j]?.text !== ',') return undefined;
  let k = j + 1;
  const start = k;
  while (k < tokens.length && tokens[k]!.text !== ',' && k - start < 12) {
    if (/^(?:VERB|AUX)$/.test(tokens[k]!.pos) && !/^(?:led|based)$/.test(tokens[k]!.text)) return undefined;
    k++;
  }
  const words = tokens.slice(start, k);
  if (words.length === 0 || words.length >= 12) return undefined;
  if (
    !words.some((t) => PERSON_ROLE_NOUNS.has(t.bare.toLowerCase()) || TITLE_WORDS.has(t.bare.toLowerCase()))
  ) {
    return undefined;
  }
  const first = words[0]!.text.toLowerCase();
  if (!['the', 'a', 'an'].includes(first) && !words[0]!.possessive && !TITLE_WORDS.has(first)) {
    if (!words.some((t) => t.possessive)) return undefined;
  }
  return sentence.text.slice(words[0]!.start, words.at(-1)!.end);
}

function nextToReportingVerb(tokens: Token[], from: number, to: number): boolean {
  const before = tokens[from - 1];
  const after = tokens[to];
  const afterNext = tokens[to + 1];
  return (
    (!!before && REPORTING_VERBS.has(before.text.toLowerCase())) ||
    (!!after && REPORTING_VERBS.has(after.text.toLowerCase()) && /VERB/.test(after.pos)) ||
    (!!after &&
      after.pos === 'ADV' &&
      !!afterNext &&
      REPORTING_VERBS.has(afterNext.text.toLowerCase()) &&
      /VERB/.test(afterNext.pos))
  );
}

function isModifier(t: Token): boolean {
  if (t.text === ',' || /^(?:VERB|AUX|ADP|CCONJ|SCONJ|PRON|PUNCT|DET)$/.test(t.pos)) {
    return t.possessive;
  }
  return /^(?:ADJ|NOUN|PROPN|NUM)$/.test(t.pos) || t.possessive || countriesIn(t.bare).length > 0;
}

/** A name or body directly before a noun or another name modifies it ("Kremlin aide", "Axios journalist"). */
function markModifiers(mentions: Mention[], tokens: Token[]): void {
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    if (m.kind !== 'name' || m.possessive) continue;
    const next = tokens[m.to];
    const nextMention = mentions[k + 1];
    if (nextMention && nextMention.from === m.to && nextMention.kind !== 'pronoun') m.modifier = true;
    else if (next && /^(?:NOUN)$/.test(next.pos) && !next.capitalised && !REPORTING_VERBS.has(next.text)) {
      m.modifier = true;
    }
  }
}

/**
 * "Kirill Dmitriev, Russian President Vladimir Putin's special envoy," and "the minister's
 * spokesperson, Anna Novak,": a name and a description set off by commas mean one person.
 */
function linkAppositions(mentions: Mention[], tokens: Token[]): void {
  const segmentEnd = (from: number) => {
    let k = from;
    while (k < tokens.length && !/^[,.;]$/.test(tokens[k]!.text) && !/^(?:VERB|AUX)$/.test(tokens[k]!.pos))
      k++;
    return k;
  };
  for (const a of mentions) {
    if (a.possessive || tokens[a.to]?.text !== ',') continue;
    const from = a.to + 1;
    const to = segmentEnd(from);
    const closed = to >= tokens.length || tokens[to]!.text === ',' || tokens[to]!.text === '.';
    if (!closed || to - from > 12) continue;
    const inside = mentions.filter((m) => m.from >= from && m.to <= to && !m.possessive);
    const b = inside.find((m) => m.kind !== a.kind) ?? inside[0];
    if (!b) continue;
    const name = a.kind === 'name' ? a : b.kind === 'name' ? b : undefined;
    const description = a.kind === 'description' ? a : b.kind === 'description' ? b : undefined;
    const person = name?.entity;
    if (person?.kind !== 'person' || !description || description.entity) continue;
    description.entity = person;
    addRole(person, description.text);
  }
}
