// Capitalised runs of words, read as a title and a name ("Vice Commerce Minister Li Chenggang"), a body
// ("US European Command"), a place, or nothing a summary needs. A run is a person only with evidence in
// its sentence: a title or role before it, a description after it, a reporting verb beside it, or
// "according to" before it; other runs wait for evidence from the rest of the report.
import type { Entity, EntityKind, Mention, Sentence } from './analysis';
import {
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

/** What the run reader needs of the document's registry (entity-registry.ts). */
export interface NameRegistry {
  readonly pending: Array<{ sentence: number; from: number; to: number; name: string }>;
  person(name: string): Entity;
  other(name: string, kind: EntityKind): Entity;
}

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

/** A capitalised word that can open a name (not "The", "After", a month or a weekday). */
export function startsName(tokens: Token[], i: number): boolean {
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

export function continuesName(tokens: Token[], j: number, start: number): boolean {
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

export type Base = (from: number, to: number) => Omit<Mention, 'kind'>;

/** Decide what a capitalised run is: a title and a person's name, a body, a place, or nothing we need. */
export function classifyRun(
  sentence: Sentence,
  i: number,
  j: number,
  registry: NameRegistry,
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

export function addRole(entity: Entity, role: string): void {
  const clean = role.replace(/^(?:the|a|an)\s+/i, '').trim();
  if (clean && !entity.roles.includes(clean)) entity.roles.push(clean);
  for (const c of countriesIn(clean)) if (!entity.countries.includes(c)) entity.countries.push(c);
  if (clean.split(/\s+/).some((w) => REPORTER_NOUNS.has(w.toLowerCase()))) entity.reporter = true;
}

/** Title words written right before a catalogue name ("Top Kremlin aide" Yuri Ushakov). */
export function titleBefore(tokens: Token[], i: number): string {
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

/** A name or body directly before a noun or another name modifies it ("Kremlin aide", "Axios journalist"). */
export function markModifiers(mentions: Mention[], tokens: Token[]): void {
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
