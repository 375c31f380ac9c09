// Double opt-in tokens: `<subscriberId>.<256 random bits, base64url>`. Only the SHA-256 of the token
// is stored, so a leaked table cannot confirm anyone; the id prefix finds the record in one read.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

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

function sealKey(idKey: string): Buffer {
  return createHmac('sha256', Buffer.from(idKey, 'base64')).update('confirm-token-seal').digest();
}

/**
 * The token as it travels on the send queue to the worker that mails it: AES-256-GCM under a key
 * derived from SUBSCRIBER_ID_KEY, so queue messages (and their dead letters) carry no usable token.
 */
export function sealConfirmToken(token: string, idKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(idKey), iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function unsealConfirmToken(sealed: string | undefined, idKey: string): string | undefined {
  if (!sealed) return undefined;
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', sealKey(idKey), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
