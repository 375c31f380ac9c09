// SubscriberStore in memory: for tests of the domain and of routes that need no emulator. The same
// contract suite (tests/integration/subscribers/subscriber-store.contract.test.ts) runs against it and
// the DynamoDB adapter, so it cannot drift from the real one.
import { ConflictError, ValidationError } from '../../domain/errors';
import type { Frequency, Recipient, RequestCount, Subscriber } from '../../domain/subscribers/types';
import type {
  Page,
  PutOptions,
  StoredReader,
  SubscriberStore,
  Suppression,
} from '../../ports/subscriber-store';

export class MemorySubscriberStore implements SubscriberStore {
  readonly profiles = new Map<string, Subscriber>();
  readonly suppressions = new Map<string, Suppression>();

  async get(id: string) {
    const s = this.profiles.get(id);
    return s ? structuredClone(s) : undefined;
  }

  async lookup(ids: readonly string[]) {
    const found = new Map<string, StoredReader>();
    for (const id of ids) {
      const subscriber = await this.get(id);
      const suppression = this.suppressions.get(id);
      if (subscriber || suppression) {
        found.set(id, {
          ...(subscriber ? { subscriber } : {}),
          ...(suppression ? { suppression: structuredClone(suppression) } : {}),
        });
      }
    }
    return found;
  }

  async countOnSuppression(id: string, current: Suppression, requests: RequestCount) {
    const stored = this.suppressions.get(id);
    const same = (a?: RequestCount, b?: RequestCount) =>
      a?.windowStart === b?.windowStart && a?.count === b?.count;
    if (!stored || stored.reason !== current.reason || stored.at !== current.at)
      throw new ConflictError('changed');
    if (!same(stored.requests, current.requests)) throw new ConflictError('changed');
    this.suppressions.set(id, { ...stored, requests: { ...requests } });
  }

  async put(subscriber: Subscriber, options: PutOptions = {}) {
    const current = this.profiles.get(subscriber.id);
    if (options.ifRevision === 'absent' && current) throw new ConflictError('exists');
    if (typeof options.ifRevision === 'number' && current?.revision !== options.ifRevision) {
      throw new ConflictError('changed');
    }
    const base = typeof options.ifRevision === 'number' ? options.ifRevision : (subscriber.revision ?? 0);
    const copy = JSON.parse(JSON.stringify(subscriber)) as Subscriber;
    this.profiles.set(subscriber.id, { ...copy, revision: base + 1 });
  }

  async recipientsAmong(ids: readonly string[]) {
    const found = new Map<string, Recipient>();
    for (const id of ids) {
      const s = this.profiles.get(id);
      if (s?.status === 'active' && !s.paused) found.set(id, { subscriberId: id, email: s.email });
    }
    return found;
  }

  async delete(id: string) {
    this.profiles.delete(id);
  }

  async isSuppressed(id: string) {
    return this.suppressions.has(id);
  }

  async suppressedAmong(ids: readonly string[]) {
    return new Set(ids.filter((id) => this.suppressions.has(id)));
  }

  async getSuppression(id: string) {
    const entry = this.suppressions.get(id);
    return entry ? { reason: entry.reason, at: entry.at } : undefined;
  }

  async suppress(id: string, reason: string, at: string) {
    this.suppressions.set(id, { reason, at });
  }

  async listCohort(
    topic: string,
    frequency: Frequency,
    cursor?: string,
    limit = 100,
  ): Promise<Page<Recipient>> {
    if (cursor !== undefined && !/^[A-Za-z0-9_-]{22}$/.test(cursor)) {
      throw new ValidationError('cursor is not one this listing issued', 'cursor');
    }
    const all = [...this.profiles.values()]
      .filter(
        (s) => s.status === 'active' && !s.paused && s.frequency === frequency && s.topics.includes(topic),
      )
      .map((s) => s.id)
      .sort();
    const start = cursor ? all.findIndex((id) => id > cursor) : 0;
    const ids = start < 0 ? [] : all.slice(start, start + limit);
    const items = ids.map((id) => ({ subscriberId: id, email: this.profiles.get(id)!.email }));
    const last = ids.at(-1);
    return last && start + limit < all.length ? { items, cursor: last } : { items };
  }
}
