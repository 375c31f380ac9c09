// A negotiation development and its summary. Owned by the developments feature; read by emails and delivery.

/** The party a person or body belongs to in a negotiation (a country or bloc); null when unknown. */
export type Side = string | null;

export interface SourceRef {
  name: string;
  url: string;
  publishedAt: string;
}

export interface Quote {
  /** null when the speaker cannot be told from the text: never guessed. */
  speaker: string | null;
  text: string;
}

export interface ActorMention {
  name: string;
  side: Side;
  role: string;
}

export interface TimelineEvent {
  /** YYYY-MM-DD, or YYYY-MM when the report names only the month; resolved against the publication date. */
  date: string;
  description: string;
  place?: string;
  participants: string[];
  /** meeting | call | deadline | agreement | statement | other */
  kind?: string;
  /** True for "last week" and the like: the day is an estimate. */
  approximate?: boolean;
  /** After the report's publication: a planned meeting, a deadline, a vote ("what's next"). */
  upcoming?: boolean;
}

export interface Significance {
  score: number;
  /** 'alert' sends an instant alert; 'digest' waits for the next digest. */
  level: 'alert' | 'digest';
  /** Plain sentences for an editor, the weightiest first ("An agreement was signed."). */
  reasons: string[];
}

export interface Summary {
  summary: string;
  keyPoints: string[];
  quotes: Quote[];
  actors: ActorMention[];
  events: TimelineEvent[];
  outcome: string;
  significance: Significance;
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

export interface Topic {
  id: string;
  title: string;
  /** A few words for subjects and labels ("Ukraine talks"); the title when absent. */
  shortTitle?: string;
  description: string;
  keywords: string[];
  feeds: string[];
}
