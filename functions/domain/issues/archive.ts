// What the public archive, the feed and the home page show: only issues that went to at least one
// reader. Dry runs, skipped issues and issues nobody was subscribed to are never published.
import type { IssueStore } from '../../ports/issue-store';
import type { Issue } from './types';

/** Sent to at least one reader (enqueued for delivery), with its content fixed. */
export function isPublished(issue: Issue): boolean {
  return (
    issue.status === 'sending' &&
    issue.request.dryRun !== true &&
    issue.content !== undefined &&
    (issue.progress?.enqueued ?? issue.recipients ?? 0) > 0
  );
}

/** Newest first across the given topics. */
export async function listPublished(
  issues: Pick<IssueStore, 'listSent'>,
  topicIds: readonly string[],
  limit = 30,
): Promise<Issue[]> {
  const lists = await Promise.all(topicIds.map((t) => issues.listSent(t, limit)));
  return lists
    .flat()
    .filter(isPublished)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, limit);
}
