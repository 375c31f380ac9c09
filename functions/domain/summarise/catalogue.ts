// The reference data the summariser reads (people, organisations and news outlets with their spellings,
// sides and the roles they held over time), passed in rather than imported so the same code serves any
// topic and tests can use a tiny catalogue. It helps — a full name, a side, the role "the chancellor"
// meant on a given day — but the summariser works without it: people it does not know are recognised
// from the text with `side: null`.
import type { Topic } from '../developments/types';

/** A role and the period it was held (YYYY-MM or YYYY-MM-DD; open at either end). */
export interface RoleSpell {
  title: string;
  from?: string;
  to?: string;
}

export type EntityKind = 'person' | 'organisation' | 'media';

export interface ActorEntry {
  name: string;
  aliases: string[];
  kind?: EntityKind;
  /** The party the entry belongs to in a negotiation (a country or bloc), or null. */
  side: string | null;
  /** The country an entry speaks for, when that differs from the side ("France" in "Europe"). */
  country?: string | null;
  roles?: RoleSpell[];
  /** Legacy single role (older catalogues). */
  role?: string;
}

export interface Catalogue {
  actors: ActorEntry[];
  topic?: Topic;
}

/** The roles an entry held on a day (YYYY-MM-DD); all of them when none is dated. */
export function rolesAt(entry: ActorEntry, day: string): string[] {
  const spells = entry.roles ?? (entry.role ? [{ title: entry.role }] : []);
  const month = day.slice(0, 7);
  const held = spells.filter(
    (r) => (!r.from || r.from.slice(0, 7) <= month) && (!r.to || month <= r.to.slice(0, 7)),
  );
  return held.map((r) => r.title);
}

/** The role to show beside a name on a day: the latest one held then, else the latest one at all. */
export function roleAt(entry: ActorEntry, day: string): string {
  const held = rolesAt(entry, day);
  if (held.length > 0) return held.at(-1)!;
  const spells = entry.roles ?? [];
  return spells.at(-1)?.title ?? entry.role ?? '';
}
