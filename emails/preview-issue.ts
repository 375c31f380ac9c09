// Realistic issues for `npm run email:preview` and the browser tests: the reports in data/developments/
// run through the real summariser and state-of-play fold, exactly as ingest would, so the previews show
// what readers would get today (gaps included). Not imported by the templates (their PreviewProps stay
// small), so the summariser never lands in an email bundle.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueFor, TOPICS } from '../functions/domain/developments/catalogue';
import { isBackground } from '../functions/domain/developments/freshness';
import { developmentIdFor } from '../functions/domain/developments/ingest';
import { parseDevelopmentText } from '../functions/domain/developments/input';
import { emptyStateOfPlay, foldStateOfPlay } from '../functions/domain/developments/state-of-play';
import type { Development, StateOfPlay } from '../functions/domain/developments/types';
import { subjectFor, toIssueDevelopment } from '../functions/domain/issues/content';
import type { IssueContent } from '../functions/domain/issues/types';
import { summarise } from '../functions/domain/summarise/summarise';

const DIR = join(process.cwd(), 'data', 'developments');

/** The seed reports ingested in the given order (file names); returns the stored developments and state. */
export function ingestPreview(order?: string[]): { developments: Development[]; state: StateOfPlay } {
  const files =
    order ??
    readdirSync(DIR)
      .filter((f) => f.endsWith('.md'))
      .sort();
  const developments: Development[] = [];
  let state = emptyStateOfPlay('us-russia-ukraine', '2025-12-02T21:00:00.000Z');
  for (const file of files) {
    const input = parseDevelopmentText(readFileSync(join(DIR, file), 'utf8'), file);
    const latest = developments
      .map((d) => d.publishedAt)
      .sort()
      .at(-1);
    const { proposals, ...summary } = summarise(input, {
      catalogue: catalogueFor(input.topic),
      previous: developments.filter((d) => d.publishedAt <= input.publishedAt),
    });
    const development: Development = {
      id: developmentIdFor(input.url),
      topic: input.topic,
      title: input.title,
      url: input.url,
      source: input.source ?? new URL(input.url).hostname,
      publishedAt: input.publishedAt,
      body: input.body,
      contentHash: '',
      sources: [{ name: input.source ?? input.url, url: input.url, publishedAt: input.publishedAt }],
      summary,
      ingestedAt: input.publishedAt,
      ...(isBackground(input.publishedAt, latest) ? { background: true } : {}),
    };
    developments.push(development);
    state = foldStateOfPlay(state, development, proposals, input.publishedAt);
  }
  return { developments, state };
}

function content(kind: 'digest' | 'alert', developments: Development[], state: StateOfPlay): IssueContent {
  const topic = TOPICS.find((t) => t.id === 'us-russia-ukraine')!;
  const sorted = [...developments].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  return {
    topic: topic.id,
    topicTitle: topic.title,
    subject: subjectFor(kind, topic.shortTitle ?? topic.title, sorted),
    developments: sorted.map(toIssueDevelopment),
    stateOfPlay: state,
    coveredUntil: sorted.filter((d) => !d.background)[0]?.publishedAt ?? sorted[0]!.publishedAt,
    ...(kind === 'digest' ? { coveredSince: '2025-11-28T00:00:00.000Z' } : {}),
  };
}

/**
 * A digest of the Florida and Moscow reports, with the 20 November plan arriving late as background;
 * an alert for the Moscow report.
 */
export function previewIssues(): { digest: IssueContent; alert: IssueContent; state: StateOfPlay } {
  const { developments, state } = ingestPreview([
    '2025-11-30-hallandale-beach-talks.md',
    '2025-12-02-witkoff-putin-moscow.md',
    '2025-11-20-28-point-plan-presented.md',
  ]);
  const moscow = developments.find((d) => d.publishedAt.startsWith('2025-12-02'))!;
  return {
    digest: content('digest', developments, state),
    alert: content('alert', [moscow], state),
    state,
  };
}
