// One mailbox is one subscriber: addresses are validated with zod and normalised (trimmed, Unicode
// NFC, domain lower-cased and converted to its ASCII/punycode form, which is what SES sends to), and
// the subscriber id is derived from the normalised address so every feature finds the same record.
import { createHash, createHmac } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { z } from 'zod';

export const MAX_EMAIL_LENGTH = 254;

// C0 and C1 controls, DEL, and the Unicode line/paragraph separators: none belong in an address and
// CR/LF would let a caller inject mail headers. (Surrounding whitespace, a pasted newline included,
// is trimmed first.)
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

// Local part: dot-atom of the printable ASCII an ordinary mailbox uses (SES cannot send to
// non-ASCII local parts). Domain: LDH labels after punycode, a letter TLD or an IDN TLD.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$`);

/** The delivery form of an address, or undefined when it is not one we can mail. */
export function normaliseEmail(raw: string): string | undefined {
  const trimmed = raw.trim().normalize('NFC');
  if (CONTROL.test(trimmed)) return undefined;
  const at = trimmed.lastIndexOf('@');
  if (at < 1 || at === trimmed.length - 1) return undefined;
  const local = trimmed.slice(0, at);
  const domain = domainToASCII(trimmed.slice(at + 1).toLowerCase());
  if (local.length > 64 || !LOCAL.test(local) || !domain || domain.length > 253 || !DOMAIN.test(domain)) {
    return undefined;
  }
  const address = `${local}@${domain}`;
  return address.length <= MAX_EMAIL_LENGTH ? address : undefined;
}

/** zod schema: a raw string in, the normalised address out; messages say what is wrong. */
export const emailSchema = z
  .string({ error: 'is required' })
  .max(MAX_EMAIL_LENGTH, `must be at most ${MAX_EMAIL_LENGTH} characters`)
  .refine((s) => !CONTROL.test(s.trim()), 'must not contain line breaks or control characters')
  .transform((s, ctx) => {
    const address = normaliseEmail(s);
    if (!address) {
      ctx.addIssue({ code: 'custom', message: 'must be a valid email address, like name@example.com' });
      return z.NEVER;
    }
    return address;
  });

/**
 * The identity key: the normalised address, lower-cased whole. Mailbox providers treat local parts
 * case-insensitively in practice, so `Ann@x.org` and `ann@x.org` are one subscriber (the address as
 * typed is still what mail is sent to).
 */
export function identityKey(email: string): string {
  return (normaliseEmail(email) ?? email.trim()).toLowerCase();
}

/**
 * base64url(HMAC-SHA256(server key, identity key)) cut to 22 characters (132 bits): the same for every
 * spelling, and not computable from an address without the key (the id is in every link and
 * Message-ID, so a bare hash would let anyone check whether an address is on the list).
 */
export function subscriberIdFor(email: string, key: string): string {
  return createHmac('sha256', Buffer.from(key, 'base64'))
    .update(identityKey(email))
    .digest('base64url')
    .slice(0, 22);
}

/**
 * The id readers got before ids were keyed: base64url(sha256(identity key)). Records stored under it
 * stay there (their links and tokens hold it); see subscribers/identity.ts for how they are found.
 */
export function legacySubscriberIdFor(email: string): string {
  return createHash('sha256').update(identityKey(email)).digest('base64url').slice(0, 22);
}
