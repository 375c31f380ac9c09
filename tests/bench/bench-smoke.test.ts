// CI smoke test of `npm run bench`: the reduced run (--quick) completes and prints one JSON object
// with every figure the issue names as a finite number, and the correctness figures hold (nobody
// mailed twice, no accepted subscription lost, no API errors). Speed and pacing are never asserted
// here: figures come from the full run.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../cdk/bundle-paths';

const ROOT = resolve(import.meta.dirname, '../..');
const NUMBERS = [
  'renderRatio',
  'personalisedPerSecond',
  'deliveryRatio',
  'throttleErrors',
  'duplicates',
  'uncappedSendsPerSecond',
  'noopSendsPerSecond',
  'senderCpuMsPerEmail',
  'storeCallsPerSubscribe',
  'fanoutSeconds100k',
  'fanoutRssMb10k',
  'fanoutRssMb100k',
  'apiRequestsPerSecond',
  'apiP99Ms',
  'apiErrors',
  'apiLostOrDoubled',
  'apiServerCpuMsPerSubscribe',
] as const;

describe('npm run bench -- --json --quick', () => {
  it('prints every figure as a finite number, with no duplicates, lost subscriptions or errors', async () => {
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'bench', '--', '--json', '--quick'],
      {
        cwd: ROOT,
        maxBuffer: 10 * 1024 * 1024,
        timeout: 280_000,
      },
    );
    const lines = stdout.trim().split('\n');
    const figures = JSON.parse(lines.at(-1)!) as Record<string, unknown>;

    for (const key of NUMBERS) {
      expect(Number.isFinite(figures[key]), `${key} = ${figures[key]}`).toBe(true);
    }
    for (const key of ['bundleKb', 'coldStartRatio']) {
      const byFunction = figures[key] as Record<string, unknown>;
      expect(Object.keys(byFunction).sort(), key).toEqual([...FUNCTIONS].sort());
      for (const name of FUNCTIONS) expect(Number.isFinite(byFunction[name]), `${key}.${name}`).toBe(true);
    }
    expect(figures.duplicates).toBe(0);
    // Throttle errors are not asserted: they measure pacing against wall-clock timers, which a loaded
    // CI machine fires late (the full run reports them).
    expect(figures.apiLostOrDoubled).toBe(0);
    expect(figures.apiErrors).toBe(0);
    expect(figures.apiAccepted).toBeGreaterThan(0);
    // Requests still in flight when the load generator stops may also be accepted, never fewer.
    expect(figures.apiConfirmationsQueued).toBeGreaterThanOrEqual(figures.apiAccepted as number);
  }, 300_000);
});
