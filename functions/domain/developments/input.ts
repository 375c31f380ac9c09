// What a development looks like on the way in, from any entry point (webhook, files, feeds): one zod
// schema, plus parsers for the two file formats (Markdown with front matter; the `Title:`/`URL:`/`Date:`
// article format).
import matter from 'gray-matter';
import { z } from 'zod';
import { type Catalogue, defaultTopic, topicById } from '../catalogue';
import { ValidationError } from '../errors';
import { MARKER_LIKE } from '../link-markers';

const isoDate = z
  .string()
  .trim()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date or date-time')
  .transform((s) => new Date(s).toISOString());

/**
 * Text that reaches readers' emails must not carry anything shaped like the markers a template holds
 * for each reader's private links (see delivery/personalise.ts): they are removed on the way in.
 */
const withoutMarkers = (s: string) => s.replace(MARKER_LIKE, '');
const text = () => z.string().transform(withoutMarkers).pipe(z.string().trim());

/**
 * Longest report body taken (about 10,000 words: a long read). Bounds the work one report can cost
 * the summariser and the near-duplicate check, whoever sends it; feeds are cut to it (see poll-feeds).
 */
export const MAX_BODY_CHARS = 60_000;

export const developmentInputSchema = z.object({
  title: text().pipe(z.string().min(3, 'must be at least 3 characters').max(500)),
  // Only web links: a `javascript:` or `data:` source would run or render in readers' mail clients.
  // Stored as the URL parser writes it, so quotes and brackets arrive percent-encoded.
  url: z
    .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' })
    .max(2000)
    .transform((s) => withoutMarkers(new URL(s).href)),
  source: text().pipe(z.string().min(1).max(200)).optional(),
  publishedAt: isoDate,
  /** Checked against the catalogue by topicOf (the shape is all a parser can tell); the first topic when absent. */
  topic: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must be a topic id')
    .max(100)
    .optional(),
  body: text().pipe(
    z
      .string()
      .min(40, 'must be at least 40 characters of text')
      .max(MAX_BODY_CHARS, `must be at most ${MAX_BODY_CHARS} characters`),
  ),
});

export type DevelopmentInput = z.infer<typeof developmentInputSchema>;

/** Validate, naming the first field at fault ("body: must be at least 40 characters of text"). */
export function parseDevelopmentInput(raw: unknown, where = ''): DevelopmentInput {
  const result = developmentInputSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = `${where}${issue.path.join('.') || '(body)'}`;
  throw new ValidationError(`${field}: ${issue.message}`, field);
}

/** The input's topic, one the catalogue holds: the first topic when the input names none. */
export function topicOf(
  catalogue: Pick<Catalogue, 'topics'>,
  input: Pick<DevelopmentInput, 'topic'>,
  where = '',
): string {
  if (input.topic === undefined) return defaultTopic(catalogue).id;
  if (topicById(catalogue, input.topic)) return input.topic;
  const known = catalogue.topics.map((t) => t.id).join(', ');
  const field = `${where}topic`;
  throw new ValidationError(`${field}: unknown topic "${input.topic}"; known topics: ${known}`, field);
}

export function sourceFromUrl(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'unknown';
  }
}

/** Header names of the article format, by field, as a person writes them in the file. */
const ARTICLE_HEADERS: Record<string, string> = {
  title: 'Title',
  url: 'URL',
  source: 'Source',
  publishedAt: 'Date',
  topic: 'Topic',
};

/**
 * A development file's text in either format; `name` (the file) starts every error message, once:
 * "plain.txt: line 1: expected "Title: …" (or front matter starting with ---)".
 */
export function parseDevelopmentText(text: string, name = 'input'): DevelopmentInput {
  if (/^---\r?\n/.test(text)) return parseFrontMatter(text, name);
  const lines = text.split(/\r?\n/);
  const fields: Record<string, string> = {};
  const lineOf: Record<string, number> = {};
  let i = 0;
  for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
    const m = /^([A-Za-z]+):\s*(.*)$/.exec(lines[i]!);
    if (!m) {
      throw new ValidationError(
        i === 0
          ? `${name}: line 1: expected "Title: …" (the Title:/URL:/Date: article format) or front matter starting with ---`
          : `${name}: line ${i + 1}: expected a "Name: value" header line, or a blank line before the body`,
      );
    }
    const key = m[1]!.toLowerCase();
    fields[key] = m[2]!.trim();
    lineOf[key] = i + 1;
  }
  if (i === 0) {
    throw new ValidationError(
      `${name}: line 1: expected "Title: …" (the Title:/URL:/Date: article format) or front matter starting with ---`,
    );
  }
  if (i >= lines.length)
    throw new ValidationError(`${name}: line ${i + 1}: expected a blank line, then the body`);
  const raw = {
    title: fields.title,
    url: fields.url,
    source: fields.source,
    publishedAt: fields.date ?? fields.publishedat,
    topic: fields.topic,
    body: lines.slice(i + 1).join('\n'),
  };
  const result = developmentInputSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = String(issue.path[0] ?? 'body');
  const header = ARTICLE_HEADERS[field];
  const key =
    field === 'publishedAt' ? (fields.date !== undefined ? 'date' : 'publishedat') : field.toLowerCase();
  if (header && !lineOf[key]) {
    throw new ValidationError(
      `${name}: missing the "${header}:" line (Title:, URL: and Date: come first)`,
      field,
    );
  }
  const where = header ? `line ${lineOf[key]} (${header})` : `body (from line ${i + 2})`;
  throw new ValidationError(`${name}: ${where}: ${issue.message}`, field);
}

function parseFrontMatter(text: string, name: string): DevelopmentInput {
  let file: ReturnType<typeof matter>;
  try {
    file = matter(text);
  } catch (error) {
    // js-yaml's own message names the line and column.
    throw new ValidationError(`${name}: front matter: ${(error as Error).message.split('\n')[0]}`);
  }
  const data = file.data as Record<string, unknown>;
  const publishedAt = data.publishedAt instanceof Date ? data.publishedAt.toISOString() : data.publishedAt;
  return parseDevelopmentInput({ ...data, publishedAt, body: file.content }, `${name}: `);
}
