// What every reader view must pass in a real browser: no sideways scrolling on a phone, and text that
// meets WCAG AA contrast (4.5:1) in light and dark. Screenshots go to tests/e2e/artifacts/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openPage, type Scheme } from '../../scripts/chromium';

export const ARTIFACTS = join(process.cwd(), 'tests', 'e2e', 'artifacts');
export const SCHEMES: Scheme[] = ['light', 'dark'];

export interface LowContrast {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

export interface ViewReport {
  overflow: number;
  lowContrast: LowContrast[];
}

/**
 * Runs in the page: for every visible element with its own text, the contrast of its colour against
 * the first opaque background behind it (the canvas colour of the scheme when there is none).
 */
function inspect(scheme: Scheme): ViewReport {
  const parse = (c: string) => {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
    return m ? { r: +m[1]!, g: +m[2]!, b: +m[3]!, a: m[4] === undefined ? 1 : +m[4] } : undefined;
  };
  const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const canvas = scheme === 'dark' ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)';
  const backgroundOf = (el: Element | null): string => {
    for (let e = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if ((parse(bg)?.a ?? 0) > 0.5) return bg;
    }
    // Every view declares `color-scheme: light dark`, so the canvas follows the scheme.
    return canvas;
  };
  const low: LowContrast[] = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const own = Array.from(el.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (!own) continue;
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    // Hidden, off-screen (honeypot) or visually hidden (screen-reader only) text is not read by eyes.
    if (rect.width <= 1 || rect.height <= 1 || rect.right <= 0 || style.visibility === 'hidden') continue;
    if (style.display === 'none' || Number(style.opacity) === 0) continue;
    const fg = parse(style.color);
    const bgText = backgroundOf(el);
    const bg = parse(bgText);
    if (!fg || !bg) continue;
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
    const ratio = (hi + 0.05) / (lo + 0.05);
    if (ratio < 4.5) {
      low.push({
        text: own.slice(0, 60),
        ratio: Math.round(ratio * 100) / 100,
        color: style.color,
        background: bgText,
      });
    }
  }
  return {
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    lowContrast: low,
  };
}

export type Load = (page: import('playwright-core').Page) => Promise<unknown>;

/** Opens a view at one width and scheme, saves a full-page screenshot if asked, and reports what it found. */
export async function checkView(
  browser: Browser,
  name: string,
  load: Load,
  width: number,
  scheme: Scheme,
  screenshot = true,
): Promise<ViewReport> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const page = await openPage(browser, width, scheme);
  try {
    await load(page);
    const report = await page.evaluate(inspect, scheme);
    if (screenshot) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}-${scheme}.png`), fullPage: true });
    }
    return report;
  } finally {
    await page.close();
  }
}
