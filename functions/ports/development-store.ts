// Persistence of developments, idempotent on URL and on content.
import type { Development, StateOfPlay, StoredDevelopment } from '../domain/developments/types';

export interface AddResult {
  development: StoredDevelopment;
  /** false when the URL or content was already stored (nothing changed). */
  created: boolean;
}

export interface DevelopmentStore {
  /** A received development (no summary yet) stays off the topic's timeline until it has one. */
  add(development: StoredDevelopment): Promise<AddResult>;
  /** Replace an existing development (e.g. to add a merged source, or its summary). */
  update(development: StoredDevelopment): Promise<void>;
  /** A summarised development (one still being summarised reads as absent). */
  get(id: string): Promise<Development | undefined>;
  /** A development in whatever state it is stored. */
  getStored(id: string): Promise<StoredDevelopment | undefined>;
  findByUrl(url: string): Promise<StoredDevelopment | undefined>;
  findByContentHash(hash: string): Promise<StoredDevelopment | undefined>;
  /** Forget `development`; its URL and content now lead to `intoId` (a near-duplicate merged there). */
  remove(development: StoredDevelopment, intoId: string): Promise<void>;
  /** Summarised developments, newest first. `since` is an ISO timestamp compared with publishedAt. */
  listByTopic(topic: string, options?: { since?: string; limit?: number }): Promise<Development[]>;
  /** Summarised after `since` (ISO), in the order they were summarised, at most `limit`. */
  listArrivedSince(topic: string, since: string, limit?: number): Promise<Development[]>;
  /** Mark the development's follow-ups (state of play, alert request) as done. */
  clearPending(id: string): Promise<void>;
  getStateOfPlay(topic: string): Promise<StateOfPlay | undefined>;
  /**
   * Write the state only if the stored version is still `state.version` (absent: nothing stored yet);
   * otherwise throw ConflictError so the caller re-reads and folds again. Stores version + 1.
   */
  putStateOfPlay(state: StateOfPlay): Promise<void>;
}
