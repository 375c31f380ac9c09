// Signed subscriber tokens for unsubscribe and preference links: HMAC-SHA256 over purpose and
// subscriber id, tagged with the key version so keys rotate without breaking old links. Operators'
// issue preview links use the same scheme with the issue id in place of the subscriber id.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenKey {
  version: string;
  /** base64 */
  key: string;
}

export type TokenPurpose = 'unsubscribe' | 'preferences' | 'preview';

// Decoded once per key: every recipient of an issue gets two tokens, and decoding the base64 key
// each time doubled the cost of signing them (see `npm run bench`, render section).
const keyBytes = new WeakMap<TokenKey, Buffer>();

function mac(key: TokenKey, purpose: TokenPurpose, subscriberId: string): Buffer {
  let bytes = keyBytes.get(key);
  if (!bytes) {
    bytes = Buffer.from(key.key, 'base64');
    keyBytes.set(key, bytes);
  }
  return createHmac('sha256', bytes).update(`${purpose}:${subscriberId}`).digest();
}

/** `v<version>.<subscriberId>.<base64url mac>`, signed with the first (current) key. */
export function signSubscriberToken(
  keys: readonly TokenKey[],
  purpose: TokenPurpose,
  subscriberId: string,
): string {
  const current = keys[0];
  if (!current) throw new Error('no token key configured');
  return `v${current.version}.${subscriberId}.${mac(current, purpose, subscriberId).toString('base64url')}`;
}

/** The subscriber id when the token is genuine for this purpose under a key still configured, else undefined. */
export function verifySubscriberToken(
  keys: readonly TokenKey[],
  purpose: TokenPurpose,
  token: string | undefined | null,
): string | undefined {
  if (!token || token.length > 200) return undefined;
  const match = /^v([0-9]{1,4})\.([A-Za-z0-9_-]{8,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, version, subscriberId, given] = match as unknown as [string, string, string, string];
  const key = keys.find((k) => k.version === version);
  if (!key) return undefined;
  // Compare the text, not decoded bytes: base64 has spare bits in its last character, and decoding
  // would let two spellings of one MAC both pass.
  const expected = Buffer.from(mac(key, purpose, subscriberId).toString('base64url'));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? subscriberId : undefined;
}
