// RateLimiter in memory: the same fixed windows as the DynamoDB adapter (a hit counts only while the
// window is under its limit), for route tests without an emulator.
import type { Clock } from '../../ports/clock';
import type { RateLimiter, RateLimitResult } from '../../ports/rate-limiter';

export class MemoryRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const window = Math.floor(nowSeconds / windowSeconds);
    const id = `${key}#${windowSeconds}#${window}`;
    const count = this.hits.get(id) ?? 0;
    if (count >= limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, (window + 1) * windowSeconds - nowSeconds) };
    }
    this.hits.set(id, count + 1);
    return { allowed: true, retryAfterSeconds: 0 };
  }
}
