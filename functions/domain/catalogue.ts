// The reference data every feature reads: the topics (titles, keywords, feeds) and the people,
// organisations and outlets the summariser knows (spellings, sides, roles over time). The composition
// root parses data/topics.json and data/actors.json once (functions/catalogue-data.ts) and passes the
// result in, so the domain never reads a file and tests can hand it a tiny catalogue.
import { z } from 'zod';

export interface Topic {
  id: string;
  title: string;
  /** A few words for subjects and labels ("Ukraine talks"); the title when absent. */
  shortTitle?: string;
  description: string;
  keywords: string[];
  feeds: string[];
}

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
  /** At least one; the first is the default for input that names none. */
  topics: Topic[];
  actors: ActorEntry[];
}

/**
 * What the summariser reads for one report: every actor, and the report's topic when known. The
 * summariser works without it (people it does not know are recognised from the text, side unknown).
 */
export interface TopicCatalogue {
  actors: ActorEntry[];
  topic?: Topic;
}

const month = z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'must be YYYY-MM or YYYY-MM-DD');
const actorSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(['person', 'organisation', 'media']),
  aliases: z.array(z.string().min(1)),
  side: z.string().nullable(),
  country: z.string().nullable().optional(),
  roles: z.array(z.object({ title: z.string().min(1), from: month.optional(), to: month.optional() })),
});
const topicSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  shortTitle: z.string().min(1).optional(),
  description: z.string(),
  keywords: z.array(z.string()),
  feeds: z.array(z.url()),
});

/** Validates the two reference files; throws with the offending path when either is malformed. */
export function parseCatalogue(topics: unknown, actors: unknown): Catalogue {
  return {
    topics: z.array(topicSchema).min(1).parse(topics),
    actors: z.array(actorSchema).parse(actors),
  };
}

export function defaultTopic(catalogue: Pick<Catalogue, 'topics'>): Topic {
  return catalogue.topics[0]!;
}

export function topicById(catalogue: Pick<Catalogue, 'topics'>, id: string): Topic | undefined {
  return catalogue.topics.find((t) => t.id === id);
}

const perTopic = new WeakMap<Catalogue, Map<string, TopicCatalogue>>();

/** The summariser's view for one topic (the same object each call, so its matchers are cached). */
export function catalogueFor(catalogue: Catalogue, topicId: string): TopicCatalogue {
  let views = perTopic.get(catalogue);
  if (!views) {
    views = new Map();
    perTopic.set(catalogue, views);
  }
  let view = views.get(topicId);
  if (!view) {
    const topic = topicById(catalogue, topicId);
    view = topic ? { actors: catalogue.actors, topic } : { actors: catalogue.actors };
    views.set(topicId, view);
  }
  return view;
}
