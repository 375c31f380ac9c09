import { simpleParser } from 'mailparser';
import { describe, expect, inject, it } from 'vitest';
import { buildMime, classify, SesMailer } from '../../functions/adapters/ses/ses-mailer';
import { LOCAL_CREDENTIALS } from '../../functions/local/stack';
import { MailerError } from '../../functions/ports/mailer';
import { sesEmails } from '../support/env';

const email = {
  from: 'Talkwatch <alerts@talkwatch.test>',
  to: 'reader-mailer@example.org',
  subject: 'Geneva: refined framework — “19 points”',
  html: '<p>Hello <b>reader</b></p>',
  text: 'Hello reader',
  messageId: '<abc.123@talkwatch.test>',
  headers: {
    'List-Id': 'Talkwatch US–Russia–Ukraine <us-russia-ukraine.talkwatch.test>',
    'List-Unsubscribe':
      '<https://talkwatch.test/unsubscribe?token=t>, <mailto:unsubscribe@talkwatch.test?subject=t>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
};

describe('SesMailer against aws-ses-v2-local', () => {
  const mailer = new SesMailer({
    region: 'eu-west-1',
    endpoint: inject('sesEndpoint'),
    credentials: LOCAL_CREDENTIALS,
  });

  it('builds multipart/alternative MIME that keeps every list header', async () => {
    const parsed = await simpleParser(await buildMime(email));
    expect(parsed.messageId).toBe('<abc.123@talkwatch.test>');
    expect(parsed.subject).toBe(email.subject);
    expect(parsed.text?.trim()).toBe('Hello reader');
    expect(parsed.html).toContain('<b>reader</b>');
    expect(parsed.date).toBeInstanceOf(Date);
    const lines = parsed.headerLines.map((l) => l.line);
    expect(lines.filter((l) => l.startsWith('List-Unsubscribe:'))).toHaveLength(1);
    expect(lines).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
  });

  it('sends through SendRawEmail and the emulator stores the message', async () => {
    const { providerMessageId } = await mailer.send(email);
    expect(providerMessageId).toMatch(/\w+/);
    const stored = (await sesEmails()).find((e) => e.messageId === providerMessageId);
    expect(stored?.destination.to).toEqual(['reader-mailer@example.org']);
    expect(stored?.subject).toBe(email.subject);
  });

  it('reads the send quota', async () => {
    const quota = await mailer.quota();
    expect(quota.maxSendRate).toBeGreaterThan(0);
  });

  it('reports an unreachable endpoint as a retryable failure', async () => {
    const down = new SesMailer({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:9',
      credentials: LOCAL_CREDENTIALS,
    });
    const error = await down.send(email).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailerError);
    expect((error as MailerError).kind).toBe('retryable');
  });
});

describe('classify (what a failed SES call means for a resend)', () => {
  const withStatus = (name: string, status: number) =>
    Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
  const network = (code: string) => Object.assign(new Error(code), { code });

  it.each([
    ['Throttling (400)', withStatus('Throttling', 400), 'retryable'],
    ['ServiceUnavailable (503)', withStatus('ServiceUnavailable', 503), 'retryable'],
    ['MessageRejected (400)', withStatus('MessageRejected', 400), 'permanent'],
    ['AccountSendingPausedException (400)', withStatus('AccountSendingPausedException', 400), 'permanent'],
    ['connection refused: never arrived', network('ECONNREFUSED'), 'retryable'],
    ['reset mid-request: may have been sent', network('ECONNRESET'), 'unknown'],
    ['timeout: may have been sent', network('ETIMEDOUT'), 'unknown'],
  ])('%s → %s', (_, error, kind) => {
    expect(classify(error).kind).toBe(kind);
  });
});
