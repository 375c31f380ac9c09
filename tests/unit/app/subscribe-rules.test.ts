// The rules around POST /subscribe and /confirm: validation naming the field, body size, per-IP and
// per-address limits, the honeypot, resend at most hourly, 7-day expiry with a fresh link on offer.
import { describe, expect, it } from 'vitest';
import { subscriberIdFor } from '../../support/ids';
import { form, json, subscriptionHarness, uniqueEmail } from '../../support/subscriptions';

function movableClock(start = '2026-03-02T09:00:00Z') {
  let now = new Date(start);
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}
const HOUR = 3600_000;

describe('input validation', () => {
  it.each([
    [{ email: 'not-an-email' }, 'email', /email must be a valid email address/],
    [{}, 'email', /email is required/],
    [{ email: 'a@example.org\r\nBcc: x@example.org' }, 'email', /line breaks or control characters/],
    [{ email: `${'a'.repeat(250)}@x.org` }, 'email', /at most 254/],
    [
      { email: 'a@example.org', topics: ['no-such-topic'] },
      'topics',
      /topics must be among: us-russia-ukraine/,
    ],
    [
      { email: 'a@example.org', frequency: 'hourly' },
      'frequency',
      /frequency must be one of: instant, daily, weekly/,
    ],
  ])('JSON %j → 400 naming %s', async (body, field, message) => {
    const h = await subscriptionHarness({ memory: true });
    const res = await h.request('/subscribe', json(body));
    expect(res.status).toBe(400);
    const answer = await res.json();
    expect(answer.field).toBe(field);
    expect(answer.error).toMatch(message);
    expect(h.sent).toHaveLength(0);
  });

  it('re-renders the form for a browser with the error tied to the field and the input kept', async () => {
    const h = await subscriptionHarness({ memory: true });
    const res = await h.request('/subscribe', form({ email: 'ann@@example', frequency: 'weekly' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/<p class="error" id="email-error">Email address: must be a valid email address/);
    expect(html).toMatch(/aria-describedby="email-hint email-error"/);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="ann@@example"');
    expect(html).toMatch(/id="frequency-weekly" name="frequency" value="weekly" checked/);
  });

  it('lists every topic with its description, none ticked, and asks for one when the form names none', async () => {
    const h = await subscriptionHarness({ memory: true });
    const home = await (await h.request('/')).text();
    for (const id of ['us-russia-ukraine', 'us-china-trade', 'india-pakistan', 'drc-rwanda']) {
      expect(home).toMatch(
        new RegExp(`id="topic-${id}" name="topics" value="${id}" aria-describedby="topic-${id}-hint"/>`),
      );
    }
    expect(home).not.toMatch(/name="topics"[^>]* checked/);
    expect(home).toContain('Tariffs, export controls');
    const res = await h.request('/subscribe', form({ email: uniqueEmail('none'), frequency: 'daily' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/<p class="error" id="topics-error">Topics: choose at least one topic/);
    expect(h.sent).toHaveLength(0);
  });

  it('accepts an internationalised domain and stores the normalised address', async () => {
    const h = await subscriptionHarness({ memory: true });
    expect((await h.request('/subscribe', json({ email: '  Ivan@Пример.РФ ' }))).status).toBe(202);
    const s = await h.deps.subscribers.get(subscriberIdFor('ivan@xn--e1afmkfd.xn--p1ai'));
    expect(s?.email).toBe('Ivan@xn--e1afmkfd.xn--p1ai');
    expect(s?.topics).toEqual(['us-russia-ukraine']);
    expect(s?.frequency).toBe('daily');
  });

  it('answers a body over 16 KB with 413 and stores nothing', async () => {
    const h = await subscriptionHarness({ memory: true });
    const res = await h.request('/subscribe', json({ email: uniqueEmail(), padding: 'x'.repeat(17 * 1024) }));
    expect(res.status).toBe(413);
    expect(h.sent).toHaveLength(0);
  });
});

describe('abuse limits', () => {
  it('limits one client IP, with Retry-After, across addresses', async () => {
    const h = await subscriptionHarness({ memory: true });
    for (let i = 0; i < 10; i++) {
      expect((await h.request('/subscribe', json({ email: uniqueEmail('ip') }), '203.0.113.50')).status).toBe(
        202,
      );
    }
    const limited = await h.request('/subscribe', json({ email: uniqueEmail('ip') }), '203.0.113.50');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatch(/Too many requests/);
    const page = await h.request('/subscribe', form({ email: uniqueEmail('ip') }), '203.0.113.50');
    expect(page.status).toBe(429);
    expect(await page.text()).toContain('Too many requests');
    expect((await h.request('/subscribe', json({ email: uniqueEmail('ip') }), '203.0.113.51')).status).toBe(
      202,
    );
  });

  it('limits one target address, whatever IPs the requests come from', async () => {
    const h = await subscriptionHarness({ memory: true });
    const email = uniqueEmail('target');
    for (let i = 0; i < 5; i++) {
      expect((await h.request('/subscribe', json({ email }), `192.0.2.${100 + i}`)).status).toBe(202);
    }
    const limited = await h.request('/subscribe', json({ email: email.toUpperCase() }), '192.0.2.199');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(h.sent).toHaveLength(1);
  });

  it('accepts a filled honeypot silently and keeps nothing', async () => {
    const h = await subscriptionHarness({ memory: true });
    const email = uniqueEmail('bot');
    const res = await h.request('/subscribe', form({ email, website: 'http://spam.example' }));
    expect(res.status).toBe(202);
    expect(await res.text()).toContain('Check your inbox');
    expect(await h.deps.subscribers.get(subscriberIdFor(email))).toBeUndefined();
    expect(h.sent).toHaveLength(0);
  });
});

describe('double opt-in timing', () => {
  it('re-sends to a pending address at most once per hour', async () => {
    const clock = movableClock();
    const h = await subscriptionHarness({ memory: true, clock });
    const email = uniqueEmail('resend');
    await h.request('/subscribe', json({ email }));
    clock.advance(59 * 60_000);
    await h.request('/subscribe', json({ email }));
    expect(h.sent).toHaveLength(1);
    clock.advance(2 * 60_000);
    await h.request('/subscribe', json({ email }));
    expect(h.sent).toHaveLength(2);
    // The newest link replaces the older one.
    const old = await h.request('/confirm', form({ token: h.sent[0]?.confirmToken ?? '' }));
    expect(old.status).toBe(400);
    expect((await h.request('/confirm', form({ token: h.sent[1]?.confirmToken ?? '' }))).status).toBe(200);
  });

  it('expires a confirmation link after 7 days and offers a new one', async () => {
    const clock = movableClock();
    const h = await subscriptionHarness({ memory: true, clock });
    const email = uniqueEmail('expiry');
    await h.request('/subscribe', json({ email }));
    const token = h.sent[0]?.confirmToken ?? '';
    clock.advance(7 * 24 * HOUR + 1000);
    const expired = await h.request('/confirm', form({ token }));
    expect(expired.status).toBe(410);
    const html = await expired.text();
    expect(html).toContain('Send me a new confirmation email');
    expect((await h.deps.subscribers.get(subscriberIdFor(email)))?.status).toBe('pending');

    const resent = await h.request('/confirm', form({ token, action: 'resend' }));
    expect(resent.status).toBe(200);
    expect(h.sent).toHaveLength(2);
    expect((await h.request('/confirm', form({ token: h.sent[1]?.confirmToken ?? '' }))).status).toBe(200);
    expect((await h.deps.subscribers.get(subscriberIdFor(email)))?.status).toBe('active');
  });

  it('records source, IP, user agent and time of the subscribe request', async () => {
    const clock = movableClock('2026-04-01T12:00:00Z');
    const h = await subscriptionHarness({ memory: true, clock });
    const email = uniqueEmail('consent');
    await h.request(
      '/subscribe',
      {
        ...form({ email, topics: 'us-russia-ukraine' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Firefox/140' },
      },
      '2001:db8::5',
    );
    expect((await h.deps.subscribers.get(subscriberIdFor(email)))?.consent.subscribed).toEqual({
      at: '2026-04-01T12:00:00.000Z',
      ip: '2001:db8::5',
      userAgent: 'Firefox/140',
      source: 'form',
    });
  });
});

describe('GET / (subscribe page)', () => {
  it('is a plain, labelled form that needs no JavaScript, with the honeypot hidden from people', async () => {
    const h = await subscriptionHarness({ memory: true });
    const res = await h.request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).not.toContain('<script');
    expect(html).toContain('<form method="post" action="/subscribe"');
    expect(html).toContain('<label for="email">Email address</label>');
    expect(html).toContain('<label for="topic-us-russia-ukraine">US–Russia–Ukraine peace talks</label>');
    expect(html).toMatch(/<legend>How often<\/legend>/);
    expect(html).toMatch(/id="frequency-daily" name="frequency" value="daily" checked/);
    expect(html).toMatch(
      /<div class="hp" aria-hidden="true">.*name="website" tabindex="-1" autocomplete="off"/,
    );
  });
});
