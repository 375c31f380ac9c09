// Persistence of subscribers, suppressions and their send cohorts.
import type { Frequency, Recipient, Subscriber } from '../domain/subscribers/types';

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
}

export interface SubscriberStore {
  /** The record with `revision` set to the stored revision. */
  get(id: string): Promise<Subscriber | undefined>;
  /**
   * Insert or replace the subscriber and keep its cohort entries in step, atomically. The stored
   * revision becomes the previous one plus one.
   */
  put(subscriber: Subscriber, options?: PutOptions): Promise<void>;
  /** Several records at once (one batch read per 100): the senders' look-up of a recipient batch. */
  getMany(ids: readonly string[]): Promise<Map<string, Subscriber>>;
  /** Remove the subscriber record and cohort entries (the suppression entry, if any, stays). */
  delete(id: string): Promise<void>;
  isSuppressed(id: string): Promise<boolean>;
  /** Which of these ids are suppressed, in a few batch reads (the dispatcher checks a page at a time). */
  suppressedAmong(ids: readonly string[]): Promise<Set<string>>;
  /** Why and since when the id is suppressed (the reader's data export). */
  getSuppression(id: string): Promise<{ reason: string; at: string } | undefined>;
  suppress(id: string, reason: string, at: string): Promise<void>;
  /**
   * Active, unpaused subscribers of one topic at one frequency, one page at a time
   * (an index query, never a scan).
   */
  listCohort(topic: string, frequency: Frequency, cursor?: string, limit?: number): Promise<Page<Recipient>>;
}
