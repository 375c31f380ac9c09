// Subscriber ids are keyed (HMAC with SUBSCRIBER_ID_KEY): an id in a link or Message-ID no longer
// tells whoever can hash an address that it is on the list, and abuse-limit keys no longer give away
// the IPs and addresses behind them. Readers stored before keep their bare-hash id and are found by it.
import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { legacySubscriberIdFor } from '../../../functions/domain/subscribers/email';
import { signSubscriberToken } from '../../../functions/domain/subscribers/link-tokens';
import { activeSubscriber } from '../../support/delivery';
import { subscriberIdFor } from '../../support/ids';
import { form, json, subscriptionHarness, uniqueEmail } from '../../support/subscriptions';

const bareHash = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 22);

describe('keyed subscriber ids', () => {
  it('stores a new reader under an id nobody can compute from the address alone', async () => {
    const h = await subscriptionHarness();
    const email = uniqueEmail('keyed');
    await h.request('/subscribe', json({ email }));
    expect(await h.deps.subscribers.get(legacySubscriberIdFor(email))).toBeUndefined();
    const stored = await h.deps.subscribers.get(subscriberIdFor(email));
    expect(stored?.email).toBe(email);
    expect(stored?.id).not.toBe(bareHash(email.toLowerCase()));
    // The confirmation link names the same keyed id.
    expect(h.sent.at(-1)?.subscriberId).toBe(stored?.id);
  });

  it('keeps abuse-limit keys keyed too: no bare hash of the client IP or the address is stored', async () => {
    const h = await subscriptionHarness();
    const email = uniqueEmail('limits');
    await h.request('/subscribe', json({ email }), '198.51.100.77');
    const items = await h.deps.dynamo.doc.send(new ScanCommand({ TableName: h.deps.config.TABLE_NAME }));
    const keys = (items.Items ?? []).map((i) => String(i.pk)).filter((k) => k.startsWith('RATE#'));
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) {
      expect(k).not.toContain(bareHash('198.51.100.77'));
      expect(k).not.toContain(bareHash(subscriberIdFor(email)));
    }
  });

  it('finds a reader stored under the bare-hash id before the change: no duplicate, old links still work', async () => {
    const h = await subscriptionHarness();
    const email = uniqueEmail('legacy');
    const legacyId = legacySubscriberIdFor(email);
    await h.deps.subscribers.put({ ...activeSubscriber(email), id: legacyId });

    const res = await h.request('/subscribe', json({ email }));
    expect(res.status).toBe(202);
    expect(await h.deps.subscribers.get(subscriberIdFor(email))).toBeUndefined();
    expect((await h.deps.subscribers.get(legacyId))?.status).toBe('active');

    // The unsubscribe link in an email sent before the change names the legacy id, and still works.
    const token = signSubscriberToken(h.deps.config.TOKEN_KEYS, 'unsubscribe', legacyId);
    await h.request(`/unsubscribe?token=${token}`, form({ 'List-Unsubscribe': 'One-Click' }));
    expect((await h.deps.subscribers.get(legacyId))?.status).toBe('unsubscribed');
  });

  it('keeps out an address suppressed under its bare-hash id before the change', async () => {
    const h = await subscriptionHarness();
    const email = uniqueEmail('legacy-suppressed');
    await h.deps.subscribers.suppress(legacySubscriberIdFor(email), 'complaint', new Date().toISOString());
    await h.request('/subscribe', json({ email }));
    expect(await h.deps.subscribers.get(subscriberIdFor(email))).toBeUndefined();
    expect(h.sent.filter((m) => m.subscriberId === subscriberIdFor(email))).toEqual([]);
  });
});
