// `npm test` runs a browser test in Debian's Chromium. On a fresh machine it is installed here, with
// apt, so the README's two commands stay the whole setup (never a downloaded browser build).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = root ? '' : 'sudo ';
  console.log("Chromium is missing; installing Debian's chromium package for the browser test…");
  try {
    execSync(
      `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`,
      {
        stdio: 'inherit',
      },
    );
  } catch {
    console.error(`Could not install chromium. Install it with: ${sudo}apt-get install -y chromium`);
    process.exit(1);
  }
}
