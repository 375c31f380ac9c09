// An issue is one email (alert or digest) sent to one or more cohorts of a topic. Its content is
// fixed when it is resolved, so every recipient, the archive and the feed see the same thing.
import type { Development, StateOfPlay } from '../developments/types';
import type { Frequency } from '../subscribers/types';

export type IssueKind = 'digest' | 'alert';

/**
 * requested → (resolved and rendered) dispatching → sending; or skipped (nothing new) / dry-run /
 * no-recipients (nobody in its cohorts: never published). `sending` becomes "sent" for readers once
 * no delivery is pending (computed, see IssueCounts).
 */
export type IssueStatus = 'requested' | 'dispatching' | 'sending' | 'skipped' | 'dry-run' | 'no-recipients';

export interface IssueRequest {
  topic: string;
  kind: IssueKind;
  developmentIds?: string[];
  since?: string;
  dryRun?: boolean;
  /** Digest cohorts; defaults to daily and weekly for digests, instant for alerts. */
  frequencies?: Frequency[];
}

/** A development as an issue shows it: no article body, so issues stay small. */
export type IssueDevelopment = Omit<Development, 'body' | 'contentHash'>;

export interface IssueContent {
  topic: string;
  topicTitle: string;
  subject: string;
  developments: IssueDevelopment[];
  stateOfPlay?: StateOfPlay;
  /** Developments up to this publication time are covered; the cohorts' cursors move here. */
  coveredUntil: string;
  /** The latest `summarisedAt` the issue holds: where the cohorts' cursors move (absent for alerts). */
  arrivedUntil?: string;
  coveredSince?: string;
}

export interface DispatchProgress {
  /** Index into `frequencies` of the cohort being paged. */
  cohort: number;
  cursor?: string;
  enqueued: number;
  suppressed: number;
}

export interface Issue {
  id: string;
  topic: string;
  kind: IssueKind;
  frequencies: Frequency[];
  request: IssueRequest;
  status: IssueStatus;
  createdAt: string;
  /** Where it came from: a webhook id, `schedule:<…>` or `alert:<developmentId>`. */
  origin: string;
  content?: IssueContent;
  progress?: DispatchProgress;
  /** Total recipients, known once the dispatcher has paged every cohort. */
  recipients?: number;
  dispatchedAt?: string;
}

/** The template rendered once per issue, with markers personalised per recipient. */
export interface RenderedTemplate {
  subject: string;
  html: string;
  text: string;
  /** This render's random markers (see delivery/personalise.ts); absent only on legacy templates. */
  markers?: Record<'unsubscribeUrl' | 'preferencesUrl' | 'greeting', string>;
}

export type DeliveryStatus = 'claimed' | 'sent' | 'failed' | 'suppressed';

export interface Delivery {
  subscriberId: string;
  status: DeliveryStatus;
  claimId?: string;
  claimedAt?: string;
  providerMessageId?: string;
  error?: string;
  at?: string;
}

export interface IssueCounts {
  recipients: number;
  sent: number;
  failed: number;
  suppressed: number;
  /** Claimed but no answer from SES recorded: in flight, or lost in the crash window (see deliver.ts). */
  inFlight: number;
  pending: number;
}

/** What the email templates get to render an issue once (links to personalise are placeholders). */
export interface IssueTemplateInput {
  issueId: string;
  kind: IssueKind;
  frequencies: Frequency[];
  archiveUrl: string;
  content: IssueContent;
}

export type IssueRenderer = (input: IssueTemplateInput) => Promise<RenderedTemplate>;
