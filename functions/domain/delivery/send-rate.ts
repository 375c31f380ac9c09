// One send rate for every worker, enforced the way SES measures it: over any one-second window, not
// per calendar second. Slots are booked on a shared schedule, 1/R apart, in chunks (few store writes
// even at 500/s); each send waits for its own slot, so sends are evenly spaced and never burst. The
// next chunk is booked before the current one runs out, so the schedule has no gaps while busy.
import type { SendRateStore } from '../../ports/send-rate';

export interface SendRateOptions {
  store: SendRateStore;
  /** Emails per second across all workers: MAX_SEND_RATE bounded by the provider's quota. */
  rate: () => Promise<number> | number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendRate {
  /** Resolves when this worker may send one email. */
  acquire(): Promise<void>;
}

/** Slots run 3 % under the rate: sends up to STALE_SLOT_MS late still keep every window under it. */
export const RATE_SAFETY = 0.97;
/** A slot not taken within this long is dropped rather than used late (which would bunch sends). */
export const STALE_SLOT_MS = 25;

/** About 200 ms of slots per booking (at most 50): long enough to hide the store's latency under load. */
export function chunkFor(rate: number): number {
  return Math.max(1, Math.min(50, Math.round(rate / 5)));
}

export function createSendRate(options: SendRateOptions): SendRate {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const slots: number[] = [];
  let chunk = 1;
  let booking: Promise<void> | undefined;

  async function book(): Promise<void> {
    const rate = Math.max(1, await options.rate());
    chunk = chunkFor(rate);
    const spacing = 1000 / (rate * RATE_SAFETY);
    const from = Math.max(now(), slots.at(-1) ?? 0);
    const start = await options.store.reserveSlots(chunk, spacing, from);
    for (let i = 0; i < chunk; i++) slots.push(start + i * spacing);
  }

  function bookAhead(): Promise<void> {
    booking ??= book().finally(() => {
      booking = undefined;
    });
    return booking;
  }

  return {
    async acquire() {
      for (;;) {
        const t = now();
        while (slots.length > 0 && slots[0]! < t - STALE_SLOT_MS) slots.shift();
        const slot = slots.shift();
        if (slots.length <= chunk / 2) void bookAhead().catch(() => undefined);
        if (slot !== undefined) {
          if (slot > t) await sleep(slot - t);
          // A timer that fired late would send in a bunch with the next slots: skip the slot instead.
          if (now() - slot <= STALE_SLOT_MS) return;
          continue;
        }
        await bookAhead();
      }
    },
  };
}
