import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../../functions/domain/delivery/deliver';
import { createSendRate, RATE_SAFETY } from '../../../functions/domain/delivery/send-rate';
import { issueCounts, publicStatus, STALE_CLAIM_MINUTES } from '../../../functions/domain/issues/status';
import type { Issue } from '../../../functions/domain/issues/types';
import type { SendRateStore } from '../../../functions/ports/send-rate';

describe('backoff', () => {
  test.prop([fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 0.999999, noNaN: true })])(
    'is full jitter under an exponential cap of at most 5 s',
    (attempt, r) => {
      const ms = backoffMs(attempt, () => r);
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(Math.min(5000, 100 * 2 ** attempt));
    },
  );
});

describe('issue counts', () => {
  const issue = { recipients: 6, status: 'sending', progress: { suppressed: 1 } } as Issue;
  const now = new Date('2025-12-02T12:00:00Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

  it('tells fresh claims (in flight) from stale ones (crash window: unknown, never resent) and derives pending', () => {
    const counts = issueCounts(
      issue,
      { sent: 1, failed: 1, suppressed: 0, openClaims: [minutesAgo(1), minutesAgo(STALE_CLAIM_MINUTES + 1)] },
      now,
    );
    expect(counts).toEqual({
      recipients: 6,
      sent: 1,
      failed: 1,
      suppressed: 1,
      inFlight: 1,
      unknown: 1,
      pending: 1,
    });
    expect(publicStatus(issue, counts)).toBe('sending');
  });

  it('reads as sent once nobody is pending or in flight (unknown claims do not hold it open)', () => {
    const counts = issueCounts(
      issue,
      { sent: 4, failed: 0, suppressed: 0, openClaims: [minutesAgo(STALE_CLAIM_MINUTES + 1)] },
      now,
    );
    expect(counts).toMatchObject({ pending: 0, inFlight: 0, unknown: 1 });
    expect(publicStatus(issue, counts)).toBe('sent');
  });
});

/** An in-memory SendRateStore with the same contract as the DynamoDB one. */
function memoryStore(): SendRateStore {
  let bookedUntil = 0;
  return {
    async reserveSlots(count, spacingMs, nowMs) {
      const start = Math.max(bookedUntil, nowMs);
      bookedUntil = start + count * spacingMs;
      return start;
    },
  };
}

function maxInAnySecond(sorted: number[]): number {
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= 1000) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

describe('send rate pacing', () => {
  test.prop(
    [fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 1500 }), fc.integer({ min: 1, max: 40 })],
    {
      numRuns: 40,
    },
  )(
    'never more than the rate in any sliding second, and the budget is used',
    async (rate, count, workers) => {
      let clock = 1_000_000_000_000;
      const timers: Array<{ at: number; resolve: () => void }> = [];
      const limiter = createSendRate({
        store: memoryStore(),
        rate: () => rate,
        now: () => clock,
        sleep: (ms) => new Promise<void>((resolve) => timers.push({ at: clock + ms, resolve })),
      });
      const stamps: number[] = [];
      let remaining = count;
      const worker = async () => {
        while (remaining > 0) {
          remaining--;
          await limiter.acquire();
          stamps.push(clock);
        }
      };
      const done = Promise.all(Array.from({ length: workers }, worker));
      let finished = false;
      void done.then(() => {
        finished = true;
      });
      // A virtual event loop: run microtasks, then jump to the next timer.
      while (!finished) {
        await new Promise((r) => setImmediate(r));
        if (finished) break;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift();
        if (!next) continue;
        clock = Math.max(clock, next.at);
        next.resolve();
      }
      expect(stamps).toHaveLength(count);
      expect(maxInAnySecond([...stamps].sort((a, b) => a - b))).toBeLessThanOrEqual(rate);
      // The first slot comes a booking's lead after the start; from there every slot is used.
      expect(Math.min(...stamps) - 1_000_000_000_000).toBeLessThanOrEqual(100);
      const seconds = (Math.max(...stamps) - Math.min(...stamps)) / 1000;
      expect(seconds).toBeLessThanOrEqual((count - 1) / (rate * RATE_SAFETY) + 0.01);
    },
  );
});
