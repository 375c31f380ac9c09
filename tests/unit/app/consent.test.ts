// A reader's consent record belongs to the reader: a stranger who asks to subscribe an unsubscribed
// address must not rewrite it (nor their choices or status); only the reader's own confirmation does,
// and then the earlier record is kept. The preference centre never says "subscribed" when it is not.

import { describe, expect, it } from 'vitest';
import { signSubscriberToken } from '../../../functions/domain/subscribers/link-tokens';
import { subscriberIdFor } from '../../support/ids';
import type { MemoryDeps } from '../../support/memory-deps';
import {
  form,
  json,
  type SubscriptionHarness,
  subscriptionHarness,
  uniqueEmail,
} from '../../support/subscriptions';

async function subscribeFrom(
  h: SubscriptionHarness<MemoryDeps>,
  email: string,
  ip: string,
  body: object = {},
) {
  const res = await h.request(
    '/subscribe',
    {
      ...json({ email, ...body }),
      headers: { 'content-type': 'application/json', 'user-agent': `UA ${ip}` },
    },
    ip,
  );
  expect(res.status).toBe(202);
  return h.sent.filter((m) => m.subscriberId === subscriberIdFor(email)).at(-1)?.confirmToken ?? '';
}

async function unsubscribedReader(h: SubscriptionHarness<MemoryDeps>) {
  const email = uniqueEmail('consent');
  const id = subscriberIdFor(email);
  const token = await subscribeFrom(h, email, '192.0.2.1', { frequency: 'weekly' });
  await h.request('/confirm', form({ token }), '192.0.2.2');
  const unsubscribe = `/unsubscribe?token=${signSubscriberToken(h.deps.config.TOKEN_KEYS, 'unsubscribe', id)}`;
  await h.request(unsubscribe, form({ 'List-Unsubscribe': 'One-Click' }));
  return { email, id, before: (await h.deps.subscribers.get(id))! };
}

describe('consent', () => {
  it("a stranger's subscribe request leaves an unsubscribed reader's record, choices and consent as they were", async () => {
    const h = await subscriptionHarness({ memory: true });
    const { email, id, before } = await unsubscribedReader(h);
    expect(before.status).toBe('unsubscribed');

    await subscribeFrom(h, email, '203.0.113.66', { frequency: 'instant' });
    const after = (await h.deps.subscribers.get(id))!;
    expect(after.status).toBe('unsubscribed');
    expect(after.frequency).toBe('weekly');
    expect(after.consent).toEqual(before.consent);
    expect(after.consent.subscribed?.ip).toBe('192.0.2.1');
    expect(after.consent.confirmed?.ip).toBe('192.0.2.2');
    // The request waits beside the record; the reader was mailed a link to confirm it.
    expect(after.resubscribe).toMatchObject({ ip: '203.0.113.66', frequency: 'instant' });
    expect((await h.deps.subscribers.listCohort('us-russia-ukraine', 'instant')).items).toEqual([]);
  });

  it("the reader's own confirmation makes the request the record and keeps the earlier one", async () => {
    const h = await subscriptionHarness({ memory: true });
    const { email, id, before } = await unsubscribedReader(h);
    const token = await subscribeFrom(h, email, '203.0.113.66', { frequency: 'instant' });
    const res = await h.request('/confirm', form({ token }), '198.51.100.9');
    expect(res.status).toBe(200);
    const after = (await h.deps.subscribers.get(id))!;
    expect(after).toMatchObject({ status: 'active', frequency: 'instant' });
    expect(after.consent.subscribed?.ip).toBe('203.0.113.66');
    expect(after.consent.confirmed?.ip).toBe('198.51.100.9');
    const { previous: _p, ...earlier } = before.consent;
    expect(after.consent.previous).toEqual([earlier]);
    expect(after.resubscribe).toBeUndefined();
  });

  it('"Resubscribe" does not say "subscribed" while the status is pending', async () => {
    const h = await subscriptionHarness({ memory: true });
    const email = uniqueEmail('pending');
    const id = subscriberIdFor(email);
    await subscribeFrom(h, email, '192.0.2.1');
    const url = `/preferences?token=${signSubscriberToken(h.deps.config.TOKEN_KEYS, 'preferences', id)}`;
    const res = await h.request(url, form({ action: 'resubscribe' }));
    const html = await res.text();
    expect((await h.deps.subscribers.get(id))?.status).toBe('pending');
    expect(html).not.toContain('You are subscribed again.');
    expect(html).toContain('not active yet');
  });
});
