// Subscribe requests at the same moment, against the emulator: for one address, exactly one record,
// one confirmation email and as many accepted requests as the per-address limit allows (the count
// lives on the record and is written with it, so a race re-reads instead of losing or doubling a
// count); for many addresses from one IP, exactly as many accepted as the per-IP limit allows, each
// with its own record and email. Suppressed addresses count the same way on their suppression entry.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { legacySubscriberIdFor } from '../../../functions/domain/subscribers/email';
import { subscriberIdFor } from '../../support/ids';
import {
  json,
  type SubscriptionHarness,
  subscriptionHarness,
  uniqueEmail,
} from '../../support/subscriptions';

async function tableItems(h: SubscriptionHarness) {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await h.deps.dynamo.doc.send(
      new ScanCommand({ TableName: h.deps.config.TABLE_NAME, ExclusiveStartKey, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

const statuses = (responses: Response[]) => responses.map((r) => r.status).sort();

describe('concurrent subscribes', () => {
  it('for one address: one record, one confirmation email, exactly the per-address limit accepted', async () => {
    const h = await subscriptionHarness();
    const email = uniqueEmail('race');
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => h.request('/subscribe', json({ email }), `192.0.2.${60 + i}`)),
    );
    // The default per-address limit is 5 an hour.
    expect(statuses(responses)).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    await h.flush();
    const id = subscriberIdFor(email);
    const items = await tableItems(h);
    const records = items.filter((i) => String(i.pk).startsWith('SUB#') && i.sk === 'PROFILE');
    expect(records.filter((i) => i.email === email)).toHaveLength(1);
    expect(items.some((i) => i.pk === `SUB#${legacySubscriberIdFor(email)}`)).toBe(false);
    const stored = await h.deps.subscribers.get(id);
    expect(stored).toMatchObject({ status: 'pending', requests: { count: 5 } });
    expect(h.sent.filter((m) => m.subscriberId === id)).toHaveLength(1);
    expect(h.mailed.filter((m) => m.to === email)).toHaveLength(1);
    // Every request was from its own IP: each IP counted once.
    const ipCounters = items.filter((i) => String(i.pk).startsWith('RATE#ip-subscribe:'));
    expect(ipCounters.map((i) => i.hits)).toEqual(Array(8).fill(1));
  });

  it('for many addresses from one IP: exactly the per-IP limit accepted, each with its record and email', async () => {
    const h = await subscriptionHarness();
    const emails = Array.from({ length: 15 }, () => uniqueEmail('burst'));
    const responses = await Promise.all(
      emails.map((email) => h.request('/subscribe', json({ email }), '203.0.113.80')),
    );
    // The default per-IP limit is 10 in 10 minutes.
    expect(statuses(responses)).toEqual([...Array(10).fill(202), ...Array(5).fill(429)]);
    await h.flush();
    const accepted = emails.filter((_, i) => responses[i]!.status === 202);
    const refused = emails.filter((_, i) => responses[i]!.status === 429);
    for (const email of accepted) {
      expect(await h.deps.subscribers.get(subscriberIdFor(email))).toMatchObject({
        status: 'pending',
        requests: { count: 1 },
      });
      expect(
        h.mailed.filter((m) => m.to === email),
        email,
      ).toHaveLength(1);
    }
    for (const email of refused) {
      expect(await h.deps.subscribers.get(subscriberIdFor(email))).toBeUndefined();
      expect(h.mailed.filter((m) => m.to === email)).toHaveLength(0);
    }
    const items = await tableItems(h);
    expect(items.filter((i) => i.sk === 'PROFILE')).toHaveLength(10);
    const ipCounters = items.filter((i) => String(i.pk).startsWith('RATE#ip-subscribe:'));
    expect(ipCounters.map((i) => i.hits)).toEqual([10]);
  });

  it('for one deleted address: no record comes back, no email, and the count on its suppression entry is exact', async () => {
    const h = await subscriptionHarness();
    const email = uniqueEmail('race-deleted');
    const id = subscriberIdFor(email);
    await h.deps.subscribers.suppress(id, 'deleted-by-subscriber', '2026-01-01T00:00:00.000Z');
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => h.request('/subscribe', json({ email }), `192.0.2.${90 + i}`)),
    );
    expect(statuses(responses)).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    await h.flush();
    expect(await h.deps.subscribers.get(id)).toBeUndefined();
    const [entry] = (await h.deps.subscribers.lookup([id])).values();
    expect(entry?.suppression).toMatchObject({
      reason: 'deleted-by-subscriber',
      at: '2026-01-01T00:00:00.000Z',
      requests: { count: 5 },
    });
    expect(h.mailed.filter((m) => m.to === email)).toHaveLength(0);
  });
});
