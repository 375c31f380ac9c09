// The document's entities: one object per person, body, place or outlet, whether the catalogue knows it
// or the text introduces it, with the surnames that point back to a full name. Also the evidence the
// whole report gives about names one sentence could not settle ("Trump had claimed…" makes "the big
// Donald Trump surprise" a person).

import type { ActorEntry } from '../catalogue';
import type { Analysis, Entity, EntityKind, Mention, Sentence } from './analysis-types';
import {
  countriesIn,
  countryFor,
  HONORIFICS,
  isPlace,
  NAME_PARTICLES,
  NON_PERSON_TAILS,
  NOT_NAME_WORDS,
} from './lexicon';
import { markModifiers } from './names';
import { rolesAt } from './roles';
import { escapeRegExp } from './text';

/**
 * Evidence from the rest of the report: "Donald Trump" in "the big Donald Trump surprise" is a person
 * because "Trump had claimed credit" uses the surname as a subject; and once a person is known, a
 * surname on its own anywhere ("Trump, who …") is a mention of them. A single capitalised word that acts
 * as a subject but completes no known name is a partial name: resolvable as "he", never shown.
 */
export function promoteByUse(analysis: Analysis, registry: Registry): void {
  const free = (s: Sentence, i: number) => !s.mentions.some((m) => m.from <= i && i < m.to);
  const actsAsSubject = (s: Sentence, i: number) => {
    const next = s.tokens[i + 1];
    const after = next?.pos === 'ADV' ? s.tokens[i + 2] : next;
    return !!after && /^(?:VERB|AUX)$/.test(after.pos) && !/ing$/.test(after.text);
  };
  const subjectWords = new Set<string>();
  for (const s of analysis.sentences) {
    s.tokens.forEach((t, i) => {
      // A word already read as a name of its own ("Machado called …") also counts.
      const partial = s.mentions.some((m) => m.from === i && m.to === i + 1 && m.entity?.partial);
      if (t.capitalised && (free(s, i) || partial) && actsAsSubject(s, i) && !s.quoted[i])
        subjectWords.add(t.bare);
    });
  }
  for (const p of registry.pending) {
    const s = analysis.sentences[p.sentence]!;
    const parts = p.name.split(/\s+/);
    const usedAsSubject =
      subjectWords.has(parts.at(-1)!) || registry.longerFormOf(p.name) || registry.usedAlone(parts.at(-1)!);
    // "the whole of the Campo de Gibraltar": a name after "the" is a place's or a body's, not a person's.
    const article = /^the$/i.test(s.tokens[p.from - 1]?.text ?? '');
    if (parts.length < 2 || !usedAsSubject || !free(s, p.from) || article) continue;
    const entity = registry.person(p.name);
    s.mentions.push(mention(s, p.from, p.to, entity));
    s.mentions.sort((x, y) => x.from - y.from);
  }
  for (const s of analysis.sentences) {
    let added = false;
    s.tokens.forEach((t, i) => {
      if (
        !t.capitalised ||
        s.quoted[i] ||
        !free(s, i) ||
        !/^\p{L}/u.test(t.text) ||
        NOT_NAME_WORDS.has(t.bare.toLowerCase())
      )
        return;
      if (isPlace(t.bare) || NON_PERSON_TAILS.has(t.bare.toLowerCase()) || t.text.length < 2) return;
      // "Hezbollah has said …" before "Hezbollah said in a statement": the body the text names elsewhere.
      const known = registry.bySurname(t.bare) ?? registry.organisationNamed(t.bare);
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
export class Registry {
  /** Capitalised runs that may be names but had no evidence in their own sentence. */
  readonly pending: Array<{ sentence: number; from: number; to: number; name: string }> = [];
  private readonly byKey = new Map<string, Entity>();
  private readonly surnames = new Map<string, Entity | null>();
  private readonly firstNames = new Map<string, Entity | null>();
  /** "Lula" in "Luiz Inácio Lula da Silva": a part between the first and the last. */
  private readonly middleNames = new Map<string, Entity | null>();

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
        // "Pope Leo XIV", "King Abdullah II": a title that is part of how the person is named is a role too.
        roles: parts.length > 1 && HONORIFICS.has(parts[0]!.toLowerCase()) ? [parts[0]!.toLowerCase()] : [],
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

  /** A body the text has named exactly so ("Hezbollah said in a statement"). */
  organisationNamed(name: string): Entity | undefined {
    return this.byKey.get(`organisation:${name}`);
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

  /**
   * The person introduced in full whom one part of a name means, when only one person has it: the
   * last name ("Rubio"), or the first where naming customs put the family name first or use the given
   * name ("Wang" for Wang Yi, "Anwar" for Anwar Ibrahim, "Abiy" for Abiy Ahmed).
   */
  bySurname(part: string): Entity | undefined {
    const last = this.surnames.get(part);
    if (last !== undefined) return last ?? undefined;
    // "Israel" for Israel Katz, "Jordan" for Jordan Bardella: alone, a given name that is also a
    // country or a place means the place.
    if (isPlace(part) || countryFor(part)) return undefined;
    return this.firstNames.get(part) ?? this.middleNames.get(part) ?? undefined;
  }

  /** Every person introduced in full whose last name is `part` ("Martin": Micheál and Catherine Martin). */
  allWithSurname(part: string): Entity[] {
    return this.all().filter(
      (e) =>
        e.kind === 'person' &&
        !e.partial &&
        e.name
          .split(/\s+/)
          .filter((p) => !GENERATION.test(p))
          .at(-1) === part,
    );
  }

  /** The text used this word alone as a person's name it never completed ("said Wright"). */
  usedAlone(part: string): boolean {
    return this.byKey.get(`txt:${part}`)?.partial === true;
  }

  /** Some person's name of two or more words is the end of `name` ("Luis Ortega Salvatierra"). */
  longerFormOf(name: string): boolean {
    return this.all().some((e) => e.kind === 'person' && isShortForm(e.name, name));
  }

  /**
   * "Ortega Salvatierra" and "Luis Ortega Salvatierra", "Castillo Ruiz" and "Ana María Castillo Ruiz":
   * a family name of two or more words means the one person the text names in full with it, whichever
   * the text met first; likewise an acronym of one body's initials. Mentions of the short form are moved
   * to the full one.
   */
  mergeShortForms(analysis: Analysis): void {
    /** "the Foreign Ministry" and "the Ministry of Foreign Affairs of Armenia". */
    const sameMinistry = (short: string, full: string) => {
      const m = /^(?:the\s+)?(\p{L}+) Ministry$/iu.exec(short);
      return (
        !!m && new RegExp(`^(?:the\\s+)?Ministry of ${escapeRegExp(m[1]!)}(?: Affairs)?\\b`, 'i').test(full)
      );
    };
    const people = this.all().filter((e) => e.kind === 'person' && !e.partial && !e.entry);
    const into = new Map<Entity, Entity>();
    /** Where each entity is first named. */
    const firstAt = new Map<Entity, number>();
    for (const sentence of analysis.sentences)
      for (const m of sentence.mentions)
        if (m.entity && !firstAt.has(m.entity)) firstAt.set(m.entity, sentence.index);
    for (const short of people) {
      const longer = people.filter(
        (e) =>
          e !== short &&
          (isShortForm(short.name, e.name) ||
            isHonorificShortForm(short.name, e.name) ||
            isGivenNamesForm(short.name, e.name)),
      );
      // "De Croo" when the text names Alexander De Croo and, later, his father Herman De Croo: each use
      // means the one named most recently before it; a use before either is named means nobody sure.
      if (longer.length > 1) {
        for (const sentence of analysis.sentences) {
          for (const m of sentence.mentions) {
            if (m.entity !== short) continue;
            const before = longer
              .filter((e) => (firstAt.get(e) ?? Number.POSITIVE_INFINITY) <= sentence.index)
              .sort((x, y) => firstAt.get(y)! - firstAt.get(x)!);
            m.entity = before[0] ?? { ...short, partial: true };
          }
        }
        short.partial = true;
        continue;
      }
      if (longer.length !== 1) continue;
      const full = longer[0]!;
      for (const r of short.roles) if (!full.roles.includes(r)) full.roles.push(r);
      for (const c of short.countries) if (!full.countries.includes(c)) full.countries.push(c);
      into.set(short, full);
    }
    // "WGA" and "Writers Guild of America", "DUP" and "Democratic Unionist Party": an acronym made of
    // the initials of exactly one body the text names in full is that body.
    const bodies = this.all().filter((e) => e.kind === 'organisation');
    for (const short of bodies) {
      // "the Foreign Ministry" after "the Afghan Foreign Ministry": the one body whose name ends so.
      // "the Coordination Headquarters" after "the Coordination Headquarters for the Treatment of …".
      const fuller = bodies.filter(
        (e) =>
          e !== short &&
          !e.entry &&
          (isShortForm(short.name, e.name) ||
            (/\s/.test(short.name) && new RegExp(`^${escapeRegExp(short.name)} (?:of|for) `).test(e.name)) ||
            sameMinistry(short.name, e.name)),
      );
      if (fuller.length === 1 && !short.entry) {
        into.set(short, fuller[0]!);
        continue;
      }
      if (!/^\p{Lu}{2,6}$/u.test(short.name)) continue;
      const full = bodies.filter((e) => e !== short && initials(e.name) === short.name);
      if (full.length === 1) into.set(short, full[0]!);
    }
    // "Junts" after "Junts per Catalunya": a word the text never completes as a person's name that
    // opens exactly one body's name is that body.
    for (const short of this.all()) {
      if (short.kind !== 'person' || !short.partial || short.entry || /\s/.test(short.name)) continue;
      const opens = bodies.filter((b) => b.name.startsWith(`${short.name} `));
      if (opens.length === 1) into.set(short, opens[0]!);
    }
    if (into.size === 0) return;
    for (const sentence of analysis.sentences) {
      for (const m of sentence.mentions) if (m.entity && into.has(m.entity)) m.entity = into.get(m.entity)!;
    }
    for (const [key, e] of this.byKey) if (into.has(e)) this.byKey.set(key, into.get(e)!);
  }

  private noteSurname(e: Entity): void {
    if (e.kind !== 'person') return;
    // "J. David Cox Sr.": a generational suffix is no surname.
    const parts = e.name.split(/\s+/).filter((p) => !HONORIFICS.has(p.toLowerCase()) && !GENERATION.test(p));
    if (parts.length < 2) return;
    const note = (map: Map<string, Entity | null>, key: string) => {
      const seen = map.get(key);
      if (seen === undefined) map.set(key, e);
      else if (seen !== e) map.set(key, null);
    };
    note(this.surnames, parts.at(-1)!);
    note(this.firstNames, parts[0]!);
    for (const middle of parts.slice(1, -1)) {
      if (/^\p{Lu}/u.test(middle) && middle.length > 2) note(this.middleNames, middle);
    }
  }
}

/** "Ortega Salvatierra" is the end of "Luis Ortega Salvatierra", word for word. */
function isShortForm(short: string, full: string): boolean {
  // "Von der Leyen" opening a sentence is "Ursula von der Leyen": a particle's case does not matter.
  return (
    short.split(/\s+/).length >= 2 &&
    full.length > short.length &&
    full.toLowerCase().endsWith(` ${short.toLowerCase()}`)
  );
}

/**
 * "Mr Abdul Rahim" for "Abdul Rahim Noor": where the family name is the father's, people are called by
 * their given names, two words or more that open the full name (never a particle such as "bin").
 */
function isGivenNamesForm(short: string, full: string): boolean {
  const parts = short.split(/\s+/);
  const names = full.split(/\s+/).filter((p) => !HONORIFICS.has(p.toLowerCase()));
  return (
    parts.length >= 2 &&
    names.length > parts.length &&
    names.slice(0, parts.length).join(' ') === short &&
    !new RegExp(`^(?:${NAME_PARTICLES}|de|van|von|la|le|da|di|del)$`, 'i').test(parts.at(-1)!)
  );
}

/** A generational suffix ("Jr.", "Sr.", "III"): part of a name, never its surname. */
const GENERATION = /^(?:Jr|Sr)\.?$|^(?:II|III|IV)$/;

/** "Sheikh Rashid" for "Sheikh Rashid bin Saeed Al Mansour": an honorific and the given name. */
function isHonorificShortForm(short: string, full: string): boolean {
  const parts = short.split(/\s+/);
  if (parts.length !== 2 || !HONORIFICS.has(parts[0]!.toLowerCase())) return false;
  const names = full.split(/\s+/).filter((p) => !HONORIFICS.has(p.toLowerCase()));
  return names.length >= 2 && names[0] === parts[1];
}

/** "Alliance of Motion Picture and Television Producers" → "AMPTP" (capitalised words only). */
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}
