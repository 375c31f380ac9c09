// `npm test` outside Debian: the browser is CHROMIUM_PATH, or one already installed, before apt; with
// none to be had, the browser tests are skipped with one line saying so, and nothing fails.
import { describe, expect, it } from 'vitest';
import { findChromium, type Lookup } from '../../scripts/chromium';
import { type EnsureDeps, ensureChromium } from '../../scripts/ensure-chromium';

const lookup = (installed: string[], env: Record<string, string> = {}, platform: NodeJS.Platform = 'linux') =>
  ({
    env: { PATH: '/usr/local/bin:/usr/bin', ...env },
    platform,
    exists: (p) => installed.includes(p),
  }) as Lookup;

function harness(l: Lookup, apt: { available: boolean; installs?: string }) {
  const said: string[] = [];
  const commands: string[] = [];
  const deps: EnsureDeps = {
    lookup: l,
    run: (command) => {
      commands.push(command);
      if (command.includes('command -v apt-get')) return apt.available;
      if (command.includes('sudo -n true')) return true;
      if (command.includes('apt-get install') && apt.installs) {
        (l as { exists: (p: string) => boolean }).exists = (p) => p === apt.installs;
        return true;
      }
      return false;
    },
    say: (line) => void said.push(line),
  };
  return { deps, said, commands };
}

describe('finding Chrome or Chromium', () => {
  it('takes CHROMIUM_PATH first, then an installed browser, on each platform', () => {
    expect(findChromium(lookup(['/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/chrome/chrome' }))).toBe(
      '/opt/chrome/chrome',
    );
    expect(findChromium(lookup(['/usr/bin/google-chrome-stable']))).toBe('/usr/bin/google-chrome-stable');
    expect(findChromium(lookup(['/usr/local/bin/chromium']))).toBe('/usr/local/bin/chromium');
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium(lookup([mac], {}, 'darwin'))).toBe(mac);
    expect(findChromium(lookup([]))).toBeUndefined();
  });

  it('uses what is installed without apt', () => {
    const h = harness(lookup(['/usr/bin/chromium-browser']), { available: true });
    expect(ensureChromium(h.deps)).toBe('found');
    expect(h.commands).toEqual([]);
    expect(h.said).toEqual([]);
  });

  it('installs Debian chromium with apt only when nothing is installed', () => {
    const h = harness(lookup([]), { available: true, installs: '/usr/bin/chromium' });
    expect(ensureChromium(h.deps)).toBe('installed');
    expect(h.commands.some((c) => c.includes('apt-get install -y -qq chromium'))).toBe(true);
  });

  it('without a browser or apt (macOS, Fedora, CI images), skips the browser tests with one line', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const h = harness(lookup([], {}, platform), { available: false });
      expect(ensureChromium(h.deps)).toBe('skip');
      expect(h.said).toEqual([
        'Browser tests SKIPPED: no Chrome or Chromium found. Set CHROMIUM_PATH to one, or install chromium; every other test runs.',
      ]);
    }
  });

  it('stops on a CHROMIUM_PATH that does not exist instead of silently skipping', () => {
    const h = harness(lookup([], { CHROMIUM_PATH: '/nope/chrome' }), { available: true });
    expect(ensureChromium(h.deps)).toBe('misconfigured');
    expect(h.said[0]).toMatch(/CHROMIUM_PATH is set to \/nope\/chrome, which does not exist/);
  });
});
