// Mailer port over Amazon SES: MIME built by nodemailer's MailComposer (an issue's copies from the
// pattern of its first, see issue-mime.ts), sent with v1 SendRawEmail
// (the only v1 call that carries List-Unsubscribe headers); quota read with v2 GetAccount; the sender
// identity checked with v2 GetEmailIdentity.
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { GetAccountCommand, GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { RenderedTemplate } from '../../domain/issues/types';
import {
  type Mailer,
  MailerError,
  type OutgoingEmail,
  type SendQuota,
  type SendResult,
} from '../../ports/mailer';
import { type AwsClientSettings, requestHandlerOptions, reuseSigner } from '../aws-client';
import { SES_FAST_REQUESTS } from '../fast-requests';
import { leanMiddleware } from '../lean-middleware';
import { copyFor, fitsPattern, issueMimeFrom, patternFor, rememberPattern } from './issue-mime';

const RETRYABLE = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'ServiceUnavailable',
  'InternalFailure',
  'RequestTimeout',
  'LimitExceededException',
]);

/** The message as MailComposer builds it: every email without a template, and each issue's first copy. */
export async function composeMime(email: OutgoingEmail): Promise<Buffer> {
  const composer = new MailComposer({
    from: email.from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    date: new Date(),
    ...(email.messageId ? { messageId: email.messageId } : {}),
    headers: email.headers ?? {},
  });
  return composer.compile().build();
}

/** An issue's first copy while MailComposer builds it: the copies asked meanwhile wait for its pattern. */
const firstCopies = new WeakMap<RenderedTemplate, Promise<unknown>>();

/** The raw message: a copy of an issue from the issue's pattern once its first copy is built. */
export async function buildMime(email: OutgoingEmail): Promise<Buffer> {
  const personalised = email.personalised;
  if (!personalised) return composeMime(email);
  const { template } = personalised;
  let pattern = patternFor(template);
  if (pattern === undefined) {
    // One first copy per issue, not one per send under way (each ~4–20 ms of MailComposer's CPU, which a
    // sender starting an issue with many sends at once would spend on all of them).
    const first = firstCopies.get(template);
    if (!first) {
      const composing = composeMime(email).then((composed) => {
        rememberPattern(template, issueMimeFrom(composed, { ...email, personalised }));
        return composed;
      });
      firstCopies.set(template, composing);
      composing.then(
        () => firstCopies.delete(template),
        () => firstCopies.delete(template),
      );
      return composing;
    }
    await first.catch(() => undefined);
    pattern = patternFor(template);
  }
  if (!pattern || !fitsPattern(pattern, email)) return composeMime(email);
  return copyFor(pattern, email, personalised.values, new Date());
}

export class SesMailer implements Mailer {
  private readonly v1: SESClient;
  private readonly v2: SESv2Client;

  constructor(settings: AwsClientSettings) {
    const common = {
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.credentials ? { credentials: settings.credentials } : {}),
      // Retries are the send path's decision (shared rate, backoff with jitter), not the SDK's.
      maxAttempts: 1,
      // Paced sends must leave when their turn comes: with every socket busy (answers read late by a
      // busy event loop), the agent would hold new requests and release them together when sockets
      // free up, a burst above the rate at SES (the delivery bench's stand-in saw 42–61 throttle errors
      // in 10,000 sends with 64 sockets, 0–14 with 256).
      requestHandler: requestHandlerOptions({ maxSockets: 256 }),
      // Middleware resolved once per command type, not on every email: about a quarter of the SDK's CPU
      // per call. (Middleware added to this client after its first send would not apply.)
      cacheMiddleware: true,
    };
    this.v1 = new SESClient(common);
    reuseSigner(this.v1.config);
    // Once per email: only the steps AWS needs, no SDK retry step, and the send's body written by
    // hand (see lean-middleware.ts and fast-requests.ts).
    leanMiddleware(this.v1, { retries: 'ours', fast: SES_FAST_REQUESTS });
    this.v2 = new SESv2Client(common);
  }

  async send(email: OutgoingEmail): Promise<SendResult> {
    return this.sendRaw(await buildMime(email), email);
  }

  /** One SendRawEmail of a message already built (the delivery benchmark times this call alone). */
  async sendRaw(
    raw: Uint8Array,
    email: Pick<OutgoingEmail, 'configurationSet' | 'tags'>,
  ): Promise<SendResult> {
    try {
      const out = await this.v1.send(
        new SendRawEmailCommand({
          RawMessage: { Data: raw },
          ...(email.configurationSet ? { ConfigurationSetName: email.configurationSet } : {}),
          ...(email.tags
            ? { Tags: Object.entries(email.tags).map(([Name, Value]) => ({ Name, Value })) }
            : {}),
        }),
      );
      return { providerMessageId: out.MessageId ?? 'unknown' };
    } catch (error) {
      throw classify(error);
    }
  }

  async quota(): Promise<SendQuota> {
    const out = await this.v2.send(new GetAccountCommand({}));
    return {
      max24HourSend: out.SendQuota?.Max24HourSend ?? 0,
      maxSendRate: out.SendQuota?.MaxSendRate ?? 0,
      sentLast24Hours: out.SendQuota?.SentLast24Hours ?? 0,
    };
  }

  /**
   * SES sends from an address when the address, or its domain or a parent domain, is a verified
   * identity in the region. Anything else but "not found" (an emulator without the call, a missing
   * permission) means we cannot tell, and we do not guess.
   */
  async senderProblem(address: string): Promise<string | undefined> {
    const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
    const labels = domain.split('.');
    const candidates = [
      address.toLowerCase(),
      ...labels.slice(0, -1).map((_, i) => labels.slice(i).join('.')),
    ];
    const found: string[] = [];
    for (const identity of candidates) {
      try {
        const out = await this.v2.send(new GetEmailIdentityCommand({ EmailIdentity: identity }));
        if (out.VerifiedForSendingStatus) return undefined;
        found.push(
          `${identity} is ${(out.VerificationStatus ?? 'not verified').toLowerCase().replace('_', ' ')}`,
        );
      } catch (error) {
        if ((error as { name?: string }).name !== 'NotFoundException') return undefined;
      }
    }
    const region = await this.v2.config.region();
    const state = found.length ? found.join(', ') : `neither it nor ${domain} is an identity`;
    return `SES (${region}) refuses the sender ${address}: ${state}. Verify ${domain} in SES (README, Deploy).`;
  }
}

/** Failures that prove the request never reached SES: safe to send again. */
const NEVER_ARRIVED = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/;

/**
 * SES answered → its error code decides (throttling and 5xx retry; other 4xx are permanent). No answer
 * → retry only when the request provably never arrived; a reset or timeout mid-request is `unknown`,
 * since SES may have accepted the message and a resend could mail the reader twice.
 */
export function classify(error: unknown): MailerError {
  if (error instanceof MailerError) return error;
  const e = error as {
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
    code?: string;
  };
  const status = e.$metadata?.httpStatusCode;
  const message = e.message ?? String(error);
  if (status !== undefined) {
    const code = e.name ?? 'Error';
    const retryable = RETRYABLE.has(code) || status >= 500;
    return new MailerError(retryable ? 'retryable' : 'permanent', code, message);
  }
  const code = e.code ?? e.name ?? 'Error';
  return new MailerError(NEVER_ARRIVED.test(code) ? 'retryable' : 'unknown', code, message);
}
