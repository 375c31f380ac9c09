// Descriptions and bodies: whom "the US president", "the chancellor", "a senior official", "the two
// mission chiefs" or "the statement" means. A person description means the most recently met person whose
// roles fit its head noun and modifiers (roles from the text's introductions and from the catalogue on
// the publication day); a body or document description means the body the text named, or the document's
// issuer. Used by the reference pass (coref.ts).
import type { Analysis, Entity, Mention, Sentence } from './analysis-types';
import { BODY_NOUNS, countriesIn, countryFor, PERSON_ROLE_NOUNS } from './lexicon';
import { rolesAt } from './roles';

/** A head noun and the role words it can stand for. */
const OMBUDSMAN = ['ombudsman', 'ombudsperson', 'commissioner for human rights', 'human rights commissioner'];

export const HEADS: Record<string, string[]> = {
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
  diplomat: [
    'foreign minister',
    'secretary of state',
    'ambassador',
    'diplomat',
    'envoy',
    'foreign policy chief',
    'high representative',
    'foreign ministry',
    'foreign affairs',
    'foreign office',
  ],
  ambassador: ['ambassador'],
  pontiff: ['pope', 'pontiff'],
  pope: ['pope', 'pontiff'],
  ombudsman: OMBUDSMAN,
  ombudsperson: OMBUDSMAN,
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
export const ANONYMOUS_HEADS = new Set([
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
  'executive',
  'lawyer',
  'insider',
  // People the text describes by their work or place ("one machinist with two decades at the plant").
  'machinist',
  'worker',
  'nurse',
  'doctor',
  'teacher',
  'pilot',
  'driver',
  'engineer',
  'farmer',
  'miner',
  'resident',
  'voter',
  'employee',
  'protester',
  'staffer',
  // People in markets ("a portfolio manager at a Buenos Aires firm").
  'manager',
  'trader',
  'banker',
  'investor',
]);

/** A definite description names someone the reader met recently: within this many paragraphs. */
export const RECENT_PARAGRAPHS = 2;
export const SPECIFIC_PARAGRAPHS = 8;

/** Modifiers that say nothing about which role is meant. */
export const NEUTRAL = new Set([
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
  'retired',
  // Politics and temper, not the office: "the nationalist premier", "the embattled chancellor".
  'nationalist',
  'conservative',
  'populist',
  'liberal',
  'socialist',
  'centrist',
  'moderate',
  'reformist',
  'right-wing',
  'left-wing',
  'far-right',
  'far-left',
  'hardline',
  'hard-line',
  'embattled',
  'outspoken',
]);

/** Ranks that qualify a head without naming another role: a lieutenant general is a general. */
const RANKS: Record<string, string[]> = {
  general: ['lieutenant', 'major', 'brigadier'],
  admiral: ['rear', 'vice'],
};

export interface Seen {
  entity: Entity;
  sentence: number;
  paragraph: number;
  /** The head noun when the entity was met as a description ("official"). */
  head?: string | undefined;
}

/** Words that say which portfolio a role is, not whose it is ("the Foreign Secretary"). */
const PORTFOLIO = new Set(
  (
    'foreign defense defence finance interior home trade economy economic justice health energy security ' +
    'national press prime deputy vice first general state affairs commerce agriculture labour labor ' +
    'education culture transport environment climate chief special senior top'
  ).split(' '),
);

/** The description names a country or an institution ("the Indian foreign secretary", "the Kremlin aide"). */
function placed(m: Mention, modifiers: readonly string[]): boolean {
  return modifiers.some(
    (w) =>
      countryFor(w) !== undefined ||
      (!PORTFOLIO.has(w) && new RegExp(`(?<![\\p{L}])\\p{Lu}${w.slice(1)}(?![\\p{L}])`, 'u').test(m.text)),
  );
}

/** British and American spellings of role words read alike ("defence"/"defense"). */
export function spelling(text: string): string {
  return text
    .replace(/\bdemocratic\b/g, 'democrat')
    .replace(/\bpresidential\b/g, 'president')
    .replace(/\bministerial\b/g, 'minister')
    .replace(/\bsen\.(?=\s|$)/g, 'senator')
    .replace(/\brep\.(?=\s|$)/g, 'representative')
    .replace(/\bgov\.(?=\s|$)/g, 'governor')
    .replace(/\bgen\.(?=\s|$)/g, 'general')
    .replace(/defence/g, 'defense')
    .replace(/organis/g, 'organiz')
    .replace(/programme/g, 'program');
}

export function personDescription(m: Mention): boolean {
  return (
    m.kind === 'description' && !!m.head && (headRoles(m.head) !== undefined || ANONYMOUS_HEADS.has(m.head))
  );
}

/**
 * "officials familiar with the talks", "Ministers", "leaders": many people, whom a later "he" never
 * means; "a senior official at the Ministry" is one.
 */
export function pluralDescription(m: Mention): boolean {
  if (!m.head) return false;
  return new RegExp(`\\b${m.head}s\\b`, 'i').test(m.text) && !new RegExp(`\\b${m.head}\\b`, 'i').test(m.text);
}

/** An unnamed source the text describes, named by its description ("Ukrainian official involved in…"). */
export function anonymous(m: Mention): Entity {
  const name = sourceLabel(
    m.text.replace(/^(?:a|an|one|some|several|two|three|four)\s+/i, '').trim(),
    m.head,
  );
  const plural = pluralDescription(m);
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
 * An unnamed source is named by what they are ("Qatari official"), not by what the report says they were
 * doing ("involved in the mediation", "familiar with the talks"), unless the label would be a bare noun;
 * where they sit stays ("a source in the delegation").
 */
export function sourceLabel(text: string, head: string | undefined): string {
  if (!head) return text;
  const cut = new RegExp(
    `^(.*?\\b${head}s?)\\s+(?:\\p{Ll}+(?:ing|ed)\\b|familiar\\b|close to\\b|who\\b|with (?:direct )?knowledge\\b)`,
    'u',
  ).exec(text);
  if (!cut) return text;
  // "a source familiar with the negotiations": a bare "source" or "person" says nothing of who they are,
  // so what the text says of them stays.
  if (/^\S+$/.test(cut[1]!.trim()) && text.split(/\s+/).length <= 8) return text;
  return cut[1]!;
}

/**
 * "the NSDC secretary" for the secretary of the National Security and Defense Council: the initials of
 * each role's words (joiners skipped), so an acronym before a role word can be matched to them.
 */
function initialsOf(roles: string): string {
  return roles
    .split(/\s*;\s*/)
    .map((r) =>
      r
        .split(/[\s-]+/)
        .filter((w) => w && !/^(?:of|the|and|for|on|in)$/.test(w))
        .map((w) => w[0])
        .join(''),
    )
    .join(' ');
}

/** "Egyptian security sources" → "Egyptian security source" (for "one of them said"). */
export function singular(name: string, head?: string): string {
  return head ? name.replace(new RegExp(`\\b${head}s\\b`), head) : name;
}

export function resolveDescription(
  a: Analysis,
  m: Mention,
  seen: readonly Seen[],
  paragraph: number,
  lastSpeaker?: Entity,
  previousSubject?: Entity,
): Entity | undefined {
  const head = m.head ?? '';
  const wanted = headRoles(head);
  if (!wanted) return undefined;
  const modifiers = (m.modifiers ?? [])
    // "the American-born pontiff", "the Oxford-educated minister": a life story, not the office.
    .filter((w) => !NEUTRAL.has(w) && !RANKS[head]?.includes(w) && !/-(?:born|educated|bred|raised)$/.test(w))
    .map(spelling);
  /** `unknownCountry`: a country word fits someone whose country the text never gave. */
  const fits = (
    roles: readonly string[],
    countries: readonly string[],
    unknownCountry = false,
    anyRole = false,
  ) => {
    const text = spelling(roles.join(' ; ').toLowerCase());
    // "the president" is not the vice-president (but a deputy minister is a diplomat).
    const deputy = modifiers.some((w) => w === 'vice' || w === 'deputy');
    // "the minister" is not the prime minister unless the text says so.
    const prime = modifiers.includes('prime');
    // "aide to the Russian president" holds no presidency: the office a role serves is not the role.
    const holds = (w: string) =>
      new RegExp(
        `${deputy || head === 'diplomat' ? '' : '(?<!vice[- ]|deputy )'}${w === 'minister' && !prime ? '(?<!prime )' : ''}(?<!\\b(?:to|for) (?:the )?(?:[a-z-]+ ){0,2})\\b${w}\\b`,
      ).test(text);
    if (wanted.length > 0 && !wanted.some(holds) && !(anyRole && roles.length > 0)) return false;
    for (const w of modifiers) {
      const country = countryFor(w);
      if (country) {
        const open = unknownCountry && countries.length === 0;
        if (!countries.includes(country) && !text.includes(w) && !open) return false;
      } else if (!text.includes(w.replace(/s$/, '')) && !initialsOf(text).includes(w) && !ownBody(w, roles))
        return false;
    }
    return true;
  };
  /**
   * "the union's president" for "UAW President Shawn Fain": a body the text named is in the role, by its
   * initials ("UAW" for the United Auto Workers) or by a name that has the noun ("the … union").
   */
  const ownBody = (w: string, roles: readonly string[]) => {
    if (!BODY_NOUNS.has(w)) return false;
    const roleText = roles.join(' ; ');
    return a.entities.some((e) => {
      if (e.kind !== 'organisation') return false;
      const initials = e.name
        .split(/[\s-]+/)
        .filter((x) => /^\p{Lu}/u.test(x))
        .map((x) => x[0])
        .join('');
      const named = new RegExp(`\\b${w}\\b`, 'i').test(e.name) && roleText.includes(e.name);
      return named || (initials.length >= 2 && new RegExp(`\\b${initials}\\b`).test(roleText));
    });
  };
  // "President Donald Trump … the US president said", with no catalogue: the one president whose country
  // the text never gave, when nobody fits outright.
  const open = new Set<Entity>();
  // "Ford, for his part, was unrepentant. The premier said …": the person the sentence before was about,
  // when the role fits them, before whoever spoke last.
  // "Kremlin Spokesman Dmitry Peskov said … '…,' the Kremlin official said": "official" is any office,
  // so it fits the one just named or speaking whatever their role, unless an unnamed official is about.
  // The one unnamed source described with this noun ("a senior US official who briefed reporters"), who
  // a later "the official" still means several paragraphs on.
  const unnamed = new Set(
    seen
      .filter(
        (x) =>
          x.entity.kind === 'group' &&
          x.head === head &&
          !x.entity.roles.includes('plural') &&
          paragraph - x.paragraph <= SPECIFIC_PARAGRAPHS,
      )
      .map((x) => x.entity),
  );
  const onlyUnnamed = ANONYMOUS_HEADS.has(head) && unnamed.size === 1 ? [...unnamed][0] : undefined;
  const anyRole =
    head === 'official' &&
    !onlyUnnamed &&
    !seen.some(
      (x) => x.entity.kind === 'group' && x.head === head && paragraph - x.paragraph <= RECENT_PARAGRAPHS,
    );
  if (
    previousSubject?.kind === 'person' &&
    !previousSubject.reporter &&
    !previousSubject.partial &&
    wanted.length > 0 &&
    fits(previousSubject.roles, previousSubject.countries, false, anyRole)
  )
    return previousSubject;
  // "Erdoğan said he had spoken to President Putin. Shoigu had then called Akar, the president said":
  // a bare role word that fits the one who is speaking means them, not a person they mentioned since.
  if (
    lastSpeaker?.kind === 'person' &&
    !lastSpeaker.reporter &&
    wanted.length > 0 &&
    fits(lastSpeaker.roles, lastSpeaker.countries, false, anyRole) &&
    seen.some((x) => x.entity === lastSpeaker && paragraph - x.paragraph <= RECENT_PARAGRAPHS)
  ) {
    return lastSpeaker;
  }
  // "An Israeli official disputed that account. '…,' the official said": the unnamed source last
  // described with the same noun, even when another source was mentioned since.
  if (ANONYMOUS_HEADS.has(head)) {
    const same = seen.findLast(
      (x) =>
        x.entity.kind === 'group' &&
        x.head === head &&
        paragraph - x.paragraph <= RECENT_PARAGRAPHS &&
        modifiers.every((w) => x.entity.name.toLowerCase().includes(w)),
    );
    if (same) return same.entity;
    if (
      onlyUnnamed &&
      head === 'official' &&
      modifiers.every((w) => onlyUnnamed.name.toLowerCase().includes(w))
    )
      return onlyUnnamed;
  }
  // Most recent first; a description means someone the reader has met lately: a named person whose
  // roles fit, or an unnamed source first described with the same noun ("a senior official" … "the
  // official said").
  for (let k = seen.length - 1; k >= 0; k--) {
    const { entity: e, paragraph: at, head: metAs } = seen[k]!;
    // "the official" means someone met lately; "the Qatari prime minister" is specific enough to reach
    // further back.
    if (paragraph - at > ((m.modifiers ?? []).length > 0 ? SPECIFIC_PARAGRAPHS : RECENT_PARAGRAPHS)) break;
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
  // "Bougainville President Ishmael Toroama …" and, five paragraphs on, "The President said": an office
  // only one person in the text so far holds means them further back than a word for anyone would.
  if (wanted.length > 0) {
    const holders = new Set(
      seen
        .filter(
          (x) =>
            x.entity.kind === 'person' &&
            !x.entity.reporter &&
            !x.entity.partial &&
            paragraph - x.paragraph <= SPECIFIC_PARAGRAPHS &&
            fits(x.entity.roles, x.entity.countries),
        )
        .map((x) => x.entity),
    );
    const everyone = new Set(seen.filter((x) => x.entity.kind === 'person').map((x) => x.entity));
    const holder = [...holders][0];
    if (holders.size === 1 && holder && [...everyone].filter((e) => fits(e.roles, e.countries)).length === 1)
      return holder;
  }
  // "Zelenskyy … argued that Putin moves only under pressure. '…,' the Ukrainian leader said": the one
  // speaking, whom the text gave no role or country to contradict, before someone who fits only because
  // the text never said where they are from.
  if (
    lastSpeaker?.kind === 'person' &&
    !lastSpeaker.reporter &&
    !lastSpeaker.partial &&
    lastSpeaker.roles.length === 0 &&
    lastSpeaker.countries.length === 0 &&
    seen.some((x) => x.entity === lastSpeaker && x.paragraph === paragraph)
  )
    return lastSpeaker;
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
  const met = a.entities.find((e) => e.entry === entry);
  // Someone the report never names is only meant when the description says whose office it is: "the
  // Indian foreign secretary", "the Kremlin aide" may be the catalogue's; "the foreign secretary" of a
  // London meeting is not the one foreign secretary the catalogue happens to know.
  if (!met && !placed(m, modifiers)) return undefined;
  return (
    met ?? {
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

/**
 * "the joint statement" after "a joint US-Ukraine statement": the same document, named as fully as the
 * text ever named it.
 */
export function earlierBody(
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
  // "The ELN … blamed the dissidents. '…,' the group said": a word for any body means the one the
  // sentence before was about, even when the text called another body a "group" earlier; so does one
  // that only describes it ("the Palestinian militant group", "the Iran-backed movement"), unless it
  // sets another body against it ("the rival group").
  if (
    previous?.kind === 'organisation' &&
    ![...mine].some((w) => CONTRASTING.test(w)) &&
    !m.owner &&
    /^(?:group|organi[sz]ation|movement|body)$/.test(m.head ?? '')
  )
    return previous;
  for (let k = bodies.length - 1; k >= 0; k--) {
    const b = bodies[k]!;
    if (b.head !== m.head || (b.modifiers ?? []).length <= mine.size) continue;
    if (![...mine].every((w) => b.modifiers?.includes(w))) continue;
    return b.entity ?? bodyEntity(b);
  }
  // "the ministry" after "Egypt's Ministry of Water Resources and Irrigation".
  // Not "his office" after "the Office of the UN Coordinator": an owned body is the owner's own.
  const head = m.head ?? '';
  for (let k = m.owner ? -1 : orgs.length - 1; k >= 0; k--) {
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

/** Modifiers that set a body against the one just named: "the rival group", "another movement". */
const CONTRASTING =
  /^(?:other|another|rival|second|third|new|splinter|breakaway|smaller|larger|opposing|allied)$/;

/** Documents a text may quote without having named them before ("the statement said"). */
export const DOCUMENTS = new Set([
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
export const UNKNOWN: Entity = {
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
export function recentSpeaker(m: Mention, s: Sentence): Entity | undefined {
  const last = s.context.lastSpeaker;
  if (last?.entity.kind !== 'person' || last.entity.partial) return undefined;
  if (s.paragraph - last.paragraph > RECENT_PARAGRAPHS || !m.head || !headRoles(m.head)) return undefined;
  if (last.entity.roles.length === 0) return last.entity;
  // "COP president Ana Lima said …" then, a paragraph on, "'…,' the Brazilian diplomat said": a word for
  // what someone is by trade, not an office, that no one in the text was given, names the one who just
  // spoke, unless its country sets them apart.
  // "DB's board member for personnel, Martin Seiler, said …" then "'…,' the personnel chief added": a
  // description that repeats a word of the speaker's own role (not a country or a rank) means them.
  const roleWords = new Set(
    last.entity.roles.flatMap((r) => r.toLowerCase().split(/[^\p{L}-]+/u)).filter((w) => w.length > 3),
  );
  const shared = (m.modifiers ?? []).filter(
    (w) => w.length > 3 && roleWords.has(w) && !countryFor(w) && !NEUTRAL.has(w) && !TITLE_LIKE.test(w),
  );
  if (shared.length > 0 && s.paragraph - last.paragraph <= 1) return last.entity;
  // "the former Nigerian president": an office once held says nothing of the one held now.
  const former = (m.modifiers ?? []).some((w) => /^(?:former|ex|onetime|one-time|retired)$/.test(w));
  if ((!CALLINGS.has(m.head) && !former) || s.paragraph - last.paragraph > 1) return undefined;
  // "the California Republican": a party is a calling too, unless the speaker's is another one.
  const party = PARTY_CALLING.test(m.head) ? m.head : undefined;
  if (
    party &&
    last.entity.roles.some(
      (r) =>
        new RegExp(`\\b(?:${PARTY_CALLING.source.slice(4, -2)})`, 'i').test(r) &&
        !r.toLowerCase().includes(party),
    )
  )
    return undefined;
  const countries = (m.modifiers ?? []).map((w) => countryFor(w)).filter(Boolean);
  // Where they are from: their name's country or their roles' ("Chile's chief adviser").
  const theirs = [...last.entity.countries, ...last.entity.roles.flatMap((r) => countriesIn(r))];
  if (countries.length > 0 && theirs.length > 0 && !countries.some((c) => theirs.includes(c!)))
    return undefined;
  return last.entity;
}

/** A party's member ("the California Republican", "the francophone Socialist"). */
const PARTY_CALLING =
  /^(?:republican|democrat|socialist|conservative|liberal|communist|nationalist|centrist|tory)$/;

/** Words of rank or standing that many roles share ("senior", "chief"): no evidence of one role. */
const TITLE_LIKE =
  /^(?:senior|junior|chief|deputy|vice|acting|former|top|lead|principal|head|general|national|federal|state)$/;

/** What people are by trade or standing, which any office holder may also be called. */
const CALLINGS = new Set([
  'diplomat',
  'politician',
  'veteran',
  'campaigner',
  'activist',
  'economist',
  'lawyer',
  'academic',
  'scholar',
  'technocrat',
  'executive',
  'businessman',
  'businesswoman',
  'negotiator',
  'delegate',
  'lawmaker',
  'republican',
  'democrat',
  'socialist',
  'conservative',
  'liberal',
  'communist',
  'nationalist',
  'centrist',
  'tory',
]);

export function bodyEntity(m: Mention): Entity {
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

export function isBody(m: Mention): boolean {
  return !!m.head && !headRoles(m.head);
}

/**
 * The role words a description's head noun can stand for: the table above, else the noun itself when it
 * names a role a person holds ("the mayor", "the chair", "the prosecutor").
 */
export function headRoles(head: string): string[] | undefined {
  if (head in HEADS) return HEADS[head];
  return PERSON_ROLE_NOUNS.has(head) && !BODY_NOUNS.has(head) ? [head] : undefined;
}
