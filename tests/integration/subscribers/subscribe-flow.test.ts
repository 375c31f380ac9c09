// The whole double opt-in journey through the HTTP app against the emulators: subscribe, read the
// confirmation back from the SES emulator, follow the link, confirm, get the welcome with RFC 8058
// headers, unsubscribe in one click, and the next cohort listing (the send path) leaves them out.
import { describe, expect, it } from 'vitest';
import { sesEmails } from '../../support/env';
import { subscriberIdFor } from '../../support/ids';
import { form, json, linkFrom, subscriptionHarness, uniqueEmail } from '../../support/subscriptions';

const T = 'us-russia-ukraine';

async function inbox(address: string) {
  return (await sesEmails()).filter((e) => e.destination.to.some((to) => to.includes(address)));
}

const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

describe('subscribe → confirm → welcome → one-click unsubscribe', () => {
  it('runs end to end and the next send excludes the address', async () => {
    const h = await subscriptionHarness();
    const email = uniqueEmail('flow');
    const id = subscriberIdFor(email);

    const subscribed = await h.request('/subscribe', json({ email, frequency: 'daily' }));
    expect(subscribed.status).toBe(202);
    await h.flush();

    const [confirmation, ...others] = await inbox(email);
    expect(others).toHaveLength(0);
    expect(confirmation?.subject).toBe('Confirm your Talkwatch subscription');
    expect(confirmation?.body.html).toContain('/confirm?token=');
    const confirmUrl = linkFrom(confirmation?.body.text, '/confirm');
    expect(confirmUrl.startsWith('http://talkwatch.test/confirm?token=')).toBe(true);
    // The confirmation is not list mail: no unsubscribe headers on it.
    expect(h.mailed[0]?.headers?.['List-Unsubscribe']).toBeUndefined();
    expect((await h.deps.subscribers.listCohort(T, 'daily')).items).toEqual([]);

    // A link scanner fetching the URL confirms nothing.
    const prompt = await h.request(pathOf(confirmUrl));
    expect(prompt.status).toBe(200);
    expect(await prompt.text()).toContain('Confirm my subscription');
    expect((await h.deps.subscribers.get(id))?.status).toBe('pending');

    const token = new URL(confirmUrl).searchParams.get('token')!;
    const confirmed = await h.request('/confirm', form({ token }), '203.0.113.9');
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('You are subscribed');
    const active = await h.deps.subscribers.get(id);
    expect(active?.status).toBe('active');
    expect(active?.consent.confirmed).toMatchObject({ ip: '203.0.113.9', source: 'confirm-link' });
    expect(active?.confirm).toBeUndefined();
    expect((await h.deps.subscribers.listCohort(T, 'daily')).items).toEqual([{ subscriberId: id, email }]);

    // The token works once.
    const again = await h.request('/confirm', form({ token }));
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('cannot be used');

    await h.flush();
    const welcome = (await inbox(email)).find((e) => e.subject === 'Welcome to Talkwatch');
    expect(welcome).toBeDefined();
    const unsubscribeUrl = linkFrom(welcome?.body.text, '/unsubscribe');
    const sentWelcome = h.mailed.find((m) => m.subject === 'Welcome to Talkwatch');
    // One-click https only: no mailto entry that nothing would receive.
    expect(sentWelcome?.headers?.['List-Unsubscribe']).toBe(`<${unsubscribeUrl}>`);
    expect(sentWelcome?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    // What a mailbox provider sends for the one-click button: no cookie, no auth.
    const oneClick = await h.request(
      pathOf(unsubscribeUrl),
      form({ 'List-Unsubscribe': 'One-Click' }),
      '192.0.2.200',
    );
    expect(oneClick.status).toBe(200);
    expect(oneClick.headers.get('location')).toBeNull();
    expect(oneClick.headers.get('set-cookie')).toBeNull();
    expect(await oneClick.text()).toContain('You are unsubscribed');
    expect((await h.deps.subscribers.listCohort(T, 'daily')).items).toEqual([]);
    expect((await h.deps.subscribers.get(id))?.consent.unsubscribed).toMatchObject({ source: 'one-click' });
  });

  it('accepts the one-click POST as multipart/form-data too, and a GET of the link changes nothing', async () => {
    const h = await subscriptionHarness();
    const email = uniqueEmail('multipart');
    await h.request('/subscribe', form({ email, topics: T, frequency: 'weekly' }));
    const token = h.sent[0]?.confirmToken ?? '';
    await h.request('/confirm', form({ token }));
    await h.flush();
    const unsubscribeUrl = linkFrom(
      h.mailed.find((m) => m.subject.startsWith('Welcome'))?.text,
      '/unsubscribe',
    );

    const get = await h.request(pathOf(unsubscribeUrl));
    expect(get.status).toBe(200);
    expect(await get.text()).toContain('<button type="submit">Unsubscribe</button>');
    expect((await h.deps.subscribers.listCohort(T, 'weekly')).items).toHaveLength(1);

    const body = new FormData();
    body.append('List-Unsubscribe', 'One-Click');
    const post = await h.request(pathOf(unsubscribeUrl), { method: 'POST', body });
    expect(post.status).toBe(200);
    expect((await h.deps.subscribers.listCohort(T, 'weekly')).items).toEqual([]);
  });

  it('answers every bad unsubscribe token with the same generic page', async () => {
    const h = await subscriptionHarness();
    const bodies = new Set<string>();
    for (const token of [
      '',
      'nonsense',
      `v1.${subscriberIdFor('x@y.org')}.${'A'.repeat(43)}`,
      `v9.abcdefghij.${'B'.repeat(43)}`,
    ]) {
      const res = await h.request(`/unsubscribe?token=${token}`, form({ 'List-Unsubscribe': 'One-Click' }));
      expect(res.status).toBe(400);
      bodies.add(await res.text());
    }
    expect(bodies.size).toBe(1);
  });
});
