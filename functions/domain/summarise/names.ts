// Capitalised runs of words, read as a title and a name ("Vice Commerce Minister Li Chenggang"), a body
// ("US European Command"), a place, or nothing a summary needs. A run is a person only with evidence in
// its sentence: a title or role before it, a description after it, a reporting verb beside it, or
// "according to" before it; other runs wait for evidence from the rest of the report.
import type { Entity, EntityKind, Mention, Sentence } from './analysis-types';
import {
  BODY_NOUNS,
  countriesIn,
  DOCUMENT_NAME_WORDS,
  HONORIFICS,
  isPlace,
  NON_PERSON_TAILS,
  NOT_NAME_WORDS,
  PARTICLE_NAME,
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
  bySurname(part: string): Entity | undefined;
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
  'do',
  'dos',
  'das',
  'du',
  // Spanish and Catalan bodies' names ("Juntos por el Cambio", "Junts per Catalunya").
  'por',
  'per',
]);

/** A capitalised word that can open a name (not "The", "After", a month or a weekday). */
/** "Iran-backed", "U.S.-led", "Kyiv-based": a modifier made from a name, never part of one. */
function isNameModifier(t: Token): boolean {
  return /-(?:backed|led|based|brokered|mediated|allied|aligned|controlled|held|run|owned|born|era|style|bound)$/i.test(
    t.text,
  );
}

export function startsName(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!t.capitalised || !/^\p{L}/u.test(t.text) || isNameModifier(t)) return false;
  const lower = t.bare.toLowerCase();
  // "Officials said", "Negotiators met": a role noun opening a sentence is not a name.
  const singular = lower.replace(/(?<=[a-z]{3})s$/, '');
  const next = tokens[i + 1];
  // ("Farmers and Fishers Forum" opens a body's name.)
  // ("Alliance for Automotive Innovation" too.)
  const joined = /^(?:and|&|for)$/i.test(next?.text ?? '') && !!tokens[i + 2]?.capitalised;
  if (!next?.capitalised && next?.text !== 'of' && !joined && (isRoleOrBody(lower) || isRoleOrBody(singular)))
    return false;
  // "Striking Boeing workers voted …": a participle opening the sentence is no one's first name.
  if (i === 0 && /ing$/.test(lower) && t.pos !== 'PROPN' && t.pos !== 'NOUN') return false;
  // "Workers will begin returning", "Nurses walked out": a plural of people opening a sentence.
  if (
    i === 0 &&
    !next?.capitalised &&
    !/^(?:and|of|&)$/i.test(next?.text ?? '') &&
    lower !== singular &&
    NON_PERSON_TAILS.has(lower)
  )
    return false;
  if (NOT_NAME_WORDS.has(lower)) {
    // "He Lifeng" after a title: a name that looks like a pronoun.
    const prev = tokens[i - 1];
    return (
      lower === 'he' && !!prev && TITLE_WORDS.has(prev.bare.toLowerCase()) && !!tokens[i + 1]?.capitalised
    );
  }
  return true;
}

/**
 * "Ministry of Water Resources", "Bank of Korea", "Headquarters for Missing Persons": a body's word before
 * "of" or "for" (one "and" may follow).
 */
function bodyWithOf(tokens: Token[], start: number, j: number): boolean {
  const words = tokens.slice(start, j).map((t) => t.bare.toLowerCase());
  const of = words.findIndex((w) => w === 'of' || w === 'for');
  return (
    of > 0 &&
    words.slice(0, of).some((w) => NON_PERSON_TAILS.has(w)) &&
    // A person's title before "of" ("Chief of Staff") is no body; a modifier that titles also use
    // ("International Court of Justice", "National Security Council of …") is.
    !words
      .slice(0, of)
      .some((w) => TITLE_WORDS.has(w) && PERSON_ROLE_NOUNS.has(w) && !NON_PERSON_TAILS.has(w)) &&
    // "… Workers District 751 President Jon Holden": a person's title after the body ends it.
    !words.slice(of + 1).some((w) => TITLE_WORDS.has(w) && PERSON_ROLE_NOUNS.has(w)) &&
    words.slice(of).filter((w) => w === 'and').length <= 1
  );
}

/** The capitalised run starting at `from` ends on a body's word ("… Families Forum"), not on a place. */
function endsInBody(tokens: Token[], from: number): boolean {
  let k = from;
  while (k < tokens.length && tokens[k]!.capitalised && !tokens[k]!.possessive && k - from < 5) k++;
  const run = tokens.slice(from, k).map((t) => t.bare);
  if (run.length < 2) return false;
  const last = run.at(-1)!.toLowerCase();
  return NON_PERSON_TAILS.has(last) && !run.slice(0, -1).some((w) => isPlace(w));
}

/**
 * The comma at `j` separates items of a list inside a body's name after "of": ", Water and Energy" in
 * "Ministry of Land, Water and Energy". The items are capitalised words that are not places (a list of
 * countries after a body is not part of its name), and the list closes with "and".
 */
function listInBodyName(tokens: Token[], start: number, j: number): boolean {
  const words = tokens.slice(start, j).map((t) => t.bare.toLowerCase());
  const of = words.indexOf('of');
  if (of <= 0 || !words.slice(0, of).some((w) => NON_PERSON_TAILS.has(w))) return false;
  let k = j + 1;
  for (let items = 0; items < 5; items++) {
    const t = tokens[k];
    if (!t?.capitalised || isPlace(t.bare)) return false;
    const sep = tokens[k + 1]?.text;
    if (sep === 'and') return !!tokens[k + 2]?.capitalised && !isPlace(tokens[k + 2]!.bare);
    if (sep !== ',') return false;
    k += 2;
  }
  return false;
}

/** Where a run of capitalised words from `k` ends. */
function fieldEnd(tokens: Token[], k: number): number {
  while (tokens[k]?.capitalised && !tokens[k]!.possessive) k++;
  return k;
}

/**
 * "Minister of Information", "Minister of Labour and Employment" before ", Ana Ruiz,": person titles,
 * "of", and the office's field — one capitalised word, or words joined by one "and" — set off before an
 * apposition that names the holder (a capitalised name, then a comma or a verb). Not "Secretary of State
 * Marco Rubio, …": the words after "of" are one word or joined by "and".
 */
function officeField(tokens: Token[], start: number, j: number): boolean {
  const words = tokens.slice(start, j).map((t) => t.bare.toLowerCase());
  const of = words.indexOf('of');
  if (of < 1 || !words.slice(0, of).every((w) => TITLE_WORDS.has(w))) return false;
  if (!words.slice(0, of).some((w) => PERSON_ROLE_NOUNS.has(w))) return false;
  const field = words.slice(of + 1);
  const and = field.indexOf('and');
  const single = field.length === 1;
  const joined = and > 0 && and < field.length - 1 && field.length <= 5 && field.lastIndexOf('and') === and;
  if (!single && !joined) return false;
  // "Secretary of State", "Head of Government" are offices the title pass reads whole.
  if (field.some((w) => PERSON_ROLE_NOUNS.has(w) || isPlace(w) || /^(?:state|government|staff)$/.test(w)))
    return false;
  if (tokens[j]?.text !== ',') return false;
  // The holder's name: two or more capitalised words, then a comma or a verb.
  const holderEnd = fieldEnd(tokens, j + 1);
  const after = tokens[holderEnd];
  return holderEnd - (j + 1) >= 2 && (after?.text === ',' || after?.pos === 'VERB');
}

function isTitle(t: Token): boolean {
  return t.capitalised && TITLE_WORDS.has(t.bare.toLowerCase().replace(/\.$/, ''));
}

function isRoleOrBody(word: string): boolean {
  return PERSON_ROLE_NOUNS.has(word) || BODY_NOUNS.has(word);
}

export function continuesName(tokens: Token[], j: number, start: number): boolean {
  const t = tokens[j]!;
  if (j === start) return true;
  if (isNameModifier(t)) return false;
  // "Machinists District 751", "Teamsters Local 727": a union branch's number is part of its name.
  if (/^\d{1,4}$/.test(t.text) && /^(?:District|Local|Lodge|Chapter)$/.test(tokens[j - 1]?.text ?? ''))
    return true;
  if (t.capitalised && /^\p{L}/u.test(t.text)) {
    const lower = t.bare.toLowerCase();
    return (
      !NOT_NAME_WORDS.has(lower) || (lower === 'he' && TITLE_WORDS.has(tokens[j - 1]!.bare.toLowerCase()))
    );
  }
  // "Majed al-Ansari", "Ahmed el-Sisi": a particle joined to a capitalised name.
  if (PARTICLE_NAME.test(t.text)) return true;
  // "Secretary of State", "Mohammed bin Salman", "Headquarters for the Treatment of Prisoners of War":
  // lower-case joiners between capitalised words.
  const lower = t.text.toLowerCase();
  const next = tokens[j + 1];
  if (tokens[j - 1]!.possessive) return false;
  // "Minister of Labour and Employment, Ana Ruiz,": the office's field goes on through "and".
  if (lower === 'and' && next?.capitalised && officeField(tokens, start, fieldEnd(tokens, j + 1)))
    return true;
  // "Prime Minister and Minister of Foreign Affairs": one title of two offices; "Ministry of Water
  // Resources and Irrigation": one body.
  if (lower === 'and' && isTitle(tokens[j - 1]!) && next && isTitle(next)) return true;
  if (
    lower === 'and' &&
    next?.capitalised &&
    bodyWithOf(tokens, start, j) &&
    !tokens.slice(start, j).some((x) => x.text === 'and')
  )
    return true;
  // "Hostages and Missing Families Forum": "and" inside a body's name, which its last word shows. Not
  // after a person's title: "Foreign Minister Ana Ruiz and Atomic Energy Agency chief …" is two subjects.
  if (
    lower === 'and' &&
    next?.capitalised &&
    endsInBody(tokens, j + 1) &&
    !tokens.slice(start, j).some((x) => isTitle(x))
  )
    return true;
  // "Ministry of Land, Water and Energy": a list of capitalised words inside a body's name.
  if (t.text === ',' && next?.capitalised && listInBodyName(tokens, start, j)) return true;
  if ((lower === 'of' || lower === 'for' || NAME_JOINERS.has(lower)) && next?.capitalised) return true;
  // "Juan Ramón de la Fuente", "Ursula von der Leyen": two particles in a row.
  if (
    NAME_JOINERS.has(lower) &&
    NAME_JOINERS.has(next?.text.toLowerCase() ?? '') &&
    tokens[j + 2]?.capitalised &&
    tokens[j - 1]?.capitalised
  )
    return true;
  // "Baron & Budd", "Johnson & Johnson": one firm's name.
  if (t.text === '&' && next?.capitalised && tokens[j - 1]?.capitalised) return true;
  // "the U.S. Embassy in Beirut": a post abroad is named with where it is.
  if (
    lower === 'in' &&
    next?.capitalised &&
    /^(?:Embassy|Consulate|Mission|Delegation|Office)$/.test(tokens[j - 1]?.bare ?? '')
  )
    return true;
  return (lower === 'of' || lower === 'for') && next?.text === 'the' && !!tokens[j + 2]?.capitalised;
}

/** "the" inside a run ("…for the Treatment…") continues it when a joiner came just before. */
export function continuesAfterJoiner(tokens: Token[], j: number): boolean {
  const prev = tokens[j - 1]?.text.toLowerCase();
  return tokens[j]!.text === 'the' && (prev === 'of' || prev === 'for') && !!tokens[j + 1]?.capitalised;
}

export type Base = (from: number, to: number) => Omit<Mention, 'kind'>;

const DOCUMENT_NAME = new RegExp(`^(?:${DOCUMENT_NAME_WORDS})$`);

/** Decide what a capitalised run is: a title and a person's name, a body, a place, or nothing we need. */
export function classifyRun(
  sentence: Sentence,
  i: number,
  j: number,
  registry: NameRegistry,
  add: (m: Mention) => void,
  base: Base,
  end = j,
): boolean {
  const { tokens } = sentence;
  const run = tokens.slice(i, j);
  const lowerWords = run.map((t) => t.bare.toLowerCase());
  // "The Minister of Information and National Orientation, Mohammed Idris, said": the office's field,
  // named in an apposition's title, is nobody's name; the description pass reads the title.
  if (end === j && officeField(tokens, i, j)) return false;
  // "special envoy for Syria Tom Barrack": a place that ends a lower-case title, then a person's name.
  if (
    run.length >= 3 &&
    end === j &&
    isPlace(run[0]!.bare) &&
    !run[0]!.possessive &&
    !/^\p{Lu}/u.test(tokens[i - 1]?.text ?? '') &&
    run
      .slice(1)
      .every(
        (t) =>
          /^\p{Lu}\p{Ll}/u.test(t.bare) &&
          !TITLE_WORDS.has(t.bare.toLowerCase()) &&
          !NON_PERSON_TAILS.has(t.bare.toLowerCase()) &&
          !isPlace(t.bare),
      )
  ) {
    add({ ...base(i, i + 1), kind: 'name', entity: registry.other(run[0]!.bare, 'place') });
    const prep = tokens[i - 1]?.text.toLowerCase() ?? '';
    const role = /^(?:for|of|to)$/.test(prep) ? lowerRoleBefore(tokens, i - 1) : '';
    if (!role || run.length > 4) return classifyRun(sentence, i + 1, j, registry, add, base);
    const entity = registry.person(sentence.text.slice(run[1]!.start, run.at(-1)!.end).replace(/['’]s$/, ''));
    addRole(entity, `${role} ${prep} ${run[0]!.bare}`);
    add({ ...base(i + 1, j), kind: 'name', entity });
    return true;
  }
  // "the New Hampshire Democrat said": a role word after "the" with the words that place it is a
  // description of someone, not a name (the description pass reads it whole).
  // "the francophone Socialist said": lower-case adjectives may stand between the article and the word.
  let article = i - 1;
  while (article > i - 3 && tokens[article]?.pos === 'ADJ' && !tokens[article]!.capitalised) article--;
  if (
    (run.length >= 2 || article < i - 1) &&
    end === j &&
    /^(?:the|a|an)$/i.test(tokens[article]?.text ?? '') &&
    PERSON_ROLE_NOUNS.has(lowerWords.at(-1)!) &&
    !TITLE_WORDS.has(lowerWords.at(-1)!) &&
    !tokens[j]?.capitalised &&
    !run.at(-1)!.possessive
  )
    return false;
  // "Amina Diallo of Senegal": a name, then where the person is from (not "Secretary of State", not
  // "Ministry of Health").
  // "Rep. Garret Graves of Louisiana", "President Emmanuel Macron of France": titles may come first.
  const of = lowerWords.indexOf('of');
  let placeTitles = 0;
  while (placeTitles < of && TITLE_WORDS.has(lowerWords[placeTitles]!.replace(/\.$/, ''))) placeTitles++;
  if (of - placeTitles >= (placeTitles > 0 ? 1 : 2) && of < run.length - 1 && end === j) {
    const before = lowerWords.slice(placeTitles, of);
    const place = sentence.text.slice(run[of + 1]!.start, run.at(-1)!.end).replace(/['’]s$/, '');
    if (
      isPlace(place) &&
      !before.some((w) => TITLE_WORDS.has(w.replace(/\.$/, '')) || NON_PERSON_TAILS.has(w) || isPlace(w))
    ) {
      const named = classifyRun(sentence, i, i + of, registry, add, base, j);
      add({ ...base(i + of + 1, j), kind: 'name', entity: registry.other(place, 'place') });
      return named;
    }
  }
  // "Scott Summy of Baron & Budd PC, one of the lawyers, said", "said Peter Kahn of the Teamsters Union":
  // a name, then the body the person speaks for. Only where the sentence credits the run with words
  // (a reporting verb next to it, or an apposition after it), so "Bank of England" and "House of Lords"
  // stay bodies.
  // "Swedish MEP Tomas Tobé of the European People's Party": title words may come first.
  let titleWords = 0;
  while (titleWords < of) {
    const w = lowerWords[titleWords]!.replace(/\.$/, '');
    if (!TITLE_WORDS.has(w) && countriesIn(run[titleWords]!.bare).length === 0) break;
    titleWords++;
  }
  if (of - titleWords >= 2 && of - titleWords <= 3 && of < run.length - 1 && end === j) {
    const before = run.slice(titleWords, of);
    const looksNamed = before.every((t) => {
      const w = t.bare.toLowerCase().replace(/\.$/, '');
      return (
        /^\p{Lu}\p{Ll}/u.test(t.bare) &&
        !TITLE_WORDS.has(w) &&
        !NON_PERSON_TAILS.has(w) &&
        !NOT_NAME_WORDS.has(w) &&
        !isPlace(t.bare) &&
        countriesIn(t.bare).length === 0 &&
        !t.possessive
      );
    });
    // Credited with words, set off after a role ("That national president, Mark Wallace of the …,"), or
    // followed by one.
    const afterRole =
      tokens[i - 1]?.text === ',' && PERSON_ROLE_NOUNS.has(tokens[i - 2]?.bare.toLowerCase() ?? '');
    // "Elspeth Macdonald of the Scottish Fishermen's Federation had lobbied …": the subject of a clause.
    const subjectOfVerb =
      (i === 0 || tokens[i - 1]?.text === ',') &&
      /^(?:VERB|AUX)$/.test(tokens[j]?.pos ?? '') &&
      !/ing$/.test(tokens[j]!.text);
    const credited =
      nextToReportingVerb(tokens, i, j) ||
      (tokens[j]?.text === ',' && apposed(tokens, j)) ||
      afterRole ||
      subjectOfVerb;
    if (looksNamed && credited) {
      const body = sentence.text
        .slice(run[of + 1]!.start, run.at(-1)!.end)
        .replace(/['’]s$/, '')
        .replace(/^the\s+/i, '');
      const named = classifyRun(sentence, i, i + of, registry, add, base, j);
      const kind: EntityKind = isPlace(body) ? 'place' : 'organisation';
      add({ ...base(i + of + 1, j), kind: 'name', entity: registry.other(body, kind) });
      return named;
    }
  }
  const last = lowerWords.at(-1)!;
  const text = sentence.text.slice(run[0]!.start, run.at(-1)!.end).replace(/['’]s$/, '');
  const branch = /^\d+$/.test(last) && /^(?:district|local|lodge|chapter)$/.test(lowerWords.at(-2) ?? '');
  // "the Head of State wrote", "the Secretary of State is obliged": a title with nobody's name is a
  // description of a person, never a body.
  const office = /^(?:state|government|staff|defence|defense)$/;
  // "the US Secretary of State": a country before the office is its modifier.
  let country = 0;
  while (country < run.length - 1 && countriesIn(run[country]!.bare).length > 0) country++;
  const officeWords = lowerWords.slice(country);
  const titleOnly =
    officeWords.length >= 3 &&
    !tokens[j]?.capitalised &&
    officeWords.every((w, k) =>
      w === 'of' ? k > 0 : TITLE_WORDS.has(w) || (officeWords[k - 1] === 'of' && office.test(w)),
    ) &&
    office.test(last);
  if (titleOnly) {
    // The whole office is the head ("head of state"), so the reference pass can match it to roles.
    const head = officeWords.join(' ');
    const det = tokens[i - 1] && /^(?:the|a|an)$/i.test(tokens[i - 1]!.text) ? i - 1 : i;
    add({
      ...base(det, j),
      kind: 'description',
      head,
      modifiers: lowerWords.slice(0, country),
      indefinite: det === i || !/^the$/i.test(tokens[det]!.text),
    });
    return true;
  }
  // "the Barisan Revolusi Nasional (BRN)": a name followed by its own initials in brackets is a body's.
  const acronymAfter =
    run.length >= 2 &&
    tokens[j]?.text === '(' &&
    tokens[j + 2]?.text === ')' &&
    tokens[j + 1]!.text ===
      run
        .filter((t) => /^\p{Lu}/u.test(t.text))
        .map((t) => t.text[0])
        .join('');
  if (
    branch ||
    acronymAfter ||
    (NON_PERSON_TAILS.has(last) && !titledPerson(run)) ||
    bodyWithOf(run, 0, run.length) ||
    (run.length === 1 && /^\p{Lu}{2,}$/u.test(run[0]!.bare) && isPlace(text))
  ) {
    const kind: EntityKind = isPlace(text) ? 'place' : 'organisation';
    add({ ...base(i, j), kind: 'name', entity: registry.other(text, kind) });
    return true;
  }
  // "ELN said", "Hamas said in a statement": an acronym, or a single word speaking through statements,
  // is a body.
  const known = run.length === 1 ? registry.bySurname(text) : undefined;
  if (known) {
    add({ ...base(i, j), kind: 'name', entity: known });
    return true;
  }
  if (run.length === 1 && (isAcronym(run[0]!.bare) || statementAfter(sentence, j))) {
    add({ ...base(i, j), kind: 'name', entity: registry.other(text, 'organisation') });
    return true;
  }
  // Title words first, then the name: split where the titles end. An honorific that is part of how a
  // person is named ("Sheikh Mohammed bin …", "Prince Faisal bin Farhan") stays with the name.
  let split = 0;
  for (let k = 0; k < run.length; k++) {
    const w = lowerWords[k]!.replace(/\.$/, '');
    if (HONORIFICS.has(w) && run[k + 1]?.capitalised) break;
    const innerPossessive = run[k]!.possessive && k < run.length - 1;
    // A country word is a title's modifier only before a title word ("Russian President", not "Sofia Ruiz").
    const nextWord = lowerWords[k + 1]?.replace(/\.$/, '') ?? '';
    const countryModifier =
      countriesIn(run[k]!.bare).length > 0 && (TITLE_WORDS.has(nextWord) || run[k]!.possessive);
    // "Vice-President", "Deputy-Minister": a hyphenated title of title words.
    const hyphenTitle = w.includes('-') && w.split('-').every((part) => TITLE_WORDS.has(part));
    // "Amrita Sen", "Laura Rep": a title's abbreviation written without its period that ends the run,
    // after a name, is the family name.
    // "Tan Sri Abdul Rahim Noor", "Puan Sri …": Malaysian honours of two words open the title.
    if (k + 1 < run.length && /^(?:tan|puan)$/.test(w) && lowerWords[k + 1] === 'sri') {
      split = k + 2;
      k++;
      continue;
    }
    const surnameNotTitle =
      k === run.length - 1 &&
      k > 0 &&
      /^(?:sen|sens|rep|reps|gen|col|lt|maj|capt|dr)$/.test(w) &&
      !/\.$/.test(run[k]!.text) &&
      !TITLE_WORDS.has(lowerWords[k - 1]!.replace(/\.$/, ''));
    if (
      !surnameNotTitle &&
      (TITLE_WORDS.has(w) || hyphenTitle || countryModifier || innerPossessive || w === 'of')
    ) {
      split = k + 1;
    }
  }
  // "Deputy Prime Minister of Armenia Mher Grigoryan": the place after "of" ends the title.
  if (split > 0 && lowerWords[split - 1] === 'of' && run.length - split >= 3 && isPlace(run[split]!.bare))
    split++;
  // "Chief of the General Staff Valery Gerasimov", "Head of the Presidential Office Rita Kallio": the body
  // a title is "of" belongs to the title, not to the name after it.
  if (split > 0 && lowerWords.slice(0, split).includes('of')) {
    const tail = lowerWords.findLastIndex(
      (w, k) => k >= split && run.length - k >= 3 && (NON_PERSON_TAILS.has(w) || office.test(w)),
    );
    if (
      tail >= split &&
      run
        .slice(split, tail + 1)
        .every((t, k) => /^\p{Lu}/u.test(t.bare) || /^(?:the|of|and)$/.test(lowerWords[split + k]!))
    )
      split = tail + 1;
  }
  // A possessive inside the title ("Rwanda's Foreign Minister") keeps the split after the last title word.
  const nameTokens = run.slice(split);
  if (nameTokens.length === 0) {
    if (!isPlace(text)) return false;
    add({ ...base(i, j), kind: 'name', entity: registry.other(text, 'place') });
    return true;
  }
  // "Commissioner for Human Rights", "Committee of the Red Cross": what follows a joiner is still the
  // title's or the body's, never a person's name.
  if (!nameTokens[0]!.capitalised) {
    const titleAt = lowerWords.findLastIndex((w, k) => k < split && TITLE_WORDS.has(w.replace(/\.$/, '')));
    if (titleAt < 0) return false;
    // A title with nobody's name: a description the reference pass can match to roles.
    const det = tokens[i - 1] && /^(?:the|a|an)$/i.test(tokens[i - 1]!.text) ? i - 1 : i;
    add({
      ...base(det, j),
      kind: 'description',
      head: lowerWords[titleAt]!.replace(/\.$/, ''),
      modifiers: [],
      indefinite: det === i || !/^the$/i.test(tokens[det]!.text),
    });
    return true;
  }
  const name = sentence.text.slice(nameTokens[0]!.start, nameTokens.at(-1)!.end).replace(/['’]s$/, '');
  if (isPlace(name) || nameTokens.some((t) => /^\d/.test(t.text))) {
    add({ ...base(i + split, j), kind: 'name', entity: registry.other(name, 'place') });
    return true;
  }
  // Only a title with a title word in it is evidence ("Gaza Strip" is no "Minister Strip").
  const isTitleWord = (w: string) =>
    TITLE_WORDS.has(w) || (w.includes('-') && w.split('-').every((part) => TITLE_WORDS.has(part)));
  const titled = run.slice(0, split).some((t) => isTitleWord(t.bare.toLowerCase().replace(/\.$/, '')));
  const title = split > 0 && titled ? sentence.text.slice(run[0]!.start, run[split - 1]!.end) : '';
  // "Thailand's acting Prime Minister …": words before the capitalised title belong to the role.
  const lead = title ? lowerRoleBefore(tokens, i, true) : '';
  const roleBefore = title ? (lead ? `${lead} ${title}` : title) : lowerRoleBefore(tokens, i);
  // "Anwar Ibrahim, who chairs …": only people are "who"; "Lena Brandt, 41,": only people have ages.
  const who =
    tokens[end]?.text === ',' &&
    (/^who$/i.test(tokens[end + 1]?.text ?? '') ||
      (/^\d{1,3}$/.test(tokens[end + 1]?.text ?? '') && /^[,.]$/.test(tokens[end + 2]?.text ?? '')));
  // "Javier Milei of Argentina": a two- to four-word name followed by where its bearer is from.
  const fromCountry = end !== j && nameTokens.length >= 2 && nameTokens.length <= 4;
  // "Donald Trump's special envoy", "Volodymyr Zelenskyy's presidential office": a full name owning a
  // person's role or their office is a person's.
  const owner =
    nameTokens.length >= 2 &&
    nameTokens.length <= 3 &&
    nameTokens.at(-1)!.possessive &&
    tokens.slice(end, end + 3).some((t) => {
      const w = t.bare.toLowerCase();
      return (
        !t.capitalised &&
        (PERSON_ROLE_NOUNS.has(w) ||
          /^(?:office|administration|son-in-law|daughter|son|wife|husband|family)$/.test(w))
      );
    });
  // "Senate Democratic leader Chuck Schumer", "Hamas political chief Khalil al-Hayya": capitalised words
  // before a lower-case role and the name it titles say whose role it is; they are nobody's name.
  if (split === 0 && end === j && !nameTokens.at(-1)!.possessive && rolePrefix(tokens, end)) return false;
  // "a senior Democratic aide", "the Kremlin-friendly Duma deputy": capitalised words inside an unnamed
  // person's description, between its article and its role noun, are no one's name.
  if (split === 0 && end === j && !nameTokens.at(-1)!.possessive && insideDescription(tokens, i, end))
    return false;
  const evidence =
    owner ||
    roleBefore !== '' ||
    fromCountry ||
    who ||
    subjectOfClause(tokens, i, end, nameTokens.length) ||
    appositionAfter(sentence, end) !== undefined ||
    appositionBefore(tokens, i, end) ||
    nextToReportingVerb(tokens, i + split, end) ||
    /according to$/i.test(sentence.text.slice(0, run[0]!.start).trim()) ||
    // "a mission led by Peter Breuer and Masahiro Nozaki": only people lead, chair or sign.
    (nameTokens.length >= 2 &&
      nameTokens.length <= 3 &&
      /\b(?:led|headed|chaired|co-chaired|signed|hosted)\s+by(?:\s+\p{Lu}[\p{L}-]+){2,3}\s+and\s*$|\b(?:led|headed|chaired|co-chaired|signed|hosted)\s+by\s*$/u.test(
        sentence.text.slice(0, run[0]!.start),
      ));
  // "the University of California, Berkeley,", "King's College, London": the campus or seat that
  // completes a body's name, never a person.
  if (
    split === 0 &&
    nameTokens.length === 1 &&
    /\b(?:University|College|Institute|School|Academy|Hospital|Center|Centre|Polytechnic)\b(?:\s+(?:of|for|at)\s+(?:the\s+)?[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*)*)?,\s*$/u.test(
      sentence.text.slice(Math.max(0, run[0]!.start - 80), run[0]!.start),
    )
  ) {
    add({ ...base(i, j), kind: 'name', entity: registry.other(name, 'place') });
    return true;
  }
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
  // "the General Agreement for Cooperation", "the Paris Climate Accord": a document's name, whatever
  // title word opens it, is nobody's. A firm's name before a title ("Charter CEO Jane Smith") is the
  // title's, not a document's.
  if (nameTokens.some((t) => DOCUMENT_NAME.test(t.bare))) {
    add({ ...base(i, j), kind: 'name', entity: registry.other(text, 'organisation') });
    return true;
  }
  // "Reform UK", "Momentum US": a country's code closing the name marks a party or a group, not a person.
  if (nameTokens.length >= 2 && /^(?:UK|US|USA|EU|UAE)$/.test(nameTokens.at(-1)!.bare)) {
    add({ ...base(i + split, j), kind: 'name', entity: registry.other(name, 'organisation') });
    return true;
  }
  // "the separatist party Junts per Catalunya", "the main opposition coalition, Juntos por el Cambio,": a
  // name a group's noun introduces is the group's.
  const groupNoun = (k: number) =>
    /^(?:party|coalition|alliance|movement|bloc|front|union|group|faction|militia|federation|association)$/.test(
      tokens[k]?.text ?? '',
    );
  if (
    split === 0 &&
    !owner &&
    nameTokens.length >= 2 &&
    !nameTokens.at(-1)!.possessive &&
    (groupNoun(i - 1) || (tokens[i - 1]?.text === ',' && groupNoun(i - 2) && tokens[end]?.text === ','))
  ) {
    add({ ...base(i, j), kind: 'name', entity: registry.other(name, 'organisation') });
    return true;
  }
  // "Hamas, which is not named in the text, …": only people are "who"; a name "which" follows is a body's.
  // Not after "led by" or "of" ("a faction led by Mariano Nhongo, which accuses …"): there "which" may
  // go back to the noun the phrase belongs to.
  if (
    split === 0 &&
    !owner &&
    !(nameTokens.length >= 2 && /^(?:by|of|with|under)$/i.test(tokens[i - 1]?.text ?? '')) &&
    nameTokens.length <= 4 &&
    tokens[end]?.text === ',' &&
    /^which$/i.test(tokens[end + 1]?.text ?? '') &&
    !nameTokens.at(-1)!.possessive
  ) {
    add({ ...base(i, j), kind: 'name', entity: registry.other(name, 'organisation') });
    return true;
  }
  const joiners = nameTokens.filter((t) => NAME_JOINERS.has(t.text.toLowerCase())).length;
  if (!evidence || nameTokens.length - joiners > 5) {
    registry.pending.push({ sentence: sentence.index, from: i + split, to: j, name });
    return false;
  }
  // "Mr. Fogel", "Sen. McCormick": a surname after a title is the person the text named in full with it.
  // "Prince Faisal", "Sheikh Tamim": an honorific with a given name is the one person the text named in
  // full with that given name ("Foreign Minister Prince Faisal bin Farhan").
  const honorificShort =
    nameTokens.length === 2 && HONORIFICS.has(nameTokens[0]!.bare.toLowerCase())
      ? registry.bySurname(nameTokens[1]!.bare)
      : undefined;
  const fullName = nameTokens.length === 1 ? registry.bySurname(name) : honorificShort;
  const entity = fullName?.kind === 'person' ? fullName : registry.person(name);
  if (roleBefore) addRole(entity, roleBefore);
  const apposition = appositionAfter(sentence, end);
  if (apposition) addRole(entity, apposition);
  // "Sen. Dave McCormick, R-Pa.,": the party the wire's tag gives is a role the text can use again
  // ("the Republican senator").
  const tag =
    tokens[end]?.text === ',' ? /^([RDI])-[A-Z][A-Za-z.]{0,4}$/.exec(tokens[end + 1]?.text ?? '') : null;
  if (tag) addRole(entity, { R: 'Republican', D: 'Democrat', I: 'independent' }[tag[1] as 'R' | 'D' | 'I']);
  if (end !== j) {
    for (const c of countriesIn(sentence.text.slice(tokens[j + 1]!.start, tokens[end - 1]!.end))) {
      if (!entity.countries.includes(c)) entity.countries.push(c);
    }
  }
  if (entity.roles.some((r) => r.split(/\s+/).some((w) => REPORTER_NOUNS.has(w.toLowerCase())))) {
    entity.reporter = true;
  }
  add({ ...base(i + split, j), kind: 'name', entity });
  return true;
}

/** An article and lower-case modifiers before `i`, a lower-case role noun at `end`: "a senior … aide". */
function insideDescription(tokens: Token[], i: number, end: number): boolean {
  const role = tokens[end];
  if (!role || role.capitalised || !PERSON_ROLE_NOUNS.has(role.bare.toLowerCase())) return false;
  let k = i - 1;
  while (k >= 0 && !tokens[k]!.capitalised && tokens[k]!.pos === 'ADJ') k--;
  return /^(?:a|an|the|one)$/i.test(tokens[k]?.text ?? '');
}

/** Lower-case words from `from` ending on a role noun, then a capitalised name: "leader Chuck Schumer". */
function rolePrefix(tokens: Token[], from: number): boolean {
  let k = from;
  while (k < from + 3 && tokens[k] && !tokens[k]!.capitalised && /^(?:ADJ|NOUN)$/.test(tokens[k]!.pos)) k++;
  if (k === from || !PERSON_ROLE_NOUNS.has(tokens[k - 1]!.bare.toLowerCase())) return false;
  return !!tokens[k]?.capitalised && !!tokens[k + 1]?.capitalised;
}

/**
 * "Chairman Leo Park", "Dr. Ana Hill": a person's title and then a name of two or three words, none of
 * them a body's or a title's word before the last, is a person even when the last word ends bodies'
 * names too ("Park", "Hill", "Post").
 */
function titledPerson(run: Token[]): boolean {
  const words = run.map((t) => t.bare.toLowerCase().replace(/\.$/, ''));
  let k = 0;
  while (k < words.length && TITLE_WORDS.has(words[k]!)) k++;
  const title = words.slice(0, k);
  const name = words.slice(k);
  if (!title.some((w) => PERSON_ROLE_NOUNS.has(w) || HONORIFIC_TITLES.has(w))) return false;
  if (name.length < 2 || name.length > 3 || run.slice(k).some((t) => !t.capitalised)) return false;
  return name.slice(0, -1).every((w) => !NON_PERSON_TAILS.has(w) && !TITLE_WORDS.has(w) && !isPlace(w));
}

const HONORIFIC_TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'professor',
  'capt',
  'captain',
  'gen',
  'sen',
  'rep',
]);

function isAcronym(word: string): boolean {
  return /^\p{Lu}{2,6}(?:-\p{Lu}{2,6})*$/u.test(word) && !isPlace(word);
}

/** "Hamas said in a statement", "Hamas issued a statement": speaking through statements. */
function statementAfter(sentence: Sentence, j: number): boolean {
  const rest = sentence.tokens
    .slice(j, j + 6)
    .map((t) => t.text.toLowerCase())
    .join(' ');
  return /^(?:said in a statement|(?:also )?(?:issued|released|published) a statement)/.test(rest);
}

/**
 * "Chandni Raina, speaking for India, delivered a rebuke": a two- or three-word name opening a sentence
 * (or its main clause) as the subject of a verb reads as a person.
 */
function subjectOfClause(tokens: Token[], i: number, j: number, words: number): boolean {
  if (words < 2 || words > 3) return false;
  if (i > 0 && !(tokens[i - 1]!.text === ',' && i > 2)) return false;
  let k = j;
  // "Hana Okoye and Luis Brandt said": the first of two names that share the verb.
  if (tokens[k]?.text === 'and') {
    let m = k + 1;
    if (HONORIFICS.has(tokens[m]?.bare.toLowerCase() ?? '')) m++;
    const start = m;
    while (m < tokens.length && m - start < 3 && tokens[m]!.capitalised && /^\p{L}/u.test(tokens[m]!.text))
      m++;
    if (m - start >= 2) k = m;
  }
  const closesApposition = tokens[k]?.text === ',' && i > 2 && tokens[i - 1]!.text === ',';
  if (tokens[k]?.text === ',' && closesApposition) k++;
  else if (tokens[k]?.text === ',') {
    // Skip one aside set off by commas.
    const close = tokens.findIndex((t, n) => n > k && t.text === ',');
    if (close < 0 || close - k > 10) return false;
    k = close + 1;
  }
  while (tokens[k]?.pos === 'ADV') k++;
  const verb = tokens[k];
  return !!verb && (verb.pos === 'VERB' || verb.pos === 'AUX') && !/ing$/.test(verb.text);
}

/** "Borrell's spokesman, Peter Stano, told…": a name set off by commas right after a role noun. */
function appositionBefore(tokens: Token[], i: number, j: number): boolean {
  const before = tokens[i - 1];
  if (before?.text !== ',' || !tokens[i - 2]) return false;
  const closes = !tokens[j] || /^[,.;]$/.test(tokens[j]!.text);
  if (!closes) return false;
  const isRole = (t: Token) =>
    PERSON_ROLE_NOUNS.has(t.bare.toLowerCase()) || TITLE_WORDS.has(t.bare.toLowerCase());
  // "a spokesman for the group, Karim Nasser": the role may carry its own short "for/of" phrase.
  for (let k = i - 2; k >= Math.max(0, i - 7); k--) {
    const t = tokens[k]!;
    if (isRole(t)) return k === i - 2 || /^(?:for|of|at|to)$/i.test(tokens[k + 1]!.text);
    if (!/^(?:ADP|DET|NOUN|PROPN|ADJ)$/.test(t.pos) || t.text === ',') return false;
  }
  return false;
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
  // "CDU leader Merz", "DUP leader Donaldson": the party's acronym belongs to the role.
  if (k > 0 && /^\p{Lu}{2,6}$/u.test(tokens[k - 1]!.bare) && countriesIn(tokens[k - 1]!.bare).length === 0)
    k--;
  const words = tokens.slice(k, i).map((t) => t.text);
  return words.some((w) => TITLE_WORDS.has(w.toLowerCase().replace(/['’]s$|\.$/g, '')))
    ? words.join(' ')
    : '';
}

/** "Kremlin foreign policy adviser" before a name: words back to a determiner, with a role noun. */
function lowerRoleBefore(tokens: Token[], i: number, any = false): string {
  let k = i;
  while (k > 0 && k > i - 6) {
    const t = tokens[k - 1]!;
    if (/^(?:NOUN|ADJ|PROPN)$/.test(t.pos) || t.possessive || /^(?:acting|interim|outgoing)$/i.test(t.text))
      k--;
    else break;
  }
  const words = tokens.slice(k, i);
  // `any`: the words lead into a capitalised title, which already names the role.
  const hasRole = words.some((t) => {
    const w = t.bare.toLowerCase();
    return PERSON_ROLE_NOUNS.has(w) || TITLE_WORDS.has(w) || PERSON_ROLE_NOUNS.has(w.replace(/s$/, ''));
  });
  if (words.length === 0 || (!any && !hasRole)) return '';
  return words.map((t) => t.text).join(' ');
}

/** ", the lead trade negotiator," or ", commander of US European Command," after a name. */
function appositionAfter(sentence: Sentence, j: number): string | undefined {
  const { tokens } = sentence;
  if (tokens[j]?.text !== ',') return undefined;
  // ", and Donald Trump's special envoy, Steve Witkoff": the next item of a list, not a role.
  if (/^(?:and|or|but|while)$/i.test(tokens[j + 1]?.text ?? '')) return undefined;
  let k = j + 1;
  const start = k;
  // A role may name a long body: ", deputy director of the Foreign Ministry's Non-Proliferation and Arms
  // Control Department,", ", a researcher at the Center for Economic Research and Teaching (CIDE) in …,".
  while (k < tokens.length && tokens[k]!.text !== ',' && k - start < 28) {
    // "Amos Hochstein, the U.S. envoy who shuttled between …": the role ends where a clause begins.
    if (/^(?:who|that|which)$/i.test(tokens[k]!.text) && k > start) break;
    // "the head of its negotiating team": a participle before a noun is not the clause's verb.
    // "at the Chatham House think tank": a word the tagger calls a verb between two nouns is a compound's.
    const attributive =
      (/ing$/.test(tokens[k]!.text) || /^(?:PROPN|NOUN)$/.test(tokens[k - 1]?.pos ?? '')) &&
      tokens[k + 1]?.pos === 'NOUN';
    // ", the exiled Gaza chief of Hamas,": a participle right after the article describes the role.
    const adjectival = /ed$/.test(tokens[k]!.text) && tokens[k - 1]?.pos === 'DET';
    if (
      /^(?:VERB|AUX)$/.test(tokens[k]!.pos) &&
      !/^(?:led|based)$/.test(tokens[k]!.text) &&
      !attributive &&
      !adjectival
    )
      return undefined;
    k++;
  }
  const words = tokens.slice(start, k);
  if (words.length === 0 || words.length >= 28) return undefined;
  // "Tinubu, the president of the congress, Joe Ajaero, said": the role leads into the next name.
  if (tokens[k]?.text === ',' && tokens[k + 1]?.capitalised && tokens[k + 2]?.capitalised) {
    let n = k + 1;
    while (tokens[n]?.capitalised) n++;
    if (tokens[n]?.text === ',' || /^(?:VERB|AUX)$/.test(tokens[n]?.pos ?? '')) return undefined;
  }
  if (
    !words.some((t) => PERSON_ROLE_NOUNS.has(t.bare.toLowerCase()) || TITLE_WORDS.has(t.bare.toLowerCase()))
  ) {
    return undefined;
  }
  // ", with Spain's Foreign Minister José Albares", ", British Foreign Secretary Tom Hale and …": a
  // phrase that opens on a preposition, or titles someone else by name, is not this person's role.
  if (words[0]!.pos === 'ADP') return undefined;
  const named = (t: Token | undefined) =>
    !!t &&
    /^\p{Lu}\p{Ll}/u.test(t.bare) &&
    !TITLE_WORDS.has(t.bare.toLowerCase()) &&
    !NON_PERSON_TAILS.has(t.bare.toLowerCase()) &&
    !isPlace(t.bare);
  // ("US President Donald Trump's senior adviser" names whose adviser, not another person.)
  const titlesAnother = (n: number) => {
    if (!isTitle(words[n]!) || words[n]!.possessive || !named(words[n + 1]) || !named(words[n + 2]))
      return false;
    let k = n + 1;
    while (named(words[k]) && !words[k]!.possessive) k++;
    return !words[k]?.possessive;
  };
  if (words.some((_, n) => titlesAnother(n))) return undefined;
  const first = words[0]!.text.toLowerCase();
  // ", chair of the pilots' group," / ", head of the delegation,": a role noun taking "of" needs no article.
  // ", executive director of the UN Environment Programme,": likewise after a modifier or two.
  const roleOf = words
    .slice(0, 3)
    .some(
      (t, n) =>
        PERSON_ROLE_NOUNS.has(t.bare.toLowerCase()) && /^(?:of|at|for|to)$/.test(words[n + 1]?.text ?? ''),
    );
  if (!['the', 'a', 'an'].includes(first) && !words[0]!.possessive && !TITLE_WORDS.has(first) && !roleOf) {
    if (!words.some((t) => t.possessive)) return undefined;
  }
  return sentence.text.slice(words[0]!.start, words.at(-1)!.end);
}

/** ", one of the lead attorneys,", ", the union's president,": a role set off after a name. */
function apposed(tokens: Token[], comma: number): boolean {
  for (let k = comma + 1; k < Math.min(tokens.length, comma + 8); k++) {
    const w = tokens[k]!.bare.toLowerCase().replace(/s$/, '');
    if (PERSON_ROLE_NOUNS.has(w) || PERSON_ROLE_NOUNS.has(tokens[k]!.bare.toLowerCase())) return true;
    if (tokens[k]!.text === ',') return false;
  }
  return false;
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
    // "UN Secretary-General Antonio Guterres": titles between a body and a name.
    let t = m.to;
    // ("U.S. Rep. Ileana Ros-Lehtinen": an abbreviated title keeps its period.)
    while (
      t < tokens.length &&
      tokens[t]!.capitalised &&
      TITLE_WORDS.has(tokens[t]!.bare.toLowerCase().replace(/\.$/, ''))
    )
      t++;
    const titled = t > m.to && mentions.some((n) => n.from === t && n.entity?.kind === 'person');
    if ((nextMention && nextMention.from === m.to && nextMention.kind !== 'pronoun') || titled)
      m.modifier = true;
    else if (next && /^(?:NOUN)$/.test(next.pos) && !next.capitalised && !REPORTING_VERBS.has(next.text)) {
      m.modifier = true;
    } else if (next && next.pos === 'ADJ' && !next.capitalised) {
      // "White House national security spokesman John Kirby": adjectives and nouns leading to a role.
      let k = m.to;
      while (k < tokens.length && /^(?:ADJ|NOUN)$/.test(tokens[k]!.pos) && !tokens[k]!.capitalised) k++;
      const last = tokens[k - 1]!;
      if (k > m.to && (last.pos === 'NOUN' || PERSON_ROLE_NOUNS.has(last.bare.toLowerCase())))
        m.modifier = true;
    }
  }
}
