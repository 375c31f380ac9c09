// Subscribe must not tell, by how long it takes, whether an address is new, pending, active,
// unsubscribed, suppressed or deleted: every state does the same work. Measured here as the work
// itself (store reads and writes, queue messages, limiter hits per request, over 100 requests per
// state), not as wall time, which on a shared test machine would measure the machine; the medians in
// wall time are a benchmark figure (see README, Security).
import { describe, expect, it } from 'vitest';
import { deleteSubscriber, unsubscribe } from '../../../functions/domain/subscribers/manage';
import { deliveryPorts } from '../../../functions/workers/delivery-ports';
import { subscriberIdFor } from '../../support/ids';
import {
  form,
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

async function addressIn(h: SubscriptionHarness, state: string, ip: string): Promise<string> {
  const email = uniqueEmail(state);
  if (state === 'new') return email;
  expect((await h.request('/subscribe', json({ email }), ip)).status).toBe(202);
  if (state === 'pending') return email;
  const token = h.sent.findLast((m) => m.subscriberId === subscriberIdFor(email))?.confirmToken ?? '';
  expect((await h.request('/confirm', form({ token }), ip)).status).toBe(200);
  const id = subscriberIdFor(email);
  if (state === 'unsubscribed') await unsubscribe(h.deps, id, 'test');
  if (state === 'suppressed') await h.deps.subscribers.suppress(id, 'complaint', new Date().toISOString());
  if (state === 'deleted')
    await deleteSubscriber({ ...h.deps, deliveries: deliveryPorts(h.deps).issues }, id);
  return email;
}

describe('subscribe timing', () => {
  it('does the same store reads, writes, queue messages and limiter hits for every address state', async () => {
    const h = await subscriptionHarness();
    const states = ['new', 'pending', 'active', 'unsubscribed', 'suppressed', 'deleted'];
    const work: Record<string, string> = {};
    for (const state of states) {
      const emails = [];
      for (let i = 0; i < 100; i++)
        emails.push(await addressIn(h, state, `192.0.${states.indexOf(state)}.${i}`));
      // The states really are what they are named.
      const sample = await h.deps.subscribers.get(subscriberIdFor(emails[0]!));
      const expected = { new: undefined, pending: 'pending', active: 'active', unsubscribed: 'unsubscribed' };
      if (state in expected) expect(sample?.status, state).toBe(expected[state as keyof typeof expected]);
      if (state === 'deleted') expect(sample).toBeUndefined();
      if (state === 'suppressed' || state === 'deleted') {
        expect(await h.deps.subscribers.isSuppressed(subscriberIdFor(emails[0]!))).toBe(true);
      }
      const { counts, messages } = counting(h);
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
  }, 120_000);
});
