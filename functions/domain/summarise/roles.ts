// When a person held which role: the summariser resolves "the chancellor" to whoever held the title on
// the report's day, and shows the role held then beside a name.
import type { ActorEntry } from '../catalogue';

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
