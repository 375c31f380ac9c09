// Issue status for GET /issues/:id, computed from the delivery items (one query) instead of a hot
// counter item that every sender would have to update.
import type { IssueStore } from '../../ports/issue-store';
import { STALE_CLAIM_MINUTES } from '../delivery/deliver';
import type { Delivery, Issue, IssueCounts } from './types';

export function countDeliveries(
  issue: Issue,
  deliveries: Delivery[],
  now: Date,
): IssueCounts & { unknown: number } {
  const counts = {
    recipients: issue.recipients ?? 0,
    sent: 0,
    failed: 0,
    suppressed: 0,
    inFlight: 0,
    unknown: 0,
  };
  const staleBefore = now.getTime() - STALE_CLAIM_MINUTES * 60_000;
  for (const d of deliveries) {
    if (d.status === 'sent') counts.sent++;
    else if (d.status === 'failed') counts.failed++;
    else if (d.status === 'suppressed') counts.suppressed++;
    else if (d.claimedAt && Date.parse(d.claimedAt) < staleBefore) counts.unknown++;
    else counts.inFlight++;
  }
  const settled = counts.sent + counts.failed + counts.suppressed + counts.inFlight + counts.unknown;
  return { ...counts, pending: Math.max(0, counts.recipients - settled) };
}

export type PublicStatus = Issue['status'] | 'sent';

export async function issueStatus(issues: IssueStore, issue: Issue, now: Date) {
  const counts = countDeliveries(issue, await issues.listDeliveries(issue.id), now);
  const finished = issue.status === 'sending' && counts.pending === 0 && counts.inFlight === 0;
  const status: PublicStatus = finished ? 'sent' : issue.status;
  return { status, counts, finished };
}
