// Issue status for GET /issues/:id, from the counts the store keeps as outcomes are recorded (see
// IssueStore.tally) and the dispatcher's own figures (recipients, suppressed): a few reads whatever the
// number of recipients, and nothing written (reading a status never changes it).
import type { DeliveryTally } from '../../ports/issue-store';
import type { Issue, IssueCounts } from './types';

/**
 * A claim without an outcome older than this (longer than any sender lives) is counted `unknown`: the
 * sender died during the SES call (see delivery/deliver.ts for why it is not resent).
 */
export const STALE_CLAIM_MINUTES = 15;

export function issueCounts(
  issue: Issue,
  tally: DeliveryTally,
  now: Date,
): IssueCounts & { unknown: number } {
  const staleBefore = now.getTime() - STALE_CLAIM_MINUTES * 60_000;
  const unknown = tally.openClaims.filter((at) => Date.parse(at) < staleBefore).length;
  const counts = {
    recipients: issue.recipients ?? 0,
    sent: tally.sent,
    failed: tally.failed,
    suppressed: (issue.progress?.suppressed ?? 0) + tally.suppressed,
    inFlight: tally.openClaims.length - unknown,
    unknown,
  };
  const settled = counts.sent + counts.failed + counts.suppressed + counts.inFlight + counts.unknown;
  return { ...counts, pending: Math.max(0, counts.recipients - settled) };
}

export type PublicStatus = Issue['status'] | 'sent';

/** `sending` reads as `sent` once nobody is pending or in flight. */
export function publicStatus(issue: Issue, counts: IssueCounts): PublicStatus {
  return issue.status === 'sending' && counts.pending === 0 && counts.inFlight === 0 ? 'sent' : issue.status;
}
