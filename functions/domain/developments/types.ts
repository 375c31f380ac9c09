// A negotiation development as stored: what was received, its summary (types owned by summarise/) and
// the follow-ups still owed. Read by emails and delivery.

export type { ActorMention, Quote, Side, Significance, Summary, TimelineEvent } from '../summarise/types';

import type { Summary, TimelineEvent } from '../summarise/types';

export interface SourceRef {
  name: string;
  url: string;
  publishedAt: string;
}

export interface Development {
  id: string;
  topic: string;
  title: string;
  url: string;
  source: string;
  publishedAt: string;
  body: string;
  contentHash: string;
  /** Every outlet that reported this story (near-duplicates merge here). */
  sources: SourceRef[];
  summary: Summary;
  ingestedAt: string;
  /**
   * When the summary was stored: what "new since the last issue" counts by, so a report that arrives
   * late (published before others already sent) still reaches the next digest.
   */
  summarisedAt?: string;
  /**
   * Follow-ups still owed after the development was stored (summary, state of play, alert request).
   * Cleared once done; a retry that finds it set finishes them, so a crash in between loses none.
   */
  pending?: Pending;
  /**
   * Published well before the topic's latest known development when it arrived (see freshness.ts): it
   * never triggers an alert and digests show it as background.
   */
  background?: boolean;
}

export interface Pending {
  /** Received, not yet summarised (the ingest queue's consumer does that, off the request path). */
  summary?: boolean;
  /** false for history loaded at start-up: summarised and stored, but no instant alert. */
  mayAlert?: boolean;
  stateOfPlay: boolean;
  alert: boolean;
}

/** A development as received: validated and stored, its summary still to come (pending.summary). */
export type ReceivedDevelopment = Omit<Development, 'summary'> & { summary?: undefined };
export type StoredDevelopment = Development | ReceivedDevelopment;

export interface ProposalStatus {
  name: string;
  status: string;
  changedAt: string;
  /** Stable identity across reports ("28-point", "framework"). */
  key?: string;
  /** The sentence that reported the change, and where it came from. */
  detail?: string;
  developmentId?: string;
}

export interface StateOfPlay {
  topic: string;
  timeline: Array<TimelineEvent & { developmentId: string }>;
  proposals: ProposalStatus[];
  updatedAt: string;
  /** Optimistic concurrency: the stored version this state was read at (absent before the first write). */
  version?: number;
}
