// Sending one fully-built email. Adapters classify failures so the domain can decide to retry or record.
import type { PersonalValues } from '../domain/delivery/personalise';
import type { RenderedTemplate } from '../domain/issues/types';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe, List-Id. Values must already be single-line. */
  headers?: Record<string, string>;
  /** Full Message-ID including angle brackets, on the sender's own domain. */
  messageId?: string;
  /** Optional SES configuration set and tags for event publishing. */
  configurationSet?: string;
  tags?: Record<string, string>;
  /**
   * Set when this email is an issue's template filled in for one reader (subject, html and text are
   * exactly that fill): a mailer may then encode what every copy shares once per issue.
   */
  personalised?: { template: RenderedTemplate; values: PersonalValues };
}

export interface SendResult {
  /** The provider's id for the accepted message (SES MessageId). */
  providerMessageId: string;
}

export type MailerFailureKind =
  /** Retry later with backoff (SES Throttling, network errors, 5xx). */
  | 'retryable'
  /** Never retry this message (MessageRejected, bad address, paused account). */
  | 'permanent'
  /** No answer after the request may have arrived (reset, timeout): it may have been sent. */
  | 'unknown';

export class MailerError extends Error {
  constructor(
    readonly kind: MailerFailureKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MailerError';
  }
}

export interface SendQuota {
  max24HourSend: number;
  maxSendRate: number;
  sentLast24Hours: number;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<SendResult>;
  /** Quota and reachability in one call; throws when the provider cannot be reached. */
  quota(): Promise<SendQuota>;
  /**
   * Why the provider would refuse mail from this sender address (an unverified identity), or
   * undefined when it accepts it or cannot say (GET /health reports the reason).
   */
  senderProblem?(address: string): Promise<string | undefined>;
}
