// Forgery resistance of both token kinds: signed unsubscribe/preference tokens and confirm tokens.
import { randomBytes } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  confirmTokenMatches,
  confirmTokenSubscriberId,
  createConfirmToken,
} from '../../../functions/domain/subscribers/confirm-token';
import {
  signSubscriberToken,
  type TokenKey,
  verifySubscriberToken,
} from '../../../functions/domain/subscribers/link-tokens';
import { subscriberIdFor } from '../../support/ids';

const key = (version: string): TokenKey => ({ version, key: randomBytes(32).toString('base64') });
const v1 = key('1');
const v2 = key('2');
const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9.]{1,12}$/), fc.stringMatching(/^[a-z]{2,8}$/))
  .map(([l, d]) => `${l}@${d}.org`);
const purpose = fc.constantFrom('unsubscribe' as const, 'preferences' as const);

/** Flip one bit of one character's byte, keeping the token printable so it reaches the MAC check. */
function flipBit(token: string, position: number, bit: number): string {
  const i = position % token.length;
  const flipped = String.fromCharCode(token.charCodeAt(i) ^ (1 << (bit % 7)));
  return token.slice(0, i) + flipped + token.slice(i + 1);
}

describe('signed subscriber tokens (unsubscribe, preferences)', () => {
  test.prop([email, purpose])('a genuine token names its subscriber', (e, p) => {
    const id = subscriberIdFor(e);
    expect(verifySubscriberToken([v1], p, signSubscriberToken([v1], p, id))).toBe(id);
  });

  test.prop([email, purpose, fc.nat(), fc.nat()])('a flipped bit anywhere is rejected', (e, p, pos, bit) => {
    const token = signSubscriberToken([v1], p, subscriberIdFor(e));
    const forged = flipBit(token, pos, bit);
    fc.pre(forged !== token);
    // Either it no longer verifies, or (a flip in the id) it cannot name the same subscriber as
    // genuine, and it never verifies for any other id either.
    expect(verifySubscriberToken([v1], p, forged)).toBeUndefined();
  });

  test.prop([email, email, purpose])("one subscriber's MAC does not work with another's id", (a, b, p) => {
    fc.pre(subscriberIdFor(a) !== subscriberIdFor(b));
    const [version, , mac] = signSubscriberToken([v1], p, subscriberIdFor(a)).split('.');
    expect(verifySubscriberToken([v1], p, `${version}.${subscriberIdFor(b)}.${mac}`)).toBeUndefined();
  });

  test.prop([email])('an unsubscribe token does not open the preference centre, and back', (e) => {
    const id = subscriberIdFor(e);
    expect(
      verifySubscriberToken([v1], 'preferences', signSubscriberToken([v1], 'unsubscribe', id)),
    ).toBeUndefined();
    expect(
      verifySubscriberToken([v1], 'unsubscribe', signSubscriberToken([v1], 'preferences', id)),
    ).toBeUndefined();
  });

  test.prop([email, purpose])(
    'keys rotate: old links work while the old key is listed, and stop once it is removed',
    (e, p) => {
      const id = subscriberIdFor(e);
      const old = signSubscriberToken([v1], p, id);
      expect(verifySubscriberToken([v2, v1], p, old)).toBe(id);
      expect(signSubscriberToken([v2, v1], p, id)).toMatch(/^v2\./);
      expect(verifySubscriberToken([v2], p, old)).toBeUndefined();
    },
  );

  it('rejects another spelling of the same MAC (the spare bits of the last base64 character)', () => {
    const token = signSubscriberToken([v1], 'unsubscribe', subscriberIdFor('ann@example.org'));
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.at(-1)!);
    const twin = `${token.slice(0, -1)}${alphabet[last ^ 1]}`;
    expect(Buffer.from(twin.split('.')[2]!, 'base64url')).toEqual(
      Buffer.from(token.split('.')[2]!, 'base64url'),
    );
    expect(verifySubscriberToken([v1], 'unsubscribe', twin)).toBeUndefined();
  });

  it('a token signed with a key of the same version but other bytes is rejected', () => {
    const id = subscriberIdFor('ann@example.org');
    const forged = signSubscriberToken([key('1')], 'unsubscribe', id);
    expect(verifySubscriberToken([v1], 'unsubscribe', forged)).toBeUndefined();
  });

  test.prop([fc.string({ maxLength: 300 })])('arbitrary strings never verify', (s) => {
    expect(verifySubscriberToken([v1], 'unsubscribe', s)).toBeUndefined();
  });
});

describe('confirm tokens', () => {
  it('carry 256 random bits after the subscriber id and are stored only as a hash', () => {
    const id = subscriberIdFor('ann@example.org');
    const { token, tokenHash } = createConfirmToken(id);
    const [prefix, secret] = token.split('.');
    expect(prefix).toBe(id);
    expect(Buffer.from(secret!, 'base64url')).toHaveLength(32);
    expect(tokenHash).not.toContain(secret);
    expect(createConfirmToken(id).token).not.toBe(token);
  });

  test.prop([email, fc.nat(), fc.nat()])('a flipped bit fails the hash comparison', (e, pos, bit) => {
    const { token, tokenHash } = createConfirmToken(subscriberIdFor(e));
    const forged = flipBit(token, pos, bit);
    fc.pre(forged !== token);
    expect(confirmTokenMatches(forged, tokenHash)).toBe(false);
  });

  test.prop([email, email])("another subscriber's token does not confirm this one", (a, b) => {
    fc.pre(subscriberIdFor(a) !== subscriberIdFor(b));
    const mine = createConfirmToken(subscriberIdFor(a));
    const theirs = createConfirmToken(subscriberIdFor(b));
    expect(confirmTokenMatches(theirs.token, mine.tokenHash)).toBe(false);
    // Their secret grafted onto my id does not work either.
    const grafted = `${subscriberIdFor(a)}.${theirs.token.split('.')[1]}`;
    expect(confirmTokenMatches(grafted, mine.tokenHash)).toBe(false);
  });

  test.prop([fc.string({ maxLength: 200 })])('malformed tokens name nobody', (s) => {
    fc.pre(!/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/.test(s));
    expect(confirmTokenSubscriberId(s)).toBeUndefined();
  });
});
