// Dated events (meetings, calls, deadlines, statements) with place and participants, one per date a
// sentence names. Dates come from dates.ts, so they are resolved against the publication date.
import type { TimelineEvent } from '../developments/types';
import type { ActorMatcher } from './actors';
import { findDates } from './dates';
import { truncateWords } from './text';

export type EventKind = 'meeting' | 'call' | 'deadline' | 'agreement' | 'statement' | 'other';

const KINDS: Array<[EventKind, RegExp]> = [
  ['deadline', /\b(deadline|until|ultimatum|due to|by the end)\b/i],
  ['call', /\b(phone call|call with|called|spoke by phone|video call|phone)\b/i],
  ['agreement', /\b(signed|agreed|agreement|accord|deal reached)\b/i],
  ['meeting', /\b(met|meet|meeting|meetings|talks|summit|visit|visited|hosted|held|negotiations|round)\b/i],
  ['statement', /\b(said|says|told|wrote|announced|stated|reported|posted|statement)\b/i],
];

/** Venues that come up in these talks; any other capitalised "in X" is a fallback. */
const PLACES = [
  'Hallandale Beach',
  'Mar-a-Lago',
  'Palm Beach',
  'Abu Dhabi',
  'White House',
  'Kremlin',
  'Moscow',
  'Kyiv',
  'Geneva',
  'Miami',
  'Florida',
  'Washington',
  'Berlin',
  'Paris',
  'London',
  'Brussels',
  'Istanbul',
  'Ankara',
  'Riyadh',
  'Jeddah',
  'Doha',
  'Alaska',
  'Anchorage',
  'Budapest',
  'Helsinki',
  'Rome',
  'Vatican',
  'Davos',
  'New York',
  'Minsk',
  'Warsaw',
  'Rzeszow',
  'Dubai',
  'Munich',
  'Copenhagen',
  'The Hague',
  'St. Petersburg',
];
export const PLACE_PATTERN = new RegExp(`\\b(${PLACES.map((p) => p.replace(/\./g, '\\.')).join('|')})\\b`);
const NOT_PLACES =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Ukraine|Russia|Europe|Telegram|X|November)$/;

export interface DatedEvent extends TimelineEvent {
  kind: EventKind;
  approximate?: boolean;
}

export function extractEvents(
  sentences: readonly string[],
  published: Date,
  actors: ActorMatcher,
): DatedEvent[] {
  const events: DatedEvent[] = [];
  for (const sentence of sentences) {
    const seen = new Set<string>();
    for (const mention of findDates(sentence, published)) {
      if (seen.has(mention.date)) continue;
      seen.add(mention.date);
      const event: DatedEvent = {
        date: mention.date,
        description: describe(sentence),
        participants: [...new Set(actors.find(sentence).map((h) => h.actor.name))],
        kind: kindOf(sentence),
      };
      const place = placeOf(sentence, actors);
      if (place) event.place = place;
      if (mention.approximate) event.approximate = true;
      events.push(event);
    }
  }
  return events.sort((a, b) => a.date.localeCompare(b.date));
}

export function kindOf(sentence: string): EventKind {
  return KINDS.find(([, re]) => re.test(sentence))?.[0] ?? 'other';
}

export function placeOf(sentence: string, actors: ActorMatcher): string | undefined {
  const all = [...sentence.matchAll(new RegExp(PLACE_PATTERN.source, 'g'))];
  const introduced = all.find((m) => /\b(?:in|at|to|from)\s+(?:the\s+)?$/.test(sentence.slice(0, m.index)));
  const known = introduced ?? all.find((m) => !/^(White House|Kremlin)$/.test(m[1]!));
  if (known) return known[1];
  for (const m of sentence.matchAll(/\b(?:in|at)\s+(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?)/gu)) {
    const candidate = m[1]!;
    if (NOT_PLACES.test(candidate) || actors.find(candidate).length > 0) continue;
    return candidate;
  }
  return undefined;
}

function describe(sentence: string): string {
  const trimmed = sentence
    .replace(/^(?:Meanwhile|However|Earlier|Separately|Also),\s*/i, '')
    .replace(/\s+—\s+[^—]*$/, '')
    .trim();
  return truncateWords(trimmed.charAt(0).toUpperCase() + trimmed.slice(1), 35);
}
