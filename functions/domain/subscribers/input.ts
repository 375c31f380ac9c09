// Parsing what a reader sends (form or JSON) into domain values; a failure names the field.
import { z } from 'zod';
import { ValidationError } from '../errors';
import { emailSchema } from './email';
import type { Topic } from './topics';
import { FREQUENCIES, type Frequency } from './types';

const asList = (v: unknown) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : [v]);

// Building a zod schema costs more CPU than parsing with it (zod compiles a fast path for each new
// schema): build once per topic catalogue, which is fixed for the life of the process.
function once<T>(build: (topics: readonly Topic[]) => T) {
  const built = new WeakMap<readonly Topic[], T>();
  return (topics: readonly Topic[]): T => {
    const known = built.get(topics);
    if (known) return known;
    const schema = build(topics);
    built.set(topics, schema);
    return schema;
  };
}

export const choicesSchema = once((topics) => {
  const ids = topics.map((t) => t.id);
  return z.object({
    topics: z.preprocess(
      asList,
      z
        .array(z.string().refine((id) => ids.includes(id), { error: `must be among: ${ids.join(', ')}` }))
        .min(1, 'choose at least one topic')
        .max(ids.length)
        .transform((list) => [...new Set(list)])
        // API clients that name no topic get the first (the flagship negotiation), not all of them.
        .default(ids.slice(0, 1)),
    ),
    frequency: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(FREQUENCIES, { error: `must be one of: ${FREQUENCIES.join(', ')}` }).default('daily'),
    ),
  });
});

export const subscribeSchema = once((topics) =>
  // The address first, so a form with several mistakes points at it before the choices.
  z
    .object({ email: emailSchema })
    .extend(choicesSchema(topics).shape)
    .extend({
      website: z.preprocess((v) => (Array.isArray(v) ? v.join('') : v), z.string().max(1000).optional()),
    }),
);

export interface SubscribeInput {
  email: string;
  topics: string[];
  frequency: Frequency;
  website?: string | undefined;
}

/** Throws ValidationError naming the first field at fault. */
export function parseInput<T>(schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path[0] !== undefined ? String(issue.path[0]) : undefined;
  const message =
    issue?.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue?.message;
  throw new ValidationError(field ? `${field} ${message}` : (message ?? 'invalid input'), field);
}
