// Reading request bodies, one way for every route: JSON (webhooks, API clients) checked against a zod
// schema, or a form (urlencoded or multipart) as plain values. A bad body is a 400 naming the field.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { ValidationError } from '../domain/errors';

/** The largest form or JSON body the reader-facing routes read (webhooks have their own limits). */
export const MAX_BODY_BYTES = 16 * 1024;

export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => c.json({ error: 'The request body is larger than 16 KB.' }, 413),
});

/** JSON text to a value; `expected` says what the body should have been ("one development or a list"). */
export function parseJson(raw: string, expected = 'JSON'): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new ValidationError(`body: must be ${expected}`, 'body');
  }
}

/** JSON text checked against a schema; the first problem names its field ("topic: …"). */
export function parseJsonBody<T>(raw: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parseJson(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    throw new ValidationError(`${field ? `${field}: ` : ''}${issue?.message ?? 'invalid body'}`, field);
  }
  return parsed.data;
}

export function wantsJson(c: Context): boolean {
  const type = c.req.header('content-type') ?? '';
  const accept = c.req.header('accept') ?? '';
  return (
    type.includes('application/json') ||
    (accept.includes('application/json') && !accept.includes('text/html'))
  );
}

/** Form (urlencoded or multipart) or JSON body as plain values; files are ignored. */
export async function readBody(c: Context): Promise<Record<string, unknown>> {
  if ((c.req.header('content-type') ?? '').includes('application/json')) {
    const body = parseJson(await c.req.text(), 'a JSON object');
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new ValidationError('body: must be a JSON object', 'body');
    }
    return body as Record<string, unknown>;
  }
  const form = await c.req.parseBody({ all: true });
  return Object.fromEntries(
    Object.entries(form)
      .map(([k, v]) => [k, Array.isArray(v) ? v.filter((x) => typeof x === 'string') : v] as const)
      .filter(([, v]) => typeof v === 'string' || Array.isArray(v)),
  );
}
