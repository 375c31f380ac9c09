// Double opt-in tokens: `<subscriberId>.<256 random bits, base64url>`. Only the SHA-256 of the token
// is stored, so a leaked table cannot confirm anyone; the id prefix finds the record in one read.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** While pending, a new confirmation email goes out at most this often per address. */
export const RESEND_INTERVAL_MS = 60 * 60 * 1000;

const FORMAT = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export function hashConfirmToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function createConfirmToken(subscriberId: string): { token: string; tokenHash: string } {
  const token = `${subscriberId}.${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashConfirmToken(token) };
}

/** The subscriber id a well-formed token names (not yet proof of anything). */
export function confirmTokenSubscriberId(token: string | undefined | null): string | undefined {
  if (!token || token.length > 100) return undefined;
  return FORMAT.exec(token)?.[1];
}

/** Constant-time comparison of a presented token with the stored hash. */
export function confirmTokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashConfirmToken(token), 'base64url');
  const stored = Buffer.from(storedHash, 'base64url');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
