// Abuse limits applied through the RateLimiter port; over the limit is a RateLimitedError (429 with
// Retry-After). Keys are hashed so IPs and addresses are not stored in the clear.
import { createHash } from 'node:crypto';
import type { RateLimiter } from '../../ports/rate-limiter';
import { RateLimitedError } from '../errors';

export async function enforceLimit(
  limiter: RateLimiter,
  scope: string,
  subject: string,
  rule: { limit: number; windowSeconds: number },
): Promise<void> {
  const key = `${scope}:${createHash('sha256').update(subject).digest('base64url').slice(0, 22)}`;
  const result = await limiter.hit(key, rule.limit, rule.windowSeconds);
  if (!result.allowed) {
    throw new RateLimitedError(
      `Too many requests; try again in ${formatWait(result.retryAfterSeconds)}.`,
      result.retryAfterSeconds,
    );
  }
}

function formatWait(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
