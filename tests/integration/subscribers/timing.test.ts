// Subscribe must not tell, by how long it takes, whether an address is new, pending, active,
// unsubscribed, suppressed or deleted: every state does the same work. Measured here as the work
// itself (store reads and writes, queue messages, limiter hits per request, over 100 requests per
// state), not as wall time, which on a shared test machine would measure the machine; the medians in
// wall time are a benchmark figure (see README, Security).
import { describe, expect, it } from 'vitest';
import { activeSubscriber } from '../../support/delivery';
import { subscriberIdFor } from '../../support/ids';
import {
  json,
  type SubscriptionHarness,
  subscriptionHarness,
  uniqueEmail,
} from '../../support/subscriptions';

const READS = ['get', 'getSuppression', 'isSuppressed', 'listCohort'] as const;
const WRITES = ['put', 'suppress', 'delete'] as const;

function counting(h: SubscriptionHarness) {
  const counts = { reads: 0, writes: 0, messages: 0, limiterHits: 0 };
  const store = h.deps.subscribers as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  for (const name of [...READS, ...WRITES]) {
    const original = store[name]!.bind(store);
    store[name] = (...args) => {
      if ((READS as readonly string[]).includes(name)) counts.reads++;
      else counts.writes++;
      return original(...args);
    };
  }
  const limiter = h.deps.rateLimiter as unknown as { hit: (...a: unknown[]) => Promise<unknown> };
  const hit = limiter.hit.bind(limiter);
  limiter.hit = (...args) => {
    counts.limiterHits++;
    return hit(...args);
  };
  const queued = h.queued.length;
  return { counts, messages: () => h.queued.length - queued };
}

/** An address in `state`, written straight into the store (the flows that lead there have their own tests). */
async function addressIn(h: SubscriptionHarness, state: string): Promise<string> {
  const email = uniqueEmail(state);
  const reader = activeSubscriber(email);
  const at = new Date().toISOString();
  if (state === 'pending') {
    await h.deps.subscribers.put({
      ...reader,
      status: 'pending',
      confirm: { tokenHash: 'x', expiresAt: at, sentAt: at },
    });
  }
  if (state === 'active' || state === 'suppressed') await h.deps.subscribers.put(reader);
  if (state === 'unsubscribed') await h.deps.subscribers.put({ ...reader, status: 'unsubscribed' });
  if (state === 'suppressed') await h.deps.subscribers.suppress(reader.id, 'complaint', at);
  if (state === 'deleted') await h.deps.subscribers.suppress(reader.id, 'deleted-by-subscriber', at);
  return email;
}

describe('subscribe timing', () => {
  it('does the same store reads, writes, queue messages and limiter hits for every address state', async () => {
    const h = await subscriptionHarness();
    const states = ['new', 'pending', 'active', 'unsubscribed', 'suppressed', 'deleted'];
    const work: Record<string, string> = {};
    for (const state of states) {
      const emails = [];
      for (let i = 0; i < 100; i += 20) {
        emails.push(...(await Promise.all(Array.from({ length: 20 }, () => addressIn(h, state)))));
      }
      // The states really are what they are named.
      const sample = await h.deps.subscribers.get(subscriberIdFor(emails[0]!));
      const expected = { new: undefined, pending: 'pending', active: 'active', unsubscribed: 'unsubscribed' };
      if (state in expected) expect(sample?.status, state).toBe(expected[state as keyof typeof expected]);
      if (state === 'deleted') expect(sample).toBeUndefined();
      if (state === 'suppressed' || state === 'deleted') {
        expect(await h.deps.subscribers.isSuppressed(subscriberIdFor(emails[0]!))).toBe(true);
      }
      const { counts, messages } = counting(h);
      // One at a time: the same request flow a single client sees (concurrent ones may retry on conflict).
      for (const [i, email] of emails.entries()) {
        const res = await h.request('/subscribe', json({ email }), `198.51.${states.indexOf(state)}.${i}`);
        expect(res.status).toBe(202);
      }
      work[state] = JSON.stringify({ ...counts, messages: messages() });
      h.deps.subscribers =
        Object.getPrototypeOf(h.deps.subscribers) === Object.prototype
          ? h.deps.subscribers
          : h.deps.subscribers;
    }
    for (const state of states) expect(work[state], state).toBe(work.new);
    expect(JSON.parse(work.new!)).toMatchObject({ messages: 100, writes: 100 });
  }, 300_000);
});
