// Where the browser tests find Chrome or Chromium: CHROMIUM_PATH, else a browser already installed in
// the usual places (Debian/Ubuntu, Fedora, snap, macOS, Windows) or on PATH. Shared by the `pretest`
// script (scripts/ensure-chromium.ts) and the browser tests, so both pick the same one. Never a
// downloaded browser build.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export interface Lookup {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
}

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function knownPaths({ env, platform }: Lookup): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  if (platform === 'win32') {
    return [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
      .filter((dir): dir is string => Boolean(dir))
      .map((dir) => join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'));
  }
  return [...NAMES.map((name) => `/usr/bin/${name}`), '/snap/bin/chromium'];
}

/** The browser to drive, or undefined when none is installed. CHROMIUM_PATH is taken as given. */
export function findChromium(
  lookup: Lookup = { env: process.env, platform: process.platform, exists: existsSync },
): string | undefined {
  if (lookup.env.CHROMIUM_PATH) return lookup.env.CHROMIUM_PATH;
  const onPath = (lookup.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => NAMES.map((name) => join(dir, lookup.platform === 'win32' ? `${name}.exe` : name)));
  return [...knownPaths(lookup), ...onPath].find((path) => lookup.exists(path));
}

/** Flags for headless runs in containers and CI (no sandbox, no GPU, no background traffic). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chrome or Chromium through playwright-core, for the email previews and the browser tests. */
export function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('No Chrome or Chromium found: set CHROMIUM_PATH, or run npm test once to install one.');
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export type Scheme = 'light' | 'dark';

/**
 * A fresh page per render: Chromium keeps a previous page's <meta name="color-scheme"> across
 * setContent, which would leak one scheme into the other.
 */
export async function openPage(browser: Browser, width: number, scheme: Scheme): Promise<Page> {
  return browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
}
