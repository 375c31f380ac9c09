// The subscriber as the domain sees it: status, choices, consent record, confirmation state.

export const FREQUENCIES = ['instant', 'daily', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export type SubscriberStatus = 'pending' | 'active' | 'unsubscribed';

export interface ConsentEvent {
  at: string;
  ip: string;
  userAgent: string;
  source: string;
}

export interface ConsentRecord {
  subscribed?: ConsentEvent;
  confirmed?: ConsentEvent;
  unsubscribed?: { at: string; source: string };
}

export interface Subscriber {
  /** Stable id derived from the normalised address (see domain/subscribers). */
  id: string;
  email: string;
  status: SubscriberStatus;
  topics: string[];
  frequency: Frequency;
  paused: boolean;
  createdAt: string;
  updatedAt: string;
  consent: ConsentRecord & {
    /** Earlier records, kept when the reader confirmed a new subscription after unsubscribing. */
    previous?: ConsentRecord[];
  };
  /**
   * A request to subscribe an unsubscribed reader again (anyone can make one), waiting for the
   * reader's confirmation. Until then their own record, choices and consent stay as they were.
   */
  resubscribe?: ConsentEvent & { topics: string[]; frequency: Frequency };
  /** Pending confirmation: only the hash of the token is kept. */
  confirm?: { tokenHash: string; expiresAt: string; sentAt: string };
  /** Consecutive transient bounces; three in a row suppress the address. */
  transientBounces: number;
  /** Subscribe requests for this address in the current window: the per-address abuse limit. */
  requests?: RequestCount;
  /** Stored revision, set by the store on read; used for optimistic concurrency. */
  revision?: number;
}

/**
 * Requests counted in one fixed window. Kept on the address's own stored entry and written with it,
 * so the limit costs no store call of its own and the entry's conditional write keeps it exact.
 */
export interface RequestCount {
  /** Epoch seconds at which the window opened. */
  windowStart: number;
  count: number;
}

/** What the send path needs to know about one recipient. */
export interface Recipient {
  subscriberId: string;
  email: string;
}
