// DevelopmentStore in memory, for tests that need no emulator. The DevelopmentStore contract
// (tests/support/development-store-contract.ts) runs against it and the DynamoDB adapter alike.
import type { Development, StateOfPlay, StoredDevelopment } from '../../domain/developments/types';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { AddResult, DevelopmentStore } from '../../ports/development-store';

const copy = <T>(value: T): T => structuredClone(value);

export class MemoryDevelopmentStore implements DevelopmentStore {
  private readonly developments = new Map<string, StoredDevelopment>();
  /** URL and content hash → development id (the claims that make adding idempotent). */
  private readonly byUrl = new Map<string, string>();
  private readonly byHash = new Map<string, string>();
  private readonly states = new Map<string, StateOfPlay>();

  async add(development: StoredDevelopment): Promise<AddResult> {
    const existingId = this.byUrl.get(development.url) ?? this.byHash.get(development.contentHash);
    const existing = existingId ? this.developments.get(existingId) : this.developments.get(development.id);
    if (existing) {
      this.byUrl.set(development.url, existing.id);
      return { development: copy(existing), created: false };
    }
    this.byUrl.set(development.url, development.id);
    this.byHash.set(development.contentHash, development.id);
    this.developments.set(development.id, copy(development));
    return { development, created: true };
  }

  async update(development: StoredDevelopment): Promise<void> {
    this.developments.set(development.id, copy(development));
    for (const source of development.sources) {
      if (!this.byUrl.has(source.url)) this.byUrl.set(source.url, development.id);
    }
  }

  async get(id: string): Promise<Development | undefined> {
    const stored = this.developments.get(id);
    return stored?.summary ? (copy(stored) as Development) : undefined;
  }

  async getStored(id: string): Promise<StoredDevelopment | undefined> {
    const stored = this.developments.get(id);
    return stored ? copy(stored) : undefined;
  }

  async findByUrl(url: string): Promise<StoredDevelopment | undefined> {
    const id = this.byUrl.get(url);
    return id ? this.getStored(id) : undefined;
  }

  async findByContentHash(hash: string): Promise<StoredDevelopment | undefined> {
    const id = this.byHash.get(hash);
    return id ? this.getStored(id) : undefined;
  }

  async remove(development: StoredDevelopment, intoId: string): Promise<void> {
    for (const source of development.sources) this.byUrl.set(source.url, intoId);
    this.byUrl.set(development.url, intoId);
    this.byHash.set(development.contentHash, intoId);
    this.developments.delete(development.id);
  }

  async listByTopic(topic: string, options: { since?: string; limit?: number } = {}): Promise<Development[]> {
    const since = options.since;
    return this.summarised(topic)
      .filter((d) => !since || d.publishedAt >= since)
      .sort((a, b) => `${b.publishedAt}#${b.id}`.localeCompare(`${a.publishedAt}#${a.id}`))
      .slice(0, options.limit ?? 100)
      .map(copy);
  }

  async listArrivedSince(topic: string, since: string, limit = 100): Promise<Development[]> {
    return this.summarised(topic)
      .filter((d) => d.summarisedAt !== undefined && d.summarisedAt > since)
      .sort((a, b) => `${a.summarisedAt}#${a.id}`.localeCompare(`${b.summarisedAt}#${b.id}`))
      .slice(0, limit)
      .map(copy);
  }

  async clearPending(id: string): Promise<void> {
    const stored = this.developments.get(id);
    if (!stored) throw new NotFoundError(`No development ${id}`);
    const { pending: _, ...rest } = stored;
    this.developments.set(id, rest as StoredDevelopment);
  }

  async getStateOfPlay(topic: string): Promise<StateOfPlay | undefined> {
    const state = this.states.get(topic);
    return state ? copy(state) : undefined;
  }

  async putStateOfPlay(state: StateOfPlay): Promise<void> {
    const stored = this.states.get(state.topic);
    if ((stored?.version ?? undefined) !== state.version) {
      throw new ConflictError(`The state of play of ${state.topic} changed since it was read`);
    }
    this.states.set(state.topic, { ...copy(state), version: (state.version ?? 0) + 1 });
  }

  /** Summarised developments of a topic (received ones are on no timeline yet). */
  private summarised(topic: string): Development[] {
    return [...this.developments.values()].filter(
      (d): d is Development => d.topic === topic && d.summary !== undefined,
    );
  }
}
