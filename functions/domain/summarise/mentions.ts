// The mention layer: who and what each sentence names. People come from the catalogue (every spelling)
// and from the text itself — a capitalised name after a title ("Vice Commerce Minister Li Chenggang"),
// after a role noun ("his Congolese counterpart Therese Kayikwamba Wagner"), beside a description
// ("Chen Wei, the lead trade negotiator,") or next to a reporting verb ("said Chen Wei"). Descriptions
// ("the US president", "a Russian source", "the joint statement") and pronouns are mentions too; the
// reference pass (coref.ts) decides whom they mean. Places, bodies and outlets are told apart by
// their last word and the lexicon, so "Truth Social" or "Zaryadye Park" never becomes a person.
import type { Analysis, Entity, Mention, Sentence } from './analysis-types';
import { promoteByUse, Registry } from './entity-registry';
import {
  ALL_PRONOUNS,
  BODY_NOUNS,
  countriesIn,
  NON_PERSON_TAILS,
  PERSON_ROLE_NOUNS,
  TITLE_WORDS,
} from './lexicon';
import {
  addRole,
  classifyRun,
  continuesAfterJoiner,
  continuesName,
  markModifiers,
  startsName,
  titleBefore,
} from './names';
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

export function findMentions(analysis: Analysis): void {
  const registry = new Registry(analysis);
  for (const sentence of analysis.sentences) {
    if (sentence.oversize) continue;
    sentence.mentions = mentionsIn(sentence, analysis, registry);
  }
  promoteByUse(analysis, registry);
  registry.mergeShortForms(analysis);
  // A surname on its own ("Rubio said") means the person the text introduced in full, wherever that was.
  // One two people share ("Ms Martin" after Micheál and Catherine Martin) means the one just mentioned,
  // when the other was not mentioned in the last two paragraphs.
  // "Mr Martin said …", then "Ms Martin told …": the honorific tells the two apart.
  const lastSeen = new Map<Entity, number>();
  const honorificOf = new Map<Entity, 'm' | 'f'>();
  for (const sentence of analysis.sentences) {
    for (const m of sentence.mentions) {
      const title = sentence.tokens[m.from - 1]?.bare.replace(/\.$/, '') ?? '';
      const sex = /^Mr$/.test(title) ? 'm' : /^(?:Ms|Mrs|Miss)$/.test(title) ? 'f' : undefined;
      if (m.kind === 'name' && m.entity?.partial) {
        const full = registry.bySurname(m.entity.name);
        if (full) m.entity = full;
        else {
          const recent = registry
            .allWithSurname(m.entity.name)
            .filter((e) => sentence.paragraph - (lastSeen.get(e) ?? Number.NEGATIVE_INFINITY) <= 2)
            .filter((e) => !sex || (honorificOf.get(e) ?? sex) === sex);
          if (recent.length === 1) m.entity = recent[0]!;
        }
      }
      if (m.entity && !m.entity.partial) {
        lastSeen.set(m.entity, sentence.paragraph);
        if (sex && m.entity.kind === 'person') honorificOf.set(m.entity, sex);
      }
    }
  }
  analysis.entities = registry.all();
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
    while (
      j < tokens.length &&
      !taken[j] &&
      (continuesName(tokens, j, i) || continuesAfterJoiner(tokens, j))
    ) {
      j++;
      // "the European People's Party", "the Workers' Front": a possessive inside a body's name goes on.
      const next = tokens[j];
      const bodyAfter =
        !!next?.capitalised &&
        NON_PERSON_TAILS.has(next.bare.toLowerCase()) &&
        !tokens[j + 1]?.capitalised &&
        j - i >= 2;
      if (tokens[j - 1]!.possessive && !bodyAfter) break;
    }
    if (j === i) continue;
    // A title belongs to the name after it: "US Secretary of State" is not a description of its own.
    if (classifyRun(sentence, i, j, registry, add, base)) for (let k = i; k < j; k++) taken[k] = true;
    i = j - 1;
  }

  // "the Office of the UN Special Coordinator for Lebanon": a body's name that runs on through a name
  // the catalogue read first ("UN") is one body, not "Office of the" and a person.
  mentions.sort((a, b) => a.from - b.from);
  for (let k = 0; k + 1 < mentions.length; k++) {
    const head = mentions[k]!;
    const inner = mentions[k + 1]!;
    if (
      head.kind !== 'name' ||
      head.entity?.kind !== 'organisation' ||
      !/^(?:of|the|for)$/i.test(tokens[head.to - 1]!.text) ||
      inner.from !== head.to ||
      inner.entity?.kind !== 'organisation' ||
      inner.possessive
    )
      continue;
    let to = inner.to;
    const tail = mentions[k + 2];
    let drop = 1;
    // What follows may be a name or a title the run pass read as a description ("Special Envoy for X").
    if (tail && tail.from >= to && !tail.possessive && !tail.inQuote) {
      let g = to;
      while (g < tail.to && (tokens[g]!.capitalised || /^(?:of|for|the|and)$/.test(tokens[g]!.text))) g++;
      if (g === tail.to && tokens[tail.from]!.capitalised) {
        to = tail.to;
        drop = 2;
      }
    }
    const name = sentence.text.slice(tokens[head.from]!.start, tokens[to - 1]!.end).replace(/^the\s+/i, '');
    mentions.splice(k, drop + 1, {
      ...base(head.from, to),
      kind: 'name',
      entity: registry.other(name, 'organisation'),
    });
    for (let t = head.from; t < to; t++) taken[t] = true;
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
    // "the 62-year-old said": a person the sentence before named, referred to by age as "he" would be.
    if (/^\d{1,3}-year-old$/.test(lower) && tokens[i - 1]?.text.toLowerCase() === 'the' && !taken[i - 1]) {
      add({ ...base(i - 1, i + 1), kind: 'pronoun' });
      continue;
    }
    const singular = lower.replace(/(?<=[a-z]{3})s$/, '');
    const isRole = PERSON_ROLE_NOUNS.has(lower) || PERSON_ROLE_NOUNS.has(singular);
    const isBody = BODY_NOUNS.has(lower) || BODY_NOUNS.has(singular);
    if (!isRole && !isBody) continue;
    // A role written before a name is a title ("US special envoy Steve Witkoff"), not a description.
    if (tokens[i + 1]?.capitalised && (taken[i + 1] || (t.capitalised && i > 0))) continue;
    // "Commission President Ursula von der Leyen": a body's word opening a title before a name.
    if (
      t.capitalised &&
      tokens[i + 1]?.capitalised &&
      TITLE_WORDS.has(tokens[i + 1]!.bare.toLowerCase()) &&
      taken[i + 2]
    ) {
      continue;
    }
    // "the commission chief": a noun before another noun (or a role word the tagger calls an adjective)
    // modifies it.
    const next = tokens[i + 1];
    // "officials briefing reporters": a plural noun before a participle is the head, whatever the tagger
    // makes of "briefing".
    const participle = lower !== singular && !!next && /^\p{Ll}+ing$/u.test(next.text);
    if (
      next &&
      !next.capitalised &&
      !participle &&
      (/^(?:NOUN|PROPN)$/.test(next.pos) || PERSON_ROLE_NOUNS.has(next.bare.toLowerCase()))
    ) {
      continue;
    }
    let from = i;
    const ownerCountries: string[] = [];
    for (;;) {
      if (from === 0) break;
      if (!taken[from - 1] && isModifier(tokens[from - 1]!)) {
        from--;
        continue;
      }
      // "the White House readout", "an unnamed Kremlin official": a body or place named before the noun.
      const named = mentions.find((m) => m.to === from && m.kind === 'name' && m.entity?.kind !== 'person');
      // "a senior Trump administration official": a person's name modifying the noun stays a mention of
      // them, and is part of how the unnamed source is described.
      const personModifier = mentions.find(
        (m) => m.to === from && m.kind === 'name' && m.entity?.kind === 'person' && !m.possessive,
      );
      // "the Trump administration", "the Modi government": a leader's name before a body's noun.
      const leaderBody = isBody && !isRole && from === i;
      if (
        !named &&
        personModifier &&
        (leaderBody || (from < i && /^(?:NOUN|ADJ)$/.test(tokens[from]!.pos)))
      ) {
        from = personModifier.from;
        continue;
      }
      if (!named) break;
      if (named.possessive) {
        // "Ukraine's defence minister": the owner's country is part of the description.
        ownerCountries.push(...(named.entity?.countries ?? []));
        break;
      }
      mentions.splice(mentions.indexOf(named), 1);
      from = named.from;
    }
    const det = tokens[from - 1];
    if (det && DETERMINERS.has(det.text.toLowerCase()) && !taken[from - 1]) from--;
    // "an unnamed White House official": the article may sit before an adjective.
    const words = tokens.slice(from, i + 1).map((w) => w.bare.toLowerCase());
    const plural = lower !== singular && !isBody;
    // "His office said": the owner is whoever "his" means (the reference pass resolves it).
    const pronounOwner = isBody && /^(?:his|her)$/.test(words[0] ?? '');
    const owned = from > 0 && tokens[from - 1]!.possessive;
    const owner = owned ? mentions.find((m) => m.to === from && m.possessive)?.entity : undefined;

    const indefinite =
      plural || words.some((w) => INDEFINITE.has(w)) || (!DETERMINERS.has(words[0] ?? '') && !owned);
    // "the head of state said", "the chief of staff": the whole office is the head.
    const office =
      /^(?:head|chief)$/.test(singular) &&
      tokens[i + 1]?.text === 'of' &&
      /^(?:state|government|staff)$/.test(tokens[i + 2]?.text ?? '')
        ? `${singular} of ${tokens[i + 2]!.text}`
        : undefined;
    // "the Danish presidency of the Council of the EU": a body's noun with the named body it belongs to.
    const ofBody =
      isBody && !isRole && tokens[i + 1]?.text === 'of'
        ? mentions.find(
            (m) =>
              (m.from === i + 2 || (m.from === i + 3 && tokens[i + 2]!.text.toLowerCase() === 'the')) &&
              m.kind === 'name' &&
              m.entity &&
              m.entity.kind !== 'person' &&
              m.entity.kind !== 'place' &&
              !m.possessive,
          )
        : undefined;
    // "… of the Council of the EU" with "EU" read from the catalogue: the name goes on through it.
    const ofTail =
      ofBody && /^(?:of|the|for)$/i.test(tokens[ofBody.to - 1]!.text)
        ? mentions.find((m) => m.from === ofBody.to && m.kind === 'name' && m.entity?.kind !== 'person')
        : undefined;
    const to = office
      ? i + 3
      : ofBody
        ? (ofTail ?? ofBody).to
        : indefinite && (isRole || !isBody)
          ? postModifierEnd(tokens, i + 1, mentions, SPEAKS_FOR.has(singular))
          : i + 1;
    for (const m of [ofBody, ofTail]) if (m) mentions.splice(mentions.indexOf(m), 1);
    add({
      ...base(from, to),
      kind: 'description',
      ...(owner ? { owner } : {}),
      ...(pronounOwner ? { ownerPronoun: true } : {}),
      head: office ?? singular,
      modifiers: [
        ...ownerCountries.map((c) => c.toLowerCase()),
        ...words.slice(0, -1).filter((w) => !DETERMINERS.has(w)),
      ],
      indefinite,
    });
  }

  mentions.sort((a, b) => a.from - b.from);
  mergeOwnedBodies(mentions, registry);
  markModifiers(mentions, tokens);
  linkAppositions(mentions, tokens);
  linkNamedAs(mentions, tokens);
  return mentions;
}

/**
 * "a source briefed on the negotiations", "a Ukrainian official involved in the talks", "a member of the
 * government team": what follows an unnamed source's noun up to the verb or a comma is part of how the
 * text identifies it.
 */
/** People who speak for someone else: "a spokesperson for Prime Minister X" is named with X. */
const SPEAKS_FOR = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'aide', 'adviser', 'advisor']);

function postModifierEnd(
  tokens: Token[],
  from: number,
  mentions: readonly Mention[],
  speaksFor = false,
): number {
  const person = (k: number) => mentions.some((m) => m.from <= k && k < m.to && m.entity?.kind === 'person');
  const first = tokens[from];
  if (!first) return from;
  // "briefed on", "involved in", "familiar with", "in the delegation": a participle or adjective must
  // take a preposition, or it is the sentence's own verb ("the mediators remained …").
  const second = tokens[from + 1];
  const opens =
    first.pos === 'ADP' ||
    ((first.pos === 'ADJ' || (first.pos === 'VERB' && /(?:ed|en)$/.test(first.text))) &&
      second?.pos === 'ADP');
  // "an adviser to foreign mining investors": whom an adviser or a spokesperson speaks for is part of
  // the label, a person or not.
  const principal = speaksFor && /^(?:to|for)$/i.test(first.text);
  if (!principal && (!opens || /^(?:that|who|which|to|as|than)$/i.test(first.text))) return from;
  let k = from + 1;
  // Words, a name counting as one ("a spokesman for the Popular Front for the Renaissance of X").
  const length = () =>
    k - from - mentions.filter((m) => m.from > from && m.to <= k).reduce((n, m) => n + m.to - m.from - 1, 0);
  while (k < tokens.length && length() < 10) {
    const t = tokens[k]!;
    // "a senior official at the Ministry of Land, Water and Energy": a body's name is read whole.
    // "for Prime Minister Keir Starmer": whom a spokesperson or an aide speaks for is part of the label.
    const principal =
      speaksFor && /^(?:for|to|of)$/i.test(tokens[from]!.text)
        ? mentions.find((m) => m.from === k && m.entity?.kind === 'person')
        : undefined;
    if (principal) {
      k = principal.to;
      continue;
    }
    const body = mentions.find((m) => m.from === k && m.entity && m.entity.kind !== 'person');
    if (body) {
      k = body.to;
      continue;
    }
    if (
      t.text === ',' ||
      t.pos === 'PUNCT' ||
      t.pos === 'AUX' ||
      t.pos === 'SCONJ' ||
      /^(?:who|which|that)$/i.test(t.text) ||
      person(k)
    )
      break;
    // "familiar with the delegation's thinking": what a possessive owns is a noun, however it is tagged.
    if (tokens[k - 1]!.possessive && /^(?:VERB|NOUN)$/.test(t.pos)) {
      k++;
      continue;
    }
    // "foreign mining investors": a participle before a noun is part of the phrase.
    if (t.pos === 'VERB' && /ing$/.test(t.text) && tokens[k + 1]?.pos === 'NOUN' && k > from + 1) {
      k++;
      continue;
    }
    if (t.pos === 'VERB' && !/(?:ed|en)$/.test(t.text)) break;
    if (t.pos === 'VERB' && tokens[k - 1]!.pos !== 'ADV' && k > from + 1) break;
    k++;
  }
  if (length() >= 10) return from;
  // Never end on a word that leads into what was cut ("a farmer from the Kyrgyz district of"): the
  // phrase stops before it.
  while (k > from + 1 && /^(?:of|in|from|for|at|to|on|the|a|an|and|or)$/i.test(tokens[k - 1]!.text)) k--;
  return k;
}

/**
 * A body named with what owns it is one body with that whole name: "Colombia's Defense Ministry" (a
 * country's possessive before it), "The U.N. Security Council" (the body it belongs to, written before
 * it), never a "Security Council" of nobody's.
 */
function mergeOwnedBodies(mentions: Mention[], registry: Registry): void {
  const joined = (owner: Mention, body: Mention): string | undefined => {
    if (owner.to !== body.from || body.kind !== 'name' || body.entity?.kind !== 'organisation')
      return undefined;
    if (owner.possessive && owner.entity?.kind === 'place')
      return `${owner.text.replace(/['’]s$/, '')}'s ${body.text}`;
    if (
      !owner.possessive &&
      owner.kind === 'name' &&
      owner.entity?.kind === 'organisation' &&
      !body.entity.entry
    )
      return `${owner.text} ${body.text}`;
    return undefined;
  };
  for (let k = 1; k < mentions.length; k++) {
    const owner = mentions[k - 1]!;
    const body = mentions[k]!;
    const name = joined(owner, body);
    if (!name) continue;
    mentions.splice(k - 1, 2, {
      ...body,
      from: owner.from,
      text: name,
      entity: registry.other(name, 'organisation'),
    });
    k--;
  }
}

function isModifier(t: Token): boolean {
  if (t.text === ',' || /^(?:VERB|AUX|ADP|CCONJ|SCONJ|PRON|PUNCT|DET)$/.test(t.pos)) {
    return t.possessive;
  }
  return /^(?:ADJ|NOUN|PROPN|NUM)$/.test(t.pos) || t.possessive || countriesIn(t.bare).length > 0;
}

/**
 * "the mediating group known as the Quartet", "a body called the Contact Group", "the alliance, dubbed
 * AUKUS,": the description means the body or person the name after it gives.
 */
function linkNamedAs(mentions: Mention[], tokens: Token[]): void {
  for (const d of mentions) {
    if (d.kind !== 'description' || d.entity || d.indefinite) continue;
    let k = d.to;
    // "the coalition of creditors, known as …": the description's own "of" phrase comes first.
    if (/^(?:of|for)$/.test(tokens[k]?.text ?? '')) {
      const start = k;
      k++;
      while (k < tokens.length && k - start <= 4 && /^(?:NOUN|ADJ|PROPN|DET)$/.test(tokens[k]!.pos)) k++;
    }
    if (tokens[k]?.text === ',') k++;
    const word = tokens[k]?.text.toLowerCase();
    if (word === 'known' || word === 'also') {
      if (word === 'also' && tokens[k + 1]?.text.toLowerCase() !== 'known') continue;
      k += word === 'also' ? 2 : 1;
      if (tokens[k]?.text.toLowerCase() !== 'as') continue;
      k++;
    } else if (word === 'called' || word === 'dubbed' || word === 'named') k++;
    else continue;
    if (/^["“‘']$/.test(tokens[k]?.text ?? '')) k++;
    const name = mentions.find(
      (m) =>
        m.kind === 'name' &&
        (m.from === k || (m.from === k + 1 && /^the$/i.test(tokens[k]?.text ?? ''))) &&
        (m.entity?.kind === 'organisation' || m.entity?.kind === 'person'),
    );
    const e = name?.entity;
    if (!e) continue;
    // "the group known as the Quartet": one word the text never completes, named as a body is, is a body.
    if (
      e.kind === 'person' &&
      e.partial &&
      d.head &&
      BODY_NOUNS.has(d.head) &&
      /^the$/i.test(tokens[k]?.text ?? '')
    ) {
      e.kind = 'organisation';
      e.partial = false;
    }
    d.entity = e;
  }
}

/**
 * "Kirill Dmitriev, Russian President Vladimir Putin's special envoy," and "the minister's
 * spokesperson, Anna Novak,": a name and a description set off by commas mean one person.
 */
function linkAppositions(mentions: Mention[], tokens: Token[]): void {
  const segmentEnd = (from: number) => {
    let k = from;
    // "the Chatham House think tank": a word the tagger calls a verb between two nouns is a compound's.
    const compound = (k: number) =>
      /^(?:PROPN|NOUN)$/.test(tokens[k - 1]?.pos ?? '') && tokens[k + 1]?.pos === 'NOUN';
    while (
      k < tokens.length &&
      !/^[,.;]$/.test(tokens[k]!.text) &&
      (!/^(?:VERB|AUX)$/.test(tokens[k]!.pos) || compound(k))
    )
      k++;
    return k;
  };
  // ", the UAW vice president who led bargaining,": the role ends where its relative clause begins.
  const relativeAt = (k: number) => /^(?:who|whose)$/i.test(tokens[k]?.text ?? '');
  for (const a of mentions) {
    if (a.possessive) continue;
    // "France's minister for Europe, Benjamin Haddad,": the role's own "for"/"of" phrase comes first.
    let end = a.to;
    if (a.kind === 'description' && /^(?:for|of)$/.test(tokens[end]?.text ?? '')) {
      let k = end + 1;
      // "acting director of media and public affairs"
      while (
        k < tokens.length &&
        k - end <= 6 &&
        (/^(?:NOUN|ADJ|PROPN|DET)$/.test(tokens[k]!.pos) || (tokens[k]!.text === 'and' && k > end + 1))
      )
        k++;
      if (k > end + 1) end = k;
    }
    if (tokens[end]?.text !== ',') continue;
    // ", and Donald Trump's special envoy, Steve Witkoff": the next item of a list, not a description.
    if (/^(?:and|or|but|while)$/i.test(tokens[end + 1]?.text ?? '')) continue;
    const from = end + 1;
    let to = segmentEnd(from);
    const relative = tokens.slice(from, to).findIndex((_, n) => relativeAt(from + n));
    if (relative > 0) to = from + relative;
    const closed =
      to >= tokens.length || tokens[to]!.text === ',' || tokens[to]!.text === '.' || relativeAt(to);
    // "Wang Yi, a member of the Political Bureau of the … Central Committee and Chinese foreign minister,":
    // a longer aside when it is all names and nouns (no verb ends it early).
    if (!closed || to - from > (a.kind === 'name' ? 24 : 12)) continue;
    const inside = mentions.filter((m) => m.from >= from && m.to <= to && !m.possessive);
    // "The chair of the talks, Ecuadorian diplomat Ana Ruiz,": the person, not the country before her name.
    const b =
      (a.kind === 'description'
        ? // Not a name that only modifies ("…, one of the factions of the former Seleka rebel alliance,").
          inside.find((m) => m.kind === 'name' && m.entity?.kind === 'person' && !m.modifier)
        : undefined) ??
      inside.find((m) => m.kind !== a.kind && !m.modifier) ??
      inside.find((m) => !m.modifier);
    if (!b) continue;
    // "by CDU leader Merz, Bavarian premier and CSU chief Markus Söder and …": a list of people, each
    // with their own title, not a name and its description.
    if (a.kind === 'name' && inside.some((m) => m.kind === 'name' && m.entity?.kind === 'person' && m !== a))
      continue;
    const name = a.kind === 'name' ? a : b.kind === 'name' ? b : undefined;
    const description = a.kind === 'description' ? a : b.kind === 'description' ? b : undefined;
    const person = name?.entity;
    // "The main opposition coalition, Juntos por el Cambio,": a body's noun and the body's name.
    if (
      person?.kind === 'organisation' &&
      description &&
      !description.entity &&
      description.head &&
      BODY_NOUNS.has(description.head)
    ) {
      description.entity = person;
      continue;
    }
    if (person?.kind !== 'person' || !description || description.entity) continue;
    description.entity = person;
    // "DB's board member for personnel, Martin Seiler,": the role with its own "for"/"of" phrase.
    const roleText =
      description === a && end > a.to
        ? `${description.text}${tokens
            .slice(a.to, end)
            .map((t) => ` ${t.text}`)
            .join('')}`
        : description.text;
    addRole(person, roleText);
    // "…, a member of the bureau and Chinese foreign minister,": each role the aside joins with "and".
    if (a.kind === 'name')
      for (const other of inside) {
        if (other === description || other.kind !== 'description' || other.entity) continue;
        if (tokens[other.from - 1]?.text.toLowerCase() !== 'and') continue;
        other.entity = person;
        addRole(person, other.text);
      }
  }
}
