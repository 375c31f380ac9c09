// The preference centre behind the signed link: topics and frequency, pause and resume, download
// my data (with the consent record), delete my data (suppression stays), and bad links.

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

const T = 'us-russia-ukraine';

async function activeReader(h: SubscriptionHarness<MemoryDeps>) {
  const email = uniqueEmail('prefs');
  await h.request(
    '/subscribe',
    { ...json({ email }), headers: { 'content-type': 'application/json', 'user-agent': 'UA/1' } },
    '192.0.2.10',
  );
  const token = h.sent.find((m) => m.subscriberId === subscriberIdFor(email))?.confirmToken ?? '';
  await h.request('/confirm', form({ token }), '192.0.2.11');
  const id = subscriberIdFor(email);
  const url = `/preferences?token=${signSubscriberToken(h.deps.config.TOKEN_KEYS, 'preferences', id)}`;
  return { email, id, url };
}

const cohort = async (h: SubscriptionHarness<MemoryDeps>, frequency: 'instant' | 'daily' | 'weekly') =>
  (await h.deps.subscribers.listCohort(T, frequency)).items.map((r) => r.email);

describe('preference centre', () => {
  it('shows the current choices and saves new topics and frequency', async () => {
    const h = await subscriptionHarness({ memory: true });
    const { email, url } = await activeReader(h);
    const page = await h.request(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(email);
    expect(html).toMatch(/id="frequency-daily" name="frequency" value="daily" checked/);

    const saved = await h.request(url, form({ action: 'save', topics: T, frequency: 'instant' }));
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Your preferences are saved.');
    expect(await cohort(h, 'daily')).toEqual([]);
    expect(await cohort(h, 'instant')).toEqual([email]);
  });

  it('refuses to save no topic at all, pointing at unsubscribe instead', async () => {
    const h = await subscriptionHarness({ memory: true });
    const { url, email } = await activeReader(h);
    const res = await h.request(url, form({ action: 'save', frequency: 'daily' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Choose at least one topic, or unsubscribe instead.');
    expect(await cohort(h, 'daily')).toEqual([email]);
  });

  it('pauses and resumes', async () => {
    const h = await subscriptionHarness({ memory: true });
    const { url, email } = await activeReader(h);
    expect(await (await h.request(url, form({ action: 'pause' }))).text()).toContain('Resume emails');
    expect(await cohort(h, 'daily')).toEqual([]);
    expect(await (await h.request(url, form({ action: 'resume' }))).text()).toContain('Pause emails');
    expect(await cohort(h, 'daily')).toEqual([email]);
  });

  it('lets an unsubscribed reader come back without a second opt-in', async () => {
    const h = await subscriptionHarness({ memory: true });
    const { url, email, id } = await activeReader(h);
    const unsubscribe = `/unsubscribe?token=${signSubscriberToken(h.deps.config.TOKEN_KEYS, 'unsubscribe', id)}`;
    await h.request(unsubscribe, form({ 'List-Unsubscribe': 'One-Click' }));
    expect(await cohort(h, 'daily')).toEqual([]);
    const res = await h.request(url, form({ action: 'resubscribe' }));
    expect(await res.text()).toContain('You are subscribed again.');
    expect(await cohort(h, 'daily')).toEqual([email]);
  });

  it('downloads my data as JSON, with the consent record and without the token hash', async () => {
    const h = await subscriptionHarness({ memory: true });
    const { url, email } = await activeReader(h);
    const res = await h.request(url, form({ action: 'export' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="talkwatch-my-data.json"/);
    const data = await res.json();
    expect(data).toMatchObject({
      email,
      status: 'active',
      topics: [T],
      frequency: 'daily',
      consent: {
        subscribed: { ip: '192.0.2.10', userAgent: 'UA/1', source: 'api', at: expect.any(String) },
        confirmed: { ip: '192.0.2.11', source: 'confirm-link', at: expect.any(String) },
      },
    });
    expect(JSON.stringify(data)).not.toMatch(/tokenHash/);
  });

  it('deletes my data after asking; the suppression stays so a later subscribe adds nothing', async () => {
    const h = await subscriptionHarness({ memory: true });
    const { url, email, id } = await activeReader(h);
    const ask = await h.request(url, form({ action: 'delete' }));
    expect(await ask.text()).toContain('Delete your data?');
    expect(await h.deps.subscribers.get(id)).toBeDefined();

    const done = await h.request(url, form({ action: 'delete-confirmed' }));
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Your data is deleted');
    expect(await h.deps.subscribers.get(id)).toBeUndefined();
    expect(await cohort(h, 'daily')).toEqual([]);
    expect(await h.deps.subscribers.isSuppressed(id)).toBe(true);

    h.sent.length = 0;
    expect((await h.request('/subscribe', json({ email }), '192.0.2.99')).status).toBe(202);
    expect(await h.deps.subscribers.get(id)).toBeUndefined();
    expect(h.sent).toHaveLength(0);
    // The old link now leads nowhere, like any bad link.
    expect((await h.request(url)).status).toBe(400);
  });

  it('answers forged, wrong-purpose and deleted-reader links with the same generic page', async () => {
    const h = await subscriptionHarness({ memory: true });
    const { id } = await activeReader(h);
    const unknown = signSubscriberToken(
      h.deps.config.TOKEN_KEYS,
      'preferences',
      subscriberIdFor('nobody@example.org'),
    );
    const wrongPurpose = signSubscriberToken(h.deps.config.TOKEN_KEYS, 'unsubscribe', id);
    const bodies = new Set<string>();
    for (const token of ['garbage', unknown, wrongPurpose, `${unknown.slice(0, -2)}AA`]) {
      const res = await h.request(`/preferences?token=${token}`);
      expect(res.status).toBe(400);
      bodies.add(await res.text());
    }
    expect(bodies.size).toBe(1);
    expect([...bodies][0]).toContain('This link is not valid');
  });
});
