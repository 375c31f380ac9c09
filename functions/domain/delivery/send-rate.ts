// One send rate for every worker: tokens are reserved from the shared per-second windows in chunks
// (few store writes even at 500/s) and handed out locally. Reservations follow a ramp through each
// second (at most R·elapsed + one chunk), so sends are spread over the second instead of bursting at
// its start, and nothing above R is ever sent in one window.
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

export function chunkFor(rate: number): number {
  return Math.max(1, Math.min(25, Math.floor(rate / 20)));
}

export function createSendRate(options: SendRateOptions): SendRate {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const pool = { second: -1, tokens: 0 };
  let reserving: Promise<void> | undefined;

  async function refill(): Promise<void> {
    const rate = Math.max(1, Math.floor(await options.rate()));
    const chunk = chunkFor(rate);
    const t = now();
    const second = Math.floor(t / 1000);
    const elapsed = (t % 1000) / 1000;
    const ceiling = Math.min(rate, Math.floor(rate * elapsed) + chunk);
    const granted = await options.store.reserve(second, chunk, ceiling);
    if (granted > 0) {
      if (pool.second !== second) pool.tokens = 0;
      pool.second = second;
      pool.tokens += granted;
      return;
    }
    // Spent so far: wait for the ramp to allow another chunk, or for the next window.
    const untilRamp = ceiling < rate ? (chunk / rate) * 1000 : Number.POSITIVE_INFINITY;
    const untilNext = 1000 - (t % 1000);
    await sleep(Math.max(1, Math.min(untilRamp, untilNext) + Math.random() * 5));
  }

  return {
    async acquire() {
      for (;;) {
        if (pool.tokens > 0 && pool.second === Math.floor(now() / 1000)) {
          pool.tokens--;
          return;
        }
        if (!reserving) reserving = refill().finally(() => (reserving = undefined));
        await reserving;
      }
    },
  };
}
