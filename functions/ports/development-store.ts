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
  getStateOfPlay(topic: string): Promise<StateOfPlay | undefined>;
  putStateOfPlay(state: StateOfPlay): Promise<void>;
}
