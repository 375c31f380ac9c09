// Use-case rules checked on the in-memory store (the contract suite keeps it honest).
import { describe, expect, it } from 'vitest';
import { MemorySubscriberStore } from '../../../functions/adapters/memory/subscriber-store';
import type { TransactionalMessage } from '../../../functions/domain/queue-messages';
import { unsealConfirmToken } from '../../../functions/domain/subscribers/confirm-token';
import { confirmSubscription, subscribe } from '../../../functions/domain/subscribers/subscribe';
import type { SubscriptionPorts } from '../../../functions/domain/subscribers/subscription-ports';

import { TEST_SECRETS } from '../../support/env';
import { subscriberIdFor } from '../../support/ids';

function ports() {
  const sent: TransactionalMessage[] = [];
  const p: SubscriptionPorts = {
    subscribers: new MemorySubscriberStore(),
    rateLimiter: { hit: async () => ({ allowed: true, retryAfterSeconds: 0 }) },
    outbox: { send: async (m) => void sent.push(...m) },
    clock: { now: () => new Date('2026-05-01T08:00:00Z') },
    topics: [{ id: 'us-russia-ukraine', title: 'US–Russia–Ukraine peace talks' }],
    idKey: TEST_SECRETS.SUBSCRIBER_ID_KEY,
  };
  return { p, sent };
}

const context = { ip: '192.0.2.1', userAgent: 'test', source: 'form' };

describe('confirming', () => {
  it('two clicks at once confirm once and send one welcome', async () => {
    const { p, sent } = ports();
    await subscribe(p, {
      email: 'race@example.org',
      topics: ['us-russia-ukraine'],
      frequency: 'daily',
      context,
    });
    const token = unsealConfirmToken(sent[0]?.sealedToken, TEST_SECRETS.SUBSCRIBER_ID_KEY) ?? '';
    const results = await Promise.all([
      confirmSubscription(p, token, context),
      confirmSubscription(p, token, context),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['confirmed', 'confirmed']);
    expect(sent.filter((m) => m.template === 'welcome')).toHaveLength(1);
    expect((await p.subscribers.get(subscriberIdFor('race@example.org')))?.status).toBe('active');
  });

  it('a token for a suppressed address confirms nothing', async () => {
    const { p, sent } = ports();
    await subscribe(p, {
      email: 'sup@example.org',
      topics: ['us-russia-ukraine'],
      frequency: 'daily',
      context,
    });
    await p.subscribers.suppress(subscriberIdFor('sup@example.org'), 'complaint', '2026-05-01T08:00:00Z');
    const result = await confirmSubscription(
      p,
      unsealConfirmToken(sent[0]?.sealedToken, TEST_SECRETS.SUBSCRIBER_ID_KEY),
      context,
    );
    expect(result.outcome).toBe('invalid');
    expect(sent.filter((m) => m.template === 'welcome')).toHaveLength(0);
  });
});
