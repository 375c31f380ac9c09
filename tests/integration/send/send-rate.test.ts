// The shared send rate: several workers booking slots on the same DynamoDB schedule never exceed the
// rate in any one-second window (sliding, as SES measures it), and the budget is actually used.
import { describe, expect, it } from 'vitest';
import { DynamoSendRateStore } from '../../../functions/adapters/dynamodb/send-rate';
import { chunkFor, createSendRate } from '../../../functions/domain/delivery/send-rate';
import { testDeps } from '../../support/env';

function maxInAnySecond(stamps: number[]): number {
  const sorted = [...stamps].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= 1000) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

/**
 * A discrete-event clock: sleepers wake in time order and the clock jumps to each wake-up, so the test
 * checks the limiter's schedule, not how late a busy machine's timers fire. Store calls still take
 * real time, during which the clock may move on (as it does in production).
 */
function virtualClock(start: number) {
  let t = start;
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  let scheduled = false;
  const pump = () => {
    scheduled = false;
    sleepers.sort((a, b) => a.at - b.at);
    const next = sleepers.shift();
    if (!next) return;
    t = Math.max(t, next.at);
    next.wake();
    if (sleepers.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(pump, 1);
  };
  return {
    now: () => t,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        sleepers.push({ at: t + ms, wake });
        schedule();
      }),
  };
}

describe('shared send rate over DynamoDB', () => {
  it('holds the rate across three workers in every sliding one-second window', async () => {
    const deps = await testDeps();
    const store = new DynamoSendRateStore(deps.dynamo, deps.config.TABLE_NAME);
    const rate = 40;
    const clock = virtualClock(Date.now());
    const workers = Array.from({ length: 3 }, () =>
      createSendRate({ store, rate: () => rate, now: clock.now, sleep: clock.sleep }),
    );
    const stamps: number[] = [];
    await Promise.all(
      workers.flatMap((w) =>
        Array.from({ length: 12 }, async () => {
          for (let i = 0; i < 4; i++) {
            await w.acquire();
            stamps.push(clock.now());
          }
        }),
      ),
    );
    expect(stamps).toHaveLength(144);
    expect(maxInAnySecond(stamps)).toBeLessThanOrEqual(rate);
  });

  it('never books overlapping slots, even for racing workers', async () => {
    const deps = await testDeps();
    const store = new DynamoSendRateStore(deps.dynamo, deps.config.TABLE_NAME);
    const now = Date.now();
    const starts = await Promise.all(Array.from({ length: 20 }, () => store.reserveSlots(5, 10, now)));
    const sorted = [...starts].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(50);
    expect(sorted[0]).toBe(now);
  });

  it('books in one store call whether the schedule lapsed between bookings or is still running', async () => {
    const deps = await testDeps();
    const store = new DynamoSendRateStore(deps.dynamo, deps.config.TABLE_NAME);
    const handler = deps.dynamo.client.config.requestHandler as unknown as {
      handle: (...args: unknown[]) => Promise<unknown>;
    };
    const handle = handler.handle.bind(handler);
    let calls = 0;
    handler.handle = (...args) => {
      calls++;
      return handle(...args);
    };
    try {
      const t = Date.now();
      // The first booking finds a table the other tests left booked: whatever it took, it is learnt.
      await store.reserveSlots(5, 1, t);
      const callsPerBooking: number[] = [];
      // A sender slower than its rate: each booking's slots lapse before the next (idle schedule)…
      for (let i = 1; i <= 3; i++) {
        calls = 0;
        const at = t + 3_600_000 * i;
        expect(await store.reserveSlots(5, 1, at)).toBe(at);
        callsPerBooking.push(calls);
      }
      // …and one that keeps up: the schedule is still booked ahead (busy schedule).
      const start = await store.reserveSlots(50, 100, t + 4 * 3_600_000);
      for (let i = 1; i <= 3; i++) {
        calls = 0;
        expect(await store.reserveSlots(50, 100, t + 4 * 3_600_000)).toBe(start + 5000 * i);
        callsPerBooking.push(calls);
      }
      expect(callsPerBooking).toEqual([1, 1, 1, 1, 1, 1]);
    } finally {
      handler.handle = handle;
    }
  });

  it('books in chunks sized to the rate', () => {
    expect(chunkFor(1)).toBe(1);
    expect(chunkFor(14)).toBe(3);
    expect(chunkFor(500)).toBe(50);
    expect(chunkFor(100_000)).toBe(50);
  });
});
