// Headless Debian Chromium through playwright-core, for the email previews and the browser tests
// (never `npx playwright install`: /usr/bin/chromium comes from apt, see scripts/ensure-chromium.mjs).
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type Scheme = 'light' | 'dark';

/**
 * A fresh page per render: Chromium keeps a previous page's <meta name="color-scheme"> across
 * setContent, which would leak one scheme into the other.
 */
export async function openPage(browser: Browser, width: number, scheme: Scheme): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
  return page;
}
