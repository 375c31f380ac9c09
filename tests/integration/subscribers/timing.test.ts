// Subscribe must not tell, by how long it takes, whether an address is new, pending, active,
// unsubscribed, suppressed or deleted: every state does the same work. Measured here as the work
// itself (DynamoDB calls by operation through the real client, queue messages, over 100 requests per
// state), not as wall time, which on a shared test machine would measure the machine; the medians in
// wall time are a benchmark figure (see README, Security).
import { describe, expect, it } from 'vitest';
import { activeSubscriber } from '../../support/delivery';
import { subscriberIdFor } from '../../support/ids';
import { recordStoreCalls, type StoreCalls } from '../../support/store-calls';
import {
  json,
  type SubscriptionHarness,
  subscriptionHarness,
  uniqueEmail,
} from '../../support/subscriptions';

/** Per operation, the store calls made from here on (through the real client), and messages queued. */
function counting(h: SubscriptionHarness, calls: StoreCalls) {
  calls.reset();
  const queued = h.queued.length;
  return () => {
    const operations: Record<string, number> = {};
    for (const op of [...calls.operations].sort()) operations[op] = (operations[op] ?? 0) + 1;
    return JSON.stringify({ operations, messages: h.queued.length - queued });
  };
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
  it('makes the same store calls (limiter hit, read, write) and queue messages for every address state', async () => {
    const h = await subscriptionHarness();
    // Only the requests' own work: the queue's consumer (which mails new addresses and drops the
    // other messages) is the send function's, not the API's.
    h.deps.queues.send.consume(async () => ({ batchItemFailures: [] }));
    const calls = recordStoreCalls(h.deps.dynamo);
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
      const measure = counting(h, calls);
      // One at a time: the same request flow a single client sees (concurrent ones may retry on conflict).
      for (const [i, email] of emails.entries()) {
        const res = await h.request('/subscribe', json({ email }), `198.51.${states.indexOf(state)}.${i}`);
        expect(res.status).toBe(202);
      }
      work[state] = measure();
    }
    for (const state of states) expect(work[state], state).toBe(work.new);
    // Per request: the client IP's counter, one batch read, one conditional write, one message.
    expect(JSON.parse(work.new!)).toEqual({
      operations: { BatchGetItem: 100, PutItem: 100, UpdateItem: 100 },
      messages: 100,
    });
  }, 300_000);
});
