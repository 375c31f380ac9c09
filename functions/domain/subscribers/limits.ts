// Abuse limits; over the limit is a RateLimitedError (429 with Retry-After). Per client IP through
// the RateLimiter port, under keyed hashes (HMAC with the server's id key), so the IPs in the table
// cannot be recovered by hashing every IPv4 address. Per address on the address's own stored entry,
// written in the same conditional write as the rest of the request (no key of its own).
import { createHmac } from 'node:crypto';
import type { RateLimiter } from '../../ports/rate-limiter';
import { RateLimitedError } from '../errors';
import type { RequestCount } from './types';

export async function enforceLimit(
  ports: { rateLimiter: RateLimiter; idKey: string },
  scope: string,
  subject: string,
  rule: { limit: number; windowSeconds: number },
): Promise<void> {
  const mac = createHmac('sha256', Buffer.from(ports.idKey, 'base64')).update(`limit:${scope}:${subject}`);
  const key = `${scope}:${mac.digest('base64url').slice(0, 22)}`;
  const result = await ports.rateLimiter.hit(key, rule.limit, rule.windowSeconds);
  if (!result.allowed) {
    throw new RateLimitedError(
      `Too many requests; try again in ${formatWait(result.retryAfterSeconds)}.`,
      result.retryAfterSeconds,
    );
  }
}

/**
 * One more request against a count kept on a stored entry (the per-address limit: see
 * Subscriber.requests): the count to write with the entry, or RateLimitedError when the window is
 * full. Fixed windows, as the RateLimiter's, so Retry-After says when the window reopens.
 */
export function countRequest(
  previous: RequestCount | undefined,
  now: Date,
  rule: { limit: number; windowSeconds: number },
): RequestCount {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % rule.windowSeconds);
  const count = previous?.windowStart === windowStart ? previous.count : 0;
  if (count >= rule.limit) {
    const retryAfterSeconds = Math.max(1, windowStart + rule.windowSeconds - nowSeconds);
    throw new RateLimitedError(
      `Too many requests; try again in ${formatWait(retryAfterSeconds)}.`,
      retryAfterSeconds,
    );
  }
  return { windowStart, count: count + 1 };
}

function formatWait(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
