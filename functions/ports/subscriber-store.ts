// Persistence of subscribers, suppressions and their send cohorts.
import type { Frequency, Recipient, RequestCount, Subscriber } from '../domain/subscribers/types';

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Absent on the last page. */
  cursor?: string;
}

export interface PutOptions {
  /**
   * Optimistic concurrency: write only if the stored record still has this revision (`'absent'`:
   * only if there is no record). A lost race throws ConflictError.
   */
  ifRevision?: number | 'absent';
  /**
   * The record as read (the one `ifRevision` names). When the write leaves the reader's cohort
   * membership as it was (status, pause, topics, frequency), the store writes the record alone
   * instead of also reading and rewriting the cohort entries.
   */
  previous?: Subscriber;
}

/** Why and since when an address is kept off the list. */
export interface Suppression {
  reason: string;
  at: string;
  /** Subscribe requests counted while the address has no record (see Subscriber.requests). */
  requests?: RequestCount;
}

/** What is stored under one id: the record and the suppression entry, either of them absent. */
export interface StoredReader {
  subscriber?: Subscriber;
  suppression?: Suppression;
}

export interface SubscriberStore {
  /** The record with `revision` set to the stored revision. */
  get(id: string): Promise<Subscriber | undefined>;
  /**
   * Insert or replace the subscriber and keep its cohort entries in step, atomically. The stored
   * revision becomes the previous one plus one.
   */
  put(subscriber: Subscriber, options?: PutOptions): Promise<void>;
  /**
   * Record and suppression entry of each id, read consistently in one batch (subscribe's look-up of
   * an address under both its ids). Ids with neither are absent from the map.
   */
  lookup(ids: readonly string[]): Promise<Map<string, StoredReader>>;
  /**
   * The readers among these ids who take mail now (active, not paused), with their addresses: the
   * senders' look-up of a recipient batch (one consistent batch read per 100, of those fields only).
   */
  recipientsAmong(ids: readonly string[]): Promise<Map<string, Recipient>>;
  /** Remove the subscriber record and cohort entries (the suppression entry, if any, stays). */
  delete(id: string): Promise<void>;
  isSuppressed(id: string): Promise<boolean>;
  /** Which of these ids are suppressed, in a few batch reads (the dispatcher checks a page at a time). */
  suppressedAmong(ids: readonly string[]): Promise<Set<string>>;
  /** Why and since when the id is suppressed (the reader's data export). */
  getSuppression(id: string): Promise<{ reason: string; at: string } | undefined>;
  suppress(id: string, reason: string, at: string): Promise<void>;
  /**
   * Store a suppression entry's request count, only if the entry is still exactly `current` (as
   * read); otherwise ConflictError. The entry is never created here.
   */
  countOnSuppression(id: string, current: Suppression, requests: RequestCount): Promise<void>;
  /**
   * Active, unpaused subscribers of one topic at one frequency, one page at a time
   * (an index query, never a scan).
   */
  listCohort(topic: string, frequency: Frequency, cursor?: string, limit?: number): Promise<Page<Recipient>>;
}
