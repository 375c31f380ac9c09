// A reader in a real browser (headless Chrome or Chromium, see scripts/chromium.ts) against the whole
// local stack: subscribe on the page, open the confirmation in the local inbox (the SES emulator's web
// UI), confirm, then unsubscribe from the link in the welcome email. Skipped, saying so, without one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../functions/local/emulators';
import { type LocalStack, startLocalStack } from '../../functions/local/stack';
import { findChromium, launchChromium } from '../../scripts/chromium';
import { subscriberIdFor } from '../support/ids';

const executablePath = findChromium();
if (!executablePath) {
  console.warn(
    'Browser tests SKIPPED: no Chrome or Chromium found (set CHROMIUM_PATH, or install chromium).',
  );
}

let stack: LocalStack;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  if (!executablePath) return;
  dataDir = mkdtempSync(join(tmpdir(), 'talkwatch-e2e-'));
  // Free ports picked up front (the local settings schema does not take 0 for "any").
  const [port, sesPort, dynamoPort] = [await freePort(), await freePort(), await freePort()].map(String);
  stack = await startLocalStack({
    env: { PORT: port, SES_PORT: sesPort, DYNAMODB_PORT: dynamoPort, DATA_DIR: dataDir, LOG_LEVEL: 'ERROR' },
    skipSeed: true,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Open the newest email with this subject in the inbox UI and return the href of the named link. */
async function linkInInbox(page: Page, subject: string, linkName: string | RegExp): Promise<string> {
  await page.goto(stack.inboxUrl!);
  const email = page.locator('.email', { hasText: subject }).first();
  await email.waitFor({ timeout: 15_000 });
  await email.getByRole('button', { name: 'Toggle HTML view' }).click();
  const link = email.frameLocator('iframe').getByRole('link', { name: linkName }).first();
  const href = await link.getAttribute('href');
  if (!href) throw new Error(`no "${linkName}" link in "${subject}"`);
  return href;
}

describe.skipIf(!executablePath)('subscribing in a browser', () => {
  it('subscribes, confirms from the inbox and unsubscribes from the email link', async () => {
    const page = await browser.newPage();
    const email = `browser.${Date.now()}@example.org`;

    await page.goto(`${stack.appUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // Keyboard: the skip link comes first and leads past the masthead to the email field.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    // The honeypot is not there for people or assistive technology.
    expect(await page.getByRole('textbox', { name: 'Leave this field empty' }).count()).toBe(0);

    // A mistake is announced and tied to the field.
    await page.getByLabel('Email address').fill('not an address');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect.poll(() => page.title()).toBe('Error: Subscribe – Talkwatch');
    const field = page.getByLabel('Email address');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#email-error').textContent()).toMatch(/valid email address/);

    await field.fill(email);
    await page.getByLabel('US–Russia–Ukraine peace talks').check();
    await page.getByLabel('A weekly digest').check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Check your inbox');

    const confirmUrl = await linkInInbox(page, 'Confirm your Talkwatch subscription', 'Confirm subscription');
    expect(confirmUrl.startsWith(`${stack.config.PUBLIC_URL}/confirm?token=`)).toBe(true);
    await page.goto(confirmUrl);
    await page.getByRole('button', { name: 'Confirm my subscription' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('You are subscribed');

    const unsubscribeUrl = await linkInInbox(page, 'Welcome to Talkwatch', 'Unsubscribe');
    await page.goto(unsubscribeUrl);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('You are unsubscribed');

    const s = await stack.deps.subscribers.get(subscriberIdFor(email, stack.config.SUBSCRIBER_ID_KEY));
    expect(s?.status).toBe('unsubscribed');
    expect(s?.frequency).toBe('weekly');
    expect((await stack.deps.subscribers.listCohort('us-russia-ukraine', 'weekly')).items).toEqual([]);
    await page.close();
  });
});
