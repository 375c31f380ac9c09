// The shipped reference data (data/topics.json, data/actors.json), validated once and bundled with the
// code so every Lambda and script reads the same catalogue.
import { z } from 'zod';
import actorsJson from '../../../data/actors.json' with { type: 'json' };
import topicsJson from '../../../data/topics.json' with { type: 'json' };
import type { Catalogue } from '../summarise/catalogue';
import type { Topic } from './types';

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
  title: z.string(),
  shortTitle: z.string().optional(),
  description: z.string(),
  keywords: z.array(z.string()),
  feeds: z.array(z.url()),
});

export const TOPICS: Topic[] = z.array(topicSchema).min(1).parse(topicsJson);
export const ACTORS = z.array(actorSchema).parse(actorsJson);
export const DEFAULT_TOPIC = TOPICS[0]!.id;

export function topicById(id: string): Topic | undefined {
  return TOPICS.find((t) => t.id === id);
}

export const TOPIC_IDS = TOPICS.map((t) => t.id);

const catalogues = new Map<string, Catalogue>();

/** The catalogue the summariser reads for one topic (same object each call, so matchers are cached). */
export function catalogueFor(topicId: string): Catalogue {
  let catalogue = catalogues.get(topicId);
  if (!catalogue) {
    const topic = topicById(topicId);
    catalogue = topic ? { actors: ACTORS, topic } : { actors: ACTORS };
    catalogues.set(topicId, catalogue);
  }
  return catalogue;
}
