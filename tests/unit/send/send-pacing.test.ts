// The send path against SES's rule: at most R sends start in any one-second window (sliding), on a
// machine where timers fire late and claims take time. The schedule runs 3 % under the rate, which
// leaves about 31 ms for a send to be late before it can bunch with later ones into R + 1 in a second;
// a send must also not spend a second slot merely because its claim was slow. Runs on a virtual clock
// (timers fire in time order, the clock jumps to each), so no assertion depends on the machine's speed.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { MemoryIssueStore } from '../../../functions/adapters/memory/issue-store';
import { MemorySendRateStore } from '../../../functions/adapters/memory/send-rate';
import { deliverBatch } from '../../../functions/domain/delivery/deliver';
import { createSendRate, RATE_SAFETY } from '../../../functions/domain/delivery/send-rate';
import type { Recipient } from '../../../functions/domain/subscribers/types';
import { digestWithTemplate, oneReaderSend } from '../../support/delivery';

const START = 1_800_000_000_000;

/** Timers wake in time order, each `late()` ms after it was due (a busy event loop); microtasks between. */
function virtualLoop(late: () => number) {
  let clock = START;
  const timers: Array<{ at: number; wake: () => void }> = [];
  const at = (due: number) => new Promise<void>((wake) => timers.push({ at: due, wake }));
  /** A timer of ours: due in `ms`, fires late by whatever the loop is busy with. */
  const sleep = (ms: number) => at(clock + Math.max(0, ms) + late());
  /** Another machine's work (a store call): takes exactly `ms`. */
  const elapse = (ms: number) => at(clock + ms);
  async function run(work: Promise<unknown>) {
    let finished = false;
    const done = work.finally(() => {
      finished = true;
    });
    while (!finished) {
      await new Promise((r) => setImmediate(r));
      if (finished) break;
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift();
      if (!next) continue;
      clock = Math.max(clock, next.at);
      next.wake();
    }
    return done;
  }
  return { now: () => clock, sleep, elapse, run };
}

function maxInAnySecond(stamps: number[]): number {
  const sorted = [...stamps].sort((a, b) => a - b);
  let max = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= 1000) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

/** One batch of `count` readers through deliverBatch, the send rate on the memory schedule. */
async function deliverPaced(options: {
  rate: number;
  count: number;
  late: () => number;
  claimMs: () => number;
}) {
  const loop = virtualLoop(options.late);
  const { issue, template } = digestWithTemplate();
  const store = new MemoryIssueStore();
  await store.create(issue);
  await store.putTemplate(issue.id, template);
  const issues = Object.create(store) as MemoryIssueStore;
  issues.claim = async (...args) => {
    await loop.elapse(options.claimMs());
    return store.claim(...args);
  };
  const ids = Array.from({ length: options.count }, (_, i) => `sub_${i}`);
  const readers = new Map<string, Recipient>(
    ids.map((id) => [id, { subscriberId: id, email: `${id}@example.org` }]),
  );
  const sentAt: number[] = [];
  const work = deliverBatch(
    {
      ...oneReaderSend(),
      readers: async () => readers,
      issues,
      mailer: {
        send: async () => {
          sentAt.push(loop.now());
          return { providerMessageId: `m${sentAt.length}` };
        },
        quota: async () => ({ max24HourSend: 1e6, maxSendRate: options.rate, sentLast24Hours: 0 }),
      },
      rate: createSendRate({
        store: new MemorySendRateStore(),
        rate: () => options.rate,
        now: loop.now,
        sleep: loop.sleep,
      }),
      clock: { now: () => new Date(loop.now()) },
      sleep: loop.sleep,
    },
    { type: 'deliver', issueId: issue.id, recipients: ids.map((subscriberId) => ({ subscriberId })) },
  );
  await loop.run(work);
  return sentAt;
}

/** A deterministic stream of numbers in [0, max) from fast-check's seed. */
const stream = (values: number[], max: number) => {
  let i = 0;
  return () => ((values[i++ % values.length] ?? 0) % 1000) * (max / 1000);
};

describe('sends paced on a loaded machine', () => {
  test.prop(
    [
      fc.integer({ min: 5, max: 60 }),
      fc.array(fc.nat({ max: 999 }), { minLength: 1, maxLength: 64 }),
      fc.array(fc.nat({ max: 999 }), { minLength: 1, maxLength: 64 }),
    ],
    { numRuns: 60 },
  )(
    'never more than the rate in any sliding second, with timers up to 24 ms late and claims up to 24 ms',
    async (rate, lateness, claims) => {
      const sentAt = await deliverPaced({
        rate,
        count: Math.min(50, rate * 3),
        // Some timers on time: a loop whose every timer fires later than a slot may be late sends nothing.
        late: stream([...lateness, 0], 24),
        claimMs: stream(claims, 24),
      });
      expect(sentAt).toHaveLength(Math.min(50, rate * 3));
      expect(maxInAnySecond(sentAt)).toBeLessThanOrEqual(rate);
    },
  );

  test.prop(
    [
      fc.integer({ min: 5, max: 60 }),
      fc.array(fc.nat({ max: 999 }), { minLength: 1, maxLength: 64 }),
      fc.array(fc.nat({ max: 999 }), { minLength: 1, maxLength: 64 }),
    ],
    { numRuns: 40 },
  )(
    'every reader mailed once, never above the rate, when claims outlast their slots (up to 400 ms)',
    async (rate, lateness, claims) => {
      const count = Math.min(50, rate * 3);
      const sentAt = await deliverPaced({
        rate,
        count,
        late: stream([...lateness, 0], 24),
        claimMs: stream(claims, 400),
      });
      expect(sentAt).toHaveLength(count);
      expect(maxInAnySecond(sentAt)).toBeLessThanOrEqual(rate);
    },
  );

  test.prop([fc.integer({ min: 5, max: 50 }), fc.integer({ min: 20, max: 60 })], { numRuns: 20 })(
    'a claim slower than a send may be late does not cost the send a second slot',
    async (rate, claimMs) => {
      const count = 50;
      const sentAt = await deliverPaced({ rate, count, late: () => 0, claimMs: () => claimMs });
      expect(sentAt).toHaveLength(count);
      // First to last send: count − 1 slots 1/(0.97 R) apart, as with instant claims.
      const span = Math.max(...sentAt) - Math.min(...sentAt);
      expect(span).toBeLessThanOrEqual(((count - 1) * 1000) / (rate * RATE_SAFETY) + 1);
    },
  );
});
