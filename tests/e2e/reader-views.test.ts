// Every email and page a reader sees, in headless Chromium against the whole local stack: at 320 and
// 390 px nothing scrolls sideways, and in light and dark every text meets WCAG AA contrast. Screenshots
// of each view at 390 px, light and dark, are kept in tests/e2e/artifacts/ (`npm run email:preview`
// also shoots the emails at 1280 px).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderWelcomeEmail } from '../../emails/render';
import { subscriberIdFor } from '../../functions/domain/subscribers/email';
import { signSubscriberToken } from '../../functions/domain/subscribers/link-tokens';
import { freePort } from '../../functions/local/emulators';
import { type LocalStack, startLocalStack } from '../../functions/local/stack';
import { launchChromium } from '../../scripts/chromium';
import { activeSubscriber, signedHeaders } from '../support/delivery';
import { checkView, type Load, SCHEMES } from './support';

let stack: LocalStack;
let browser: Browser;
let dataDir: string;
const views: Record<string, Load> = {};

async function request(kind: 'digest' | 'alert', extra: Record<string, unknown> = {}): Promise<string> {
  const body = JSON.stringify({ topic: 'us-russia-ukraine', kind, ...extra });
  const res = await fetch(`${stack.appUrl}/webhooks/send`, {
    method: 'POST',
    body,
    headers: signedHeaders(body, { secret: stack.config.WEBHOOK_SECRET_SEND[0]! }),
  });
  expect(res.status).toBe(202);
  const { issueId } = (await res.json()) as { issueId: string };
  for (let i = 0; i < 100; i++) {
    const status = await fetch(`${stack.appUrl}/issues/${issueId}`, {
      headers: { authorization: `Bearer ${stack.config.ADMIN_TOKEN}` },
    });
    if (/^(sent|dry-run)$/.test(((await status.json()) as { status: string }).status)) return issueId;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`issue ${issueId} was not sent`);
}

interface StoredEmail {
  subject: string;
  destination: { to: string[] };
  body: { html?: string };
}

async function emailHtml(to: string, subject: RegExp): Promise<string> {
  const res = await fetch(`${stack.inboxUrl}/store`);
  const { emails } = (await res.json()) as { emails: StoredEmail[] };
  const found = emails.filter((e) => e.destination.to.includes(to) && subject.test(e.subject)).at(-1);
  if (!found?.body.html) throw new Error(`no email "${subject}" to ${to}`);
  return found.body.html;
}

const html =
  (markup: string): Load =>
  (page: Page) =>
    page.setContent(markup, { waitUntil: 'load' });
const url =
  (path: string): Load =>
  (page: Page) =>
    page.goto(`${stack.appUrl}${path}`);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'talkwatch-views-'));
  const [port, sesPort, dynamoPort] = [await freePort(), await freePort(), await freePort()].map(String);
  stack = await startLocalStack({
    env: { PORT: port, SES_PORT: sesPort, DYNAMODB_PORT: dynamoPort, DATA_DIR: dataDir, LOG_LEVEL: 'ERROR' },
  });
  browser = await launchChromium();

  const reader = activeSubscriber(`reader.${Date.now()}@example.org`, 'daily');
  const instant = activeSubscriber(`instant.${Date.now()}@example.org`, 'instant');
  await stack.deps.subscribers.put(reader);
  await stack.deps.subscribers.put(instant);
  const digestId = await request('digest', { since: '2025-01-01T00:00:00Z' });
  const [moscow] = await stack.deps.developments.listByTopic('us-russia-ukraine', { limit: 1 });
  await request('alert', { developmentIds: [moscow!.id] });
  const dryId = await request('digest', { since: '2025-01-01T00:00:00Z', dryRun: true });
  const pending = `pending.${Date.now()}@example.org`;
  await fetch(`${stack.appUrl}/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: pending, topics: ['us-russia-ukraine', 'drc-rwanda'] }),
  });
  await stack.queues.send.idle();

  const keys = stack.config.TOKEN_KEYS;
  const preferences = signSubscriberToken(
    keys,
    'preferences',
    subscriberIdFor(reader.email, stack.config.SUBSCRIBER_ID_KEY),
  );
  const unsubscribe = signSubscriberToken(
    keys,
    'unsubscribe',
    subscriberIdFor(reader.email, stack.config.SUBSCRIBER_ID_KEY),
  );
  const welcome = await renderWelcomeEmail({
    topicTitles: ['US–Russia–Ukraine peace talks'],
    frequency: 'daily',
    preferencesUrl: `${stack.appUrl}/preferences?token=${preferences}`,
    unsubscribeUrl: `${stack.appUrl}/unsubscribe?token=${unsubscribe}`,
    ...(await stack.deps.developments
      .getStateOfPlay('us-russia-ukraine')
      .then((s) => (s ? { stateOfPlay: s } : {}))),
  });
  const preview = (await (
    await fetch(`${stack.appUrl}/issues/${dryId}`, {
      headers: { authorization: `Bearer ${stack.config.ADMIN_TOKEN}` },
    })
  ).json()) as { previewUrl: string };

  Object.assign(views, {
    'email-digest': html(await emailHtml(reader.email, /^Ukraine talks: /)),
    'email-alert': html(await emailHtml(instant.email, /^Ukraine talks: /)),
    'email-confirm': html(await emailHtml(pending, /Confirm/)),
    'email-welcome': html(welcome.html),
    'page-home': url('/'),
    'page-archive': url('/archive'),
    'page-issue': url(`/archive/${digestId}`),
    'page-story': url('/topics/us-russia-ukraine'),
    'page-preferences': url(`/preferences?token=${preferences}`),
    'page-unsubscribe': url(`/unsubscribe?token=${unsubscribe}`),
    'page-subscribe-error': async (page: Page) => {
      await page.goto(`${stack.appUrl}/`);
      await page.getByRole('button', { name: 'Subscribe' }).first().click();
      await page.waitForURL(/subscribe/);
    },
    'page-not-found': url('/no-such-page'),
    'page-preview': (page: Page) => page.goto(preview.previewUrl),
  } satisfies Record<string, Load>);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('every email and page a reader sees', () => {
  it('has no horizontal scrolling at 320 and 390 px and meets WCAG AA contrast in light and dark', async () => {
    const problems: string[] = [];
    for (const [name, load] of Object.entries(views)) {
      for (const scheme of SCHEMES) {
        for (const width of [320, 390]) {
          const report = await checkView(browser, name, load, width, scheme, width === 390);
          if (report.overflow > 0) {
            problems.push(`${name} ${width}px ${scheme}: ${report.overflow}px sideways scroll`);
          }
          for (const low of report.lowContrast) {
            problems.push(
              `${name} ${width}px ${scheme}: "${low.text}" ${low.ratio}:1 (${low.color} on ${low.background})`,
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
