// What goes into an issue: the developments new to its cohorts (or the ones asked for), the topic's
// state of play, a subject. Fixed once, so the archive shows what subscribers got.
import type { DevelopmentStore } from '../../ports/development-store';
import type { IssueStore } from '../../ports/issue-store';
import type { Development } from '../developments/types';
import type { Frequency } from '../subscribers/types';
import { orderDevelopments } from './presentation';
import type { Issue, IssueContent, IssueDevelopment, IssueKind } from './types';

export interface ContentPorts {
  issues: IssueStore;
  developments: DevelopmentStore;
  topics: readonly { id: string; title: string; shortTitle?: string | undefined }[];
  now: Date;
}

const LOOKBACK_DAYS: Record<Frequency, number> = { instant: 1, daily: 1, weekly: 7 };
const MAX_DEVELOPMENTS = 30;

export function toIssueDevelopment(d: Development): IssueDevelopment {
  const { body: _body, contentHash: _hash, ...rest } = d;
  return rest;
}

/** Undefined when there is nothing new to send. */
export async function resolveContent(ports: ContentPorts, issue: Issue): Promise<IssueContent | undefined> {
  const topic = ports.topics.find((t) => t.id === issue.topic);
  const topicTitle = topic?.title ?? issue.topic;
  let developments: Development[];
  let coveredSince: string | undefined;
  if (issue.request.developmentIds?.length) {
    const found = await Promise.all(issue.request.developmentIds.map((id) => ports.developments.get(id)));
    developments = found.filter((d): d is Development => d !== undefined && d.topic === issue.topic);
  } else if (issue.kind === 'alert') {
    developments = (await ports.developments.listByTopic(issue.topic, { limit: 10 }))
      .filter((d) => d.summary.significance.level === 'alert' && !d.background)
      .slice(0, 1);
  } else {
    if (issue.request.since) {
      // An explicit `since` (npm run send, the send webhook) asks by publication date.
      coveredSince = issue.request.since;
      const since = coveredSince;
      developments = (
        await ports.developments.listByTopic(issue.topic, { since, limit: MAX_DEVELOPMENTS })
      ).filter((d) => d.publishedAt > since);
    } else {
      // Scheduled digests: what arrived since the cohorts' last issue, however old its publication
      // date (a late report is shown as background, never skipped).
      coveredSince = await oldestCursor(ports, issue);
      developments = await ports.developments.listArrivedSince(issue.topic, coveredSince, MAX_DEVELOPMENTS);
    }
  }
  if (developments.length === 0) return undefined;
  developments.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  const stateOfPlay = await ports.developments.getStateOfPlay(issue.topic);
  const first = developments[0]!;
  const subject = subjectFor(issue.kind, topic?.shortTitle ?? topicTitle, developments);
  return {
    topic: issue.topic,
    topicTitle,
    subject,
    developments: developments.map(toIssueDevelopment),
    ...(stateOfPlay ? { stateOfPlay } : {}),
    coveredUntil: first.publishedAt,
    ...(issue.kind === 'digest' ? { arrivedUntil: arrivedUntil(developments) } : {}),
    ...(coveredSince ? { coveredSince } : {}),
  };
}

function arrivedUntil(developments: readonly Development[]): string {
  return developments
    .map((d) => d.summarisedAt ?? d.ingestedAt)
    .sort()
    .at(-1)!;
}

/** Since the oldest of the cohorts' last issues, or a frequency's look-back for a cohort never sent to. */
async function oldestCursor(ports: ContentPorts, issue: Issue): Promise<string> {
  const cursors = await Promise.all(
    issue.frequencies.map(async (f) => {
      const cursor = await ports.issues.getCursor(issue.topic, f);
      return cursor ?? new Date(ports.now.getTime() - LOOKBACK_DAYS[f] * 86_400_000).toISOString();
    }),
  );
  return cursors.sort()[0]!;
}

/**
 * The topic and the lead news, so a reader of several topics tells the emails apart in the inbox:
 * "Ukraine talks: Moscow meeting ends without a deal, +2 more".
 */
export function subjectFor(kind: IssueKind, topicName: string, developments: readonly Development[]): string {
  const lead = orderDevelopments(developments)[0];
  const title = (lead?.title ?? '').trim().replace(/[.:;,]+$/, '');
  const more = kind === 'digest' && developments.length > 1 ? `, +${developments.length - 1} more` : '';
  return `${topicName}: ${title}${more}`;
}
