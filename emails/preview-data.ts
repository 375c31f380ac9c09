// Example issue content built from the reports in data/developments (title, source, date, body), for
// tests, benchmarks and scripts. Summaries there are not stored, so a plausible one is derived from the
// text; when data/ cannot be read, the static example of preview-fixtures.ts is used instead.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { StateOfPlay } from '../functions/domain/developments/types';
import type { IssueContent, IssueDevelopment } from '../functions/domain/issues/types';
import { EXAMPLE_DEVELOPMENT, previewContentFrom, previewStateOfPlayFrom } from './preview-fixtures';

export { previewLinks } from './preview-fixtures';

function fromMarkdown(file: string, raw: string): IssueDevelopment {
  const { data, content } = matter(raw);
  const paragraphs = content
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const quotes = [...content.matchAll(/[“"]([^”"]{20,240})[”"]/g)].slice(0, 2).map((m) => ({
    speaker: null,
    text: m[1] ?? '',
  }));
  const publishedAt = String(data.publishedAt ?? '2025-12-01T00:00:00Z');
  const title = String(data.title ?? file);
  return {
    id: file.replace(/\.md$/, ''),
    topic: String(data.topic ?? 'us-russia-ukraine'),
    title,
    url: String(data.url ?? 'https://talkwatch.example'),
    source: String(data.source ?? 'Talkwatch editors'),
    publishedAt,
    ingestedAt: publishedAt,
    sources: [{ name: String(data.source ?? 'Talkwatch editors'), url: String(data.url ?? ''), publishedAt }],
    summary: {
      summary: paragraphs[0] ?? title,
      keyPoints: paragraphs.slice(1, 4).map((p) => p.split(/(?<=\.)\s/)[0] ?? p),
      quotes,
      actors: [],
      events: [{ date: publishedAt.slice(0, 10), description: title, participants: [] }],
      outcome: paragraphs.at(-1) ?? '',
      significance: { score: 0.8, level: 'alert', reasons: ['New round of direct talks'] },
    },
  };
}

function loadDevelopments(): IssueDevelopment[] {
  try {
    const dir = join(process.cwd(), 'data', 'developments');
    return readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => fromMarkdown(f, readFileSync(join(dir, f), 'utf8')))
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  } catch {
    return [EXAMPLE_DEVELOPMENT];
  }
}

let cached: IssueDevelopment[] | undefined;

export function previewDevelopments(): IssueDevelopment[] {
  cached ??= loadDevelopments();
  return cached;
}

export function previewStateOfPlay(developments = previewDevelopments()): StateOfPlay {
  return previewStateOfPlayFrom(developments);
}

export function previewContent(kind: 'digest' | 'alert'): IssueContent {
  return previewContentFrom(previewDevelopments(), kind);
}
