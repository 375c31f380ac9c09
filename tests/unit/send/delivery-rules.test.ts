import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { backoffMs, STALE_CLAIM_MINUTES } from '../../../functions/domain/delivery/deliver';
import { createSendRate } from '../../../functions/domain/delivery/send-rate';
import { countDeliveries } from '../../../functions/domain/issues/status';
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
  const issue = { recipients: 6 } as Issue;
  const now = new Date('2025-12-02T12:00:00Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

  it('tells fresh claims (in flight) from stale ones (crash window: unknown, never resent) and derives pending', () => {
    const counts = countDeliveries(
      issue,
      [
        { subscriberId: 'a', status: 'sent', providerMessageId: 'm' },
        { subscriberId: 'b', status: 'failed', error: 'MessageRejected' },
        { subscriberId: 'c', status: 'suppressed' },
        { subscriberId: 'd', status: 'claimed', claimedAt: minutesAgo(1) },
        { subscriberId: 'e', status: 'claimed', claimedAt: minutesAgo(STALE_CLAIM_MINUTES + 1) },
      ],
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
  });
});

/** An in-memory SendRateStore with the same contract as the DynamoDB one. */
function memoryStore(): SendRateStore & { used: Map<number, number> } {
  const used = new Map<number, number>();
  return {
    used,
    async reserve(second, want, ceiling) {
      const granted = Math.max(0, Math.min(want, ceiling - (used.get(second) ?? 0)));
      used.set(second, (used.get(second) ?? 0) + granted);
      return granted;
    },
  };
}

describe('send rate pacing', () => {
  test.prop([fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 900 })], { numRuns: 40 })(
    'never hands out more than the rate in any second, and ramps through the second',
    async (rate, count) => {
      let clock = 1_000_000_000_000;
      const store = memoryStore();
      const limiter = createSendRate({
        store,
        rate: () => rate,
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        },
      });
      const stamps: number[] = [];
      for (let i = 0; i < count; i++) {
        await limiter.acquire();
        stamps.push(clock);
      }
      const perSecond = new Map<number, number>();
      for (const t of stamps)
        perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
      for (const n of perSecond.values()) expect(n).toBeLessThanOrEqual(rate);
      // Within a second, what was handed out by elapsed fraction f never exceeds R·f plus one chunk.
      const chunk = Math.max(1, Math.min(25, Math.floor(rate / 20)));
      for (const n of store.used.values()) expect(n).toBeLessThanOrEqual(rate);
      const first = Math.floor(stamps[0]! / 1000);
      const early = stamps.filter((t) => Math.floor(t / 1000) === first && t % 1000 < 100).length;
      expect(early).toBeLessThanOrEqual(Math.floor(rate * 0.1) + chunk);
      // And the budget is used: the whole run takes about count / rate seconds, not much more.
      const seconds = (stamps.at(-1)! - 1_000_000_000_000) / 1000;
      expect(seconds).toBeLessThanOrEqual(Math.ceil(count / rate) + 1);
    },
  );
});
