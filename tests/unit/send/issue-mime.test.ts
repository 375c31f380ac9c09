// MIME once per issue (adapters/ses/issue-mime.ts): a reader's copy built from the issue's pattern must
// read exactly like the one MailComposer builds for that reader, whatever the content (non-ASCII, long
// lines, links near line ends), and the reader's links must land only where the template put them.
import { randomBytes } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { type ParsedMail, simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildMime, composeMime } from '../../../functions/adapters/ses/ses-mailer';
import { issueEmail } from '../../../functions/domain/delivery/reader-email';
import type { RenderedTemplate } from '../../../functions/domain/issues/types';
import { type MarkerKey, markersFor } from '../../../functions/domain/link-markers';

const settings = {
  publicUrl: 'https://talkwatch.test',
  from: 'Talkwatch — Desk <alerts@talkwatch.test>',
  mailDomain: 'talkwatch.test',
  tokenKeys: [{ version: '1', key: randomBytes(32).toString('base64') }],
  configurationSet: 'talkwatch-events',
};

// Text that stresses the encoders: non-ASCII (Latin, Cyrillic, CJK, emoji), '=' and spaces that
// quoted-printable must escape, bare and CRLF line ends, and runs long enough to wrap.
const piece = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('é', 'Україна', '—', '漢字', '🕊️', '=', ' ', '\t', '\n', '\r\n', '=\n', '<a href="x">'),
  fc.integer({ min: 60, max: 90 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1, max: 40 }).map((n) => 'Переговори '.repeat(n)),
);
const literal = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));
const markerKey = fc.constantFrom<MarkerKey>('unsubscribeUrl', 'preferencesUrl', 'greeting');
/** A body: literals with markers between them (none, one, several, adjacent, at either end). */
const body = fc.tuple(
  // Issues always have text before their links (a heading at least), so neither part is ever empty.
  literal.filter((text) => text.length > 0),
  fc.array(fc.tuple(markerKey, literal), { maxLength: 4 }),
);
const reader = fc.record({
  subscriberId: fc.stringMatching(/^sub_[a-z0-9]{4,24}$/),
  email: fc
    .tuple(fc.stringMatching(/^[a-z0-9._+-]{1,30}$/), fc.stringMatching(/^[a-z]{1,20}$/))
    .map(([local, domain]) => `${local}@${domain}.example`),
});

type Body = [string, [MarkerKey, string][]];

function templateOf(subject: string, html: Body, text: Body): RenderedTemplate {
  const markers = markersFor(randomBytes(16).toString('hex'));
  const join = ([first, rest]: Body) => first + rest.map(([key, after]) => markers[key] + after).join('');
  return { subject, html: join(html), text: join(text), markers };
}

const issue = {
  id: 'iss_7',
  topic: 'us-russia-ukraine',
  kind: 'digest' as const,
  topicTitle: 'US–Russia talks',
};

/** What a reader's mail client sees, apart from the Date and the boundary. */
function reading(parsed: ParsedMail) {
  return {
    headers: parsed.headerLines
      .filter((h) => h.key !== 'date' && h.key !== 'content-type')
      .map((h) => h.line),
    contentType: parsed.headers.get('content-type'),
    subject: parsed.subject,
    to: parsed.to,
    from: parsed.from,
    messageId: parsed.messageId,
    text: parsed.text,
    html: parsed.html,
    attachments: parsed.attachments.length,
  };
}

const withoutBoundary = (parsed: ParsedMail) => {
  const ct = parsed.headers.get('content-type') as { value: string; params: Record<string, string> };
  return { ...reading(parsed), contentType: ct.value };
};

describe('an issue copy built from the issue pattern', () => {
  test.prop([fc.string({ maxLength: 80 }), body, body, reader, reader], { numRuns: 150 })(
    'parses exactly like the MailComposer message for that reader',
    async (subject, html, text, first, other) => {
      const template = templateOf(subject, html, text);
      // The first copy of an issue is MailComposer's and becomes the pattern; the next is built from it.
      await buildMime(
        issueEmail(settings, issue, template, { ...first, subscriberId: `${first.subscriberId}a` }),
      );
      const email = issueEmail(settings, issue, template, other);
      const fast = await buildMime(email);
      const reference = await composeMime(email);
      // Built from the pattern: the pattern's boundary, not the one MailComposer drew for this copy.
      const boundaryOf = (m: Buffer) => /boundary="([^"]+)"/.exec(m.toString('latin1'))?.[1];
      expect(boundaryOf(fast)).not.toBe(boundaryOf(reference));
      const [ours, theirs] = await Promise.all([simpleParser(fast), simpleParser(reference)]);
      expect(withoutBoundary(ours)).toEqual(withoutBoundary(theirs));
      // Transfer encoding stays valid: 7-bit bytes, no body line over 76 characters (RFC 2045).
      const raw = fast.toString('latin1');
      expect(Buffer.from(raw, 'latin1').every((byte) => byte < 0x80)).toBe(true);
      for (const line of raw.slice(raw.indexOf('\r\n\r\n')).split(/\r?\n/))
        expect(line.length).toBeLessThanOrEqual(76);
      // The header block is MailComposer's byte for byte, apart from the Date and the boundary.
      const head = (m: string) =>
        m
          .slice(0, m.indexOf('\r\n\r\n'))
          .replace(/\r\nDate: [^\r]*/, '')
          .replace(/boundary="[^"]*"/, 'boundary=""');
      expect(head(raw)).toBe(head(reference.toString('latin1')));
    },
  );

  it('puts a reader’s links only at the template’s markers, never into content holding marker-like text', async () => {
    const other = markersFor(randomBytes(16).toString('hex'));
    // Content aimed at the encoder: marker-like strings right at the 76-character wrap point.
    const evil = (m: string) => `${'y'.repeat(70)}${m} https://evil.example/c?u=${m}`;
    const markers = markersFor(randomBytes(16).toString('hex'));
    const content = [
      other.unsubscribeUrl,
      'TW_PLACEHOLDER_UNSUBSCRIBE_URL',
      'twm',
      markers.unsubscribeUrl.slice(0, -1),
    ]
      .map(evil)
      .join('\n');
    const template: RenderedTemplate = {
      subject: 'Alert',
      html: `<p>${content}</p><a href="${markers.unsubscribeUrl}">Unsubscribe</a>`,
      text: `${content}\nUnsubscribe: ${markers.unsubscribeUrl}`,
      markers,
    };
    const readerOf = (n: number) => ({ subscriberId: `sub_reader${n}`, email: `r${n}@example.org` });
    await buildMime(issueEmail(settings, issue, template, readerOf(1)));
    const parsed = await simpleParser(await buildMime(issueEmail(settings, issue, template, readerOf(2))));
    for (const part of [parsed.html as string, parsed.text as string]) {
      expect(part.split('/unsubscribe?token=').length - 1).toBe(1);
      expect(part).not.toMatch(/evil\.example\/c\?u=[^\s"<]*token=/);
      expect(part).toContain(`https://evil.example/c?u=${other.unsubscribeUrl}`);
    }
  });

  it('builds an issue’s first copy once however many copies are asked for at once', async () => {
    const markers = markersFor(randomBytes(16).toString('hex'));
    const template: RenderedTemplate = {
      subject: 'Digest',
      html: `<p>News</p><a href="${markers.unsubscribeUrl}">Unsubscribe</a>`,
      text: `News\nUnsubscribe: ${markers.unsubscribeUrl}`,
      markers,
    };
    const readers = Array.from({ length: 8 }, (_, n) => ({
      subscriberId: `sub_at${n}`,
      email: `at${n}@example.org`,
    }));
    const copies = await Promise.all(readers.map((r) => buildMime(issueEmail(settings, issue, template, r))));
    // Copies built from the pattern carry its boundary; each one MailComposer built has a boundary of its own.
    const boundaries = copies.map((m) => /boundary="([^"]+)"/.exec(m.toString('latin1'))?.[1]);
    expect(new Set(boundaries).size).toBe(1);
    const parsed = await Promise.all(copies.map((m) => simpleParser(m)));
    expect(parsed.map((p) => p.to && !Array.isArray(p.to) && p.to.value[0]?.address)).toEqual(
      readers.map((r) => r.email),
    );
  });
});
