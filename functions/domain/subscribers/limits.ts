// Abuse limits applied through the RateLimiter port; over the limit is a RateLimitedError (429 with
// Retry-After). Keys are keyed hashes (HMAC with the server's id key), so the IPs and addresses in
// the table cannot be recovered by hashing every IPv4 address or a list of addresses.
import { createHmac } from 'node:crypto';
import type { RateLimiter } from '../../ports/rate-limiter';
import { RateLimitedError } from '../errors';

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

function formatWait(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
