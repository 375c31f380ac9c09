// Nobody can find out who is subscribed: POST /subscribe answers byte for byte the same for a new,
// pending, active, unsubscribed or suppressed (deleted) address, as a form post and as JSON.

import { describe, expect, it } from 'vitest';
import { deleteSubscriber, unsubscribe } from '../../../functions/domain/subscribers/manage';
import { subscriberIdFor } from '../../support/ids';
import {
  form,
  json,
  type SubscriptionHarness,
  subscriptionHarness,
  uniqueEmail,
} from '../../support/subscriptions';

async function snapshot(res: Response) {
  return { status: res.status, headers: [...res.headers.entries()], body: await res.text() };
}

async function addressesInEveryState(h: SubscriptionHarness) {
  const [pending, active, unsubscribed, deleted] = ['pending', 'active', 'unsub', 'deleted'].map((t) =>
    uniqueEmail(t),
  );
  const setupIp = '192.0.2.1';
  for (const email of [pending, active, unsubscribed, deleted]) {
    expect((await h.request('/subscribe', json({ email }), setupIp)).status).toBe(202);
  }
  for (const email of [active, unsubscribed, deleted]) {
    const token = h.sent.find((m) => m.subscriberId === subscriberIdFor(email!))?.confirmToken;
    expect((await h.request('/confirm', form({ token: token! }), setupIp)).status).toBe(200);
  }
  await unsubscribe(h.deps, subscriberIdFor(unsubscribed!), 'test');
  await deleteSubscriber({ ...h.deps, deliveries: h.deps.issues }, subscriberIdFor(deleted!));
  const states = { new: uniqueEmail('new'), pending, active, unsubscribed, deleted } as Record<
    string,
    string
  >;
  expect(await h.deps.subscribers.get(subscriberIdFor(states.new!))).toBeUndefined();
  expect((await h.deps.subscribers.get(subscriberIdFor(pending!)))?.status).toBe('pending');
  expect((await h.deps.subscribers.get(subscriberIdFor(active!)))?.status).toBe('active');
  expect((await h.deps.subscribers.get(subscriberIdFor(unsubscribed!)))?.status).toBe('unsubscribed');
  expect(await h.deps.subscribers.isSuppressed(subscriberIdFor(deleted!))).toBe(true);
  return states;
}

describe('POST /subscribe does not reveal whether an address is known', () => {
  it.each([
    ['form post (HTML)', (email: string) => form({ email, topics: 'us-russia-ukraine', frequency: 'daily' })],
    ['JSON', (email: string) => json({ email, frequency: 'daily' })],
  ])('gives identical status, headers and body for every state: %s', async (_kind, request) => {
    const h = await subscriptionHarness();
    const states = await addressesInEveryState(h);
    const answers = [];
    for (const [state, email] of Object.entries(states)) {
      answers.push({
        state,
        ...(await snapshot(
          await h.request('/subscribe', request(email), `198.51.100.${answers.length + 10}`),
        )),
      });
    }
    expect(answers[0]?.status).toBe(202);
    for (const answer of answers.slice(1)) {
      expect({ ...answer, state: answers[0]?.state }).toEqual(answers[0]);
    }
  });

  it('mails only the addresses that may be mailed: a new one, and nothing to active or deleted ones', async () => {
    const h = await subscriptionHarness();
    const states = await addressesInEveryState(h);
    h.sent.length = 0;
    for (const [i, email] of Object.values(states).entries()) {
      await h.request('/subscribe', json({ email }), `198.51.100.${i + 50}`);
    }
    // New and unsubscribed get a (first) confirmation; pending was mailed under an hour ago; active
    // and deleted get nothing.
    expect(h.sent.map((m) => m.subscriberId).sort()).toEqual(
      [states.new, states.unsubscribed].map((e) => subscriberIdFor(e!)).sort(),
    );
    expect(await h.deps.subscribers.get(subscriberIdFor(states.deleted!))).toBeUndefined();
    expect((await h.deps.subscribers.get(subscriberIdFor(states.active!)))?.status).toBe('active');
  });
});
