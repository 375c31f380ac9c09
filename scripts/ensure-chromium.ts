// `npm test` (pretest): make sure the browser tests have a Chrome or Chromium. CHROMIUM_PATH or an
// installed browser first (scripts/chromium.ts); on Debian/Ubuntu, Debian's chromium package with apt
// when root or password-less sudo allows; otherwise one line says the browser tests will be skipped,
// and every other test still runs.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { findChromium, type Lookup } from './chromium';

export interface EnsureDeps {
  lookup: Lookup;
  /** Runs a shell command; false when it fails. */
  run: (command: string) => boolean;
  say: (line: string) => void;
}

export type Outcome = 'found' | 'installed' | 'skip' | 'misconfigured';

export function ensureChromium(deps: EnsureDeps): Outcome {
  const { env } = deps.lookup;
  if (env.CHROMIUM_PATH && !deps.lookup.exists(env.CHROMIUM_PATH)) {
    deps.say(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist: fix or unset it.`);
    return 'misconfigured';
  }
  if (findChromium(deps.lookup)) return 'found';
  const canApt = deps.lookup.platform === 'linux' && deps.run('command -v apt-get >/dev/null 2>&1');
  const sudo = typeof process.getuid === 'function' && process.getuid() === 0 ? '' : 'sudo -n ';
  if (canApt && (sudo === '' || deps.run('sudo -n true >/dev/null 2>&1'))) {
    deps.say("No Chrome or Chromium found; installing Debian's chromium package for the browser tests…");
    const installed = deps.run(
      `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`,
    );
    if (installed && findChromium(deps.lookup)) return 'installed';
  }
  deps.say(
    'Browser tests SKIPPED: no Chrome or Chromium found. Set CHROMIUM_PATH to one, or install chromium; every other test runs.',
  );
  return 'skip';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outcome = ensureChromium({
    lookup: { env: process.env, platform: process.platform, exists: existsSync },
    run: (command) => {
      try {
        execSync(command, { stdio: 'inherit' });
        return true;
      } catch {
        return false;
      }
    },
    say: (line) => console.log(line),
  });
  if (outcome === 'misconfigured') process.exit(1);
}
