// Persistence of developments, idempotent on URL and on content.
import type { Development, StateOfPlay } from '../domain/developments/types';

export interface AddResult {
  development: Development;
  /** false when the URL or content was already stored (nothing changed). */
  created: boolean;
}

export interface DevelopmentStore {
  add(development: Development): Promise<AddResult>;
  /** Replace an existing development (e.g. to add a merged source). */
  update(development: Development): Promise<void>;
  get(id: string): Promise<Development | undefined>;
  findByUrl(url: string): Promise<Development | undefined>;
  findByContentHash(hash: string): Promise<Development | undefined>;
  /** Newest first. `since` is an ISO timestamp compared with publishedAt. */
  listByTopic(topic: string, options?: { since?: string; limit?: number }): Promise<Development[]>;
  /** Mark the development's follow-ups (state of play, alert request) as done. */
  clearPending(id: string): Promise<void>;
  getStateOfPlay(topic: string): Promise<StateOfPlay | undefined>;
  /**
   * Write the state only if the stored version is still `state.version` (absent: nothing stored yet);
   * otherwise throw ConflictError so the caller re-reads and folds again. Stores version + 1.
   */
  putStateOfPlay(state: StateOfPlay): Promise<void>;
}
