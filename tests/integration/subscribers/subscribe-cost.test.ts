// What one subscribe costs the store, counted through the real DynamoDB client (an SDK middleware on
// the emulator's client, no mock): at most 3 calls on the common path (the client IP's counter, one
// batch read of the address under both its ids, one conditional write carrying the address's
// count), so the API's ceiling is the store's ceiling over 3. The same for every address state is
// tests/integration/subscribers/timing.test.ts.
import { describe, expect, it } from 'vitest';
import { recordStoreCalls } from '../../support/store-calls';
import { form, json, subscriptionHarness, uniqueEmail } from '../../support/subscriptions';

describe('store calls per subscribe', () => {
  it('is at most 3 for a new address, by form and by JSON, and again when it asks a second time', async () => {
    const h = await subscriptionHarness();
    h.deps.queues.send.consume(async () => ({ batchItemFailures: [] }));
    const calls = recordStoreCalls(h.deps.dynamo);
    const email = uniqueEmail('cost');
    const requests = [
      json({ email }),
      form({ email: uniqueEmail('cost'), topics: 'us-russia-ukraine', frequency: 'weekly' }),
      // The same address again: now pending.
      json({ email }),
    ];
    for (const [i, request] of requests.entries()) {
      calls.reset();
      const res = await h.request('/subscribe', request, `198.51.100.${20 + i}`);
      expect(res.status).toBe(202);
      expect(calls.operations.length, `request ${i}: ${calls.operations}`).toBeLessThanOrEqual(3);
      expect(calls.operations).toEqual(['UpdateItem', 'BatchGetItem', 'PutItem']);
    }
  });

  it('spends no write on a request over the per-address limit', async () => {
    const h = await subscriptionHarness();
    h.deps.queues.send.consume(async () => ({ batchItemFailures: [] }));
    const calls = recordStoreCalls(h.deps.dynamo);
    const email = uniqueEmail('cost-limited');
    for (let i = 0; i < 5; i++) {
      expect((await h.request('/subscribe', json({ email }), `198.51.100.${40 + i}`)).status).toBe(202);
    }
    calls.reset();
    expect((await h.request('/subscribe', json({ email }), '198.51.100.49')).status).toBe(429);
    expect(calls.operations).toEqual(['UpdateItem', 'BatchGetItem']);
  });
});
