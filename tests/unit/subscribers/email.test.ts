import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  emailSchema,
  subscriberIdFor as keyedId,
  legacySubscriberIdFor,
  normaliseEmail,
} from '../../../functions/domain/subscribers/email';

const KEY = Buffer.alloc(32, 7).toString('base64');
const subscriberIdFor = (email: string) => keyedId(email, KEY);

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const local = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,20}(?:\.[A-Za-z0-9_+-]{1,10})?$/);
const domain = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/))
  .map(([ls, tld]) => `${ls.join('.')}.${tld}`);
const address = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);
const randomCase = (s: string, flips: boolean[]) =>
  [...s].map((ch, i) => (flips[i % flips.length] ? ch.toUpperCase() : ch)).join('');

describe('normaliseEmail', () => {
  it('trims, lower-cases the domain and keeps the local part as typed', () => {
    expect(normaliseEmail('  Ann.Lee+talks@Example.ORG \t')).toBe('Ann.Lee+talks@example.org');
  });

  it('accepts internationalised domains and stores their ASCII form', () => {
    expect(normaliseEmail('ivan@Пример.РФ')).toBe('ivan@xn--e1afmkfd.xn--p1ai');
    expect(normaliseEmail('kurt@bücher.de')).toBe('kurt@xn--bcher-kva.de');
    expect(subscriberIdFor('kurt@BÜCHER.de')).toBe(subscriberIdFor('kurt@xn--bcher-kva.de'));
  });

  it.each([
    ['no at sign', 'ann.example.org'],
    ['empty local part', '@example.org'],
    ['no top-level domain', 'ann@localhost'],
    ['IP literal', 'ann@[127.0.0.1]'],
    ['CR/LF header injection', 'ann@example.org\r\nBcc: all@example.org'],
    ['line feed', 'ann@exa\nmple.org'],
    ['NUL', 'ann\u0000@example.org'],
    ['double dot', 'ann..lee@example.org'],
    ['space', 'ann lee@example.org'],
    ['non-ASCII local part', 'jörg@example.org'],
  ])('rejects %s', (_why, raw) => {
    expect(normaliseEmail(raw)).toBeUndefined();
  });

  it('rejects more than 254 characters, with a message that says so', () => {
    const long = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.org`;
    const result = emailSchema.safeParse(long);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/at most 254/);
  });

  test.prop([address])('is idempotent', (a) => {
    const once = normaliseEmail(a);
    expect(once).toBeDefined();
    expect(normaliseEmail(once!)).toBe(once);
  });

  test.prop([address, fc.array(fc.boolean(), { minLength: 1 }), fc.stringMatching(/^[ \t]{0,3}$/)])(
    'gives one subscriber id whatever the case and surrounding whitespace',
    (a, flips, pad) => {
      expect(subscriberIdFor(`${pad}${randomCase(a, flips)}${pad}`)).toBe(subscriberIdFor(a));
    },
  );

  test.prop([address, fc.constantFrom('\r', '\n', '\u0000', '\u007f', '\u0085', '\u2028'), fc.nat()])(
    'never accepts a control character inside the address',
    (a, ch, at) => {
      const i = 1 + (at % (a.length - 1));
      expect(emailSchema.safeParse(`${a.slice(0, i)}${ch}${a.slice(i)}`).success).toBe(false);
    },
  );

  test.prop([fc.string({ maxLength: 300 })])(
    'either rejects or yields a short single-line address with one @',
    (raw) => {
      const out = normaliseEmail(raw);
      if (out === undefined) return;
      expect(out.length).toBeLessThanOrEqual(254);
      expect(out).not.toMatch(/[\s]/);
      expect(out.split('@')).toHaveLength(2);
    },
  );

  test.prop([address, address])('different mailboxes get different ids', (a, b) => {
    fc.pre(a.toLowerCase() !== b.toLowerCase());
    expect(subscriberIdFor(a)).not.toBe(subscriberIdFor(b));
  });

  it('ids are 22 base64url characters', () => {
    expect(subscriberIdFor('ann@example.org')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('subscriber ids', () => {
  it('are keyed: another key, or the bare hash of before, gives another id', () => {
    const email = 'ann@example.org';
    expect(subscriberIdFor(email)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(keyedId(email, Buffer.alloc(32, 8).toString('base64'))).not.toBe(subscriberIdFor(email));
    expect(legacySubscriberIdFor(email)).not.toBe(subscriberIdFor(email));
    expect(legacySubscriberIdFor('ANN@example.org')).toBe(legacySubscriberIdFor(email));
  });
});
