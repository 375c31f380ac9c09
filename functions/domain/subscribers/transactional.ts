// Rendering and sending the two transactional emails, off the request path (the send queue's
// consumer calls this for `type: 'transactional'` messages). The confirmation goes only to a pending
// address and only for its current token; the welcome only to an active one and is list mail, so it
// carries the one-click unsubscribe headers (RFC 8058) and a visible unsubscribe link.
import { randomUUID } from 'node:crypto';
import type { Mailer } from '../../ports/mailer';
import { MailerError } from '../../ports/mailer';
import type { SubscriberStore } from '../../ports/subscriber-store';
import type { TransactionalMessage } from '../queue-messages';
import { confirmTokenMatches, unsealConfirmToken } from './confirm-token';
import type { TokenKey } from './link-tokens';
import { confirmUrl, listHeaders, readerLinks, SUBSCRIBER_TAG } from './links';
import { awaitsConfirmation } from './subscribe';
import { type Topic, topicTitles } from './topics';
import type { Frequency } from './types';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface TransactionalRenderers {
  confirm(props: { confirmUrl: string; topicTitles: string[]; frequency: Frequency }): Promise<RenderedEmail>;
  welcome(props: {
    topicTitles: string[];
    frequency: Frequency;
    preferencesUrl: string;
    unsubscribeUrl: string;
  }): Promise<RenderedEmail>;
}

export interface TransactionalPorts {
  subscribers: SubscriberStore;
  mailer: Mailer;
  render: TransactionalRenderers;
  topics: readonly Topic[];
  settings: {
    publicUrl: string;
    from: string;
    mailDomain: string;
    tokenKeys: readonly TokenKey[];
    /** SUBSCRIBER_ID_KEY: unseals the confirmation token in the message. */
    idKey: string;
    configurationSet?: string | undefined;
  };
  /** Where a refusal is reported (the reader sees "check your inbox" and nothing arrives). */
  log?: (level: 'error', message: string, details: Record<string, unknown>) => void;
}

export type DeliveryOutcome = 'sent' | 'skipped' | 'rejected';

/** Throws only for retryable failures (the queue redelivers); permanent ones are reported, not retried. */
export async function deliverTransactional(
  ports: TransactionalPorts,
  message: TransactionalMessage,
): Promise<DeliveryOutcome> {
  const s = await ports.subscribers.get(message.subscriberId);
  const { publicUrl, from, mailDomain, tokenKeys, configurationSet } = ports.settings;
  const titles = s ? topicTitles(ports.topics, s.topics) : [];
  let email: { subject: string; html: string; text: string; headers?: Record<string, string> };

  if (message.template === 'confirm') {
    const token = unsealConfirmToken(message.sealedToken, ports.settings.idKey);
    // A newer token supersedes this one, or the address was confirmed, deleted or unsubscribed meanwhile.
    if (!s?.confirm || !awaitsConfirmation(s) || !token || !confirmTokenMatches(token, s.confirm.tokenHash)) {
      return 'skipped';
    }
    // What confirming will subscribe to: the request an unsubscribed reader is asked to confirm.
    email = await ports.render.confirm({
      confirmUrl: confirmUrl(publicUrl, token),
      topicTitles: s.resubscribe ? topicTitles(ports.topics, s.resubscribe.topics) : titles,
      frequency: s.resubscribe?.frequency ?? s.frequency,
    });
  } else {
    if (s?.status !== 'active') return 'skipped';
    const { unsubscribeUrl, preferencesUrl } = readerLinks({ publicUrl, tokenKeys }, s.id);
    const rendered = await ports.render.welcome({
      topicTitles: titles,
      frequency: s.frequency,
      preferencesUrl,
      unsubscribeUrl,
    });
    email = {
      ...rendered,
      headers: listHeaders({ mailDomain }, { list: { name: 'Talkwatch', id: 'talkwatch' }, unsubscribeUrl }),
    };
  }

  try {
    await ports.mailer.send({
      from,
      to: s.email,
      ...email,
      messageId: `<${message.template}.${randomUUID()}@${mailDomain}>`,
      ...(configurationSet ? { configurationSet } : {}),
      tags: { kind: message.template, [SUBSCRIBER_TAG]: s.id },
    });
    return 'sent';
  } catch (error) {
    if (error instanceof MailerError && error.kind === 'permanent') {
      ports.log?.('error', `SES refused the ${message.template} email; not retried`, {
        subscriberId: s.id,
        code: error.code,
        reason: error.message,
      });
      return 'rejected';
    }
    throw error;
  }
}
