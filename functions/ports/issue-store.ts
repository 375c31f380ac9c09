// Persistence of issues, their rendered template, per-recipient delivery claims, cohort cursors and
// webhook ids. The delivery claim is the exactly-once guard: a conditional create.

import type { Delivery, Issue, RenderedTemplate } from '../domain/issues/types';
import type { Frequency } from '../domain/subscribers/types';

export type ReaderDelivery = Delivery & { issueId: string };

export interface ClaimResult {
  claimed: boolean;
  /** The delivery already recorded when not claimed. */
  existing?: Delivery;
}

/** An issue's delivery counts as the senders recorded them (see GET /issues/:id). */
export interface DeliveryTally {
  sent: number;
  failed: number;
  /** Skipped by the senders (the reader left between dispatch and send); dispatch skips are in progress. */
  suppressed: number;
  /** `claimedAt` of each claim with no outcome recorded: in flight, or lost in deliver.ts's crash window. */
  openClaims: string[];
}

export interface IssueStore {
  /** Create the issue unless one with this id exists; returns the stored one either way. */
  create(issue: Issue): Promise<{ issue: Issue; created: boolean }>;
  get(id: string): Promise<Issue | undefined>;
  /** Replace the issue's mutable fields (status, content, progress, recipients). */
  update(issue: Issue): Promise<void>;
  /** Newest first; only issues that were actually sent (not dry runs or skipped). */
  listSent(topic: string, limit?: number): Promise<Issue[]>;
  /** Issues not yet known to be finished (resume after a crash). */
  listOpen(): Promise<Issue[]>;
  markFinished(id: string): Promise<void>;

  putTemplate(issueId: string, template: RenderedTemplate): Promise<void>;
  getTemplate(issueId: string): Promise<RenderedTemplate | undefined>;

  /** Conditional create of DELIVERY#<subscriberId>: true only for the first caller. */
  claim(issueId: string, subscriberId: string, claimId: string, at: string): Promise<ClaimResult>;
  /**
   * Record many outcomes at once (one BatchWriteItem per 25): the senders' hot path. Only the claim's
   * owner ever writes its delivery item, so the unconditional write is safe. Each outcome is counted
   * in the issue's tally exactly once, however often this is called with it (retries).
   */
  completeMany(issueId: string, deliveries: Delivery[]): Promise<void>;
  /** The counts kept as outcomes were recorded: a few reads, whatever the number of recipients. */
  tally(issueId: string): Promise<DeliveryTally>;
  /** Give a claim back after a retryable failure (nothing was sent). */
  release(issueId: string, subscriberId: string, claimId: string): Promise<void>;
  /**
   * Record a recipient skipped at dispatch (suppressed address). Idempotent. False when the recipient
   * already has another outcome for this issue (a dispatch run again after a restart).
   */
  recordSuppressed(issueId: string, subscriberId: string, at: string): Promise<boolean>;
  /** One reader's deliveries across issues (their data export). */
  listDeliveriesOf(subscriberId: string): Promise<ReaderDelivery[]>;
  /** Strip a deleted reader's deliveries of what links them to the reader; answers how many. */
  anonymiseDeliveriesOf(subscriberId: string): Promise<number>;

  /** Publication time up to which a cohort has been sent developments. */
  getCursor(topic: string, frequency: Frequency): Promise<string | undefined>;
  setCursor(topic: string, frequency: Frequency, until: string): Promise<void>;
}
