// PreviewProps for every template, built from the developments in data/ (title, source, date, body).
// Summaries there are not stored, so the preview derives a plausible one from the text; when data/
// cannot be read (e.g. inside a Lambda bundle) a small built-in example is used instead.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { StateOfPlay } from '../functions/domain/developments/types';
import type { IssueContent, IssueDevelopment } from '../functions/domain/issues/types';

const TOPIC_TITLE = 'US–Russia–Ukraine peace talks';

export const previewLinks = {
  preferencesUrl: 'http://localhost:3000/preferences?token=preview',
  unsubscribeUrl: 'http://localhost:3000/unsubscribe?token=preview',
};

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
    return [fromMarkdown('example.md', FALLBACK)];
  }
}

const FALLBACK = `---
title: "Witkoff meets Putin in Moscow on the revised framework"
url: "https://talkwatch.example/notes/example"
source: "Talkwatch editors"
publishedAt: "2025-12-02T18:00:00Z"
---
Steve Witkoff and Jared Kushner met Vladimir Putin in the Kremlin to discuss the revised peace framework.

No compromise on territory was found, a Kremlin aide said.`;

let cached: IssueDevelopment[] | undefined;

export function previewDevelopments(): IssueDevelopment[] {
  cached ??= loadDevelopments();
  return cached;
}

export function previewStateOfPlay(developments = previewDevelopments()): StateOfPlay {
  return {
    topic: 'us-russia-ukraine',
    timeline: developments.map((d) => ({ ...d.summary.events[0]!, developmentId: d.id })),
    proposals: [
      { name: 'Peace framework', status: 'under negotiation', changedAt: developments[0]!.publishedAt },
    ],
    updatedAt: developments[0]!.publishedAt,
  };
}

export function previewContent(kind: 'digest' | 'alert'): IssueContent {
  const developments = previewDevelopments();
  const shown = kind === 'alert' ? developments.slice(0, 1) : developments;
  return {
    topic: 'us-russia-ukraine',
    topicTitle: TOPIC_TITLE,
    subject:
      kind === 'alert' ? `Alert: ${shown[0]!.title}` : `${TOPIC_TITLE}: ${shown.length} new developments`,
    developments: shown,
    stateOfPlay: previewStateOfPlay(developments),
    coveredUntil: shown[0]!.publishedAt,
    ...(kind === 'digest' ? { coveredSince: shown.at(-1)!.publishedAt } : {}),
  };
}
