// The topics a reader can subscribe to. The list lives in data/topics.json (the developments
// feature owns it); the domain takes it as an argument and only validates choices against it.
import { z } from 'zod';

export interface Topic {
  id: string;
  title: string;
  /** A few words for subjects and labels ("Ukraine talks"). */
  shortTitle?: string | undefined;
  /** One line for the subscribe and preference pages. */
  description?: string | undefined;
}

/** Used when data/topics.json is not there yet: the first topic, as agreed between features. */
export const DEFAULT_TOPICS: readonly Topic[] = [
  { id: 'us-russia-ukraine', title: 'US–Russia–Ukraine peace talks' },
];

const topicSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string().min(1),
  shortTitle: z.string().min(1).optional(),
  description: z.string().optional(),
});
const fileSchema = z.union([z.array(topicSchema), z.looseObject({ topics: z.array(topicSchema) })]);

/** Accepts `[{ id, title, … }]` or `{ topics: [...] }`; extra fields are ignored. */
export function parseTopics(json: unknown): Topic[] {
  const parsed = fileSchema.parse(json);
  const list = Array.isArray(parsed) ? parsed : parsed.topics;
  return list.map(({ id, title, shortTitle, description }) => ({
    id,
    title,
    ...(shortTitle ? { shortTitle } : {}),
    ...(description ? { description } : {}),
  }));
}

export function topicTitles(topics: readonly Topic[], ids: readonly string[]): string[] {
  return ids.map((id) => topics.find((t) => t.id === id)?.title ?? id);
}
