// One recipient's email for one issue: personalised copy plus the list headers Gmail and Yahoo require
// of bulk mail (RFC 2369 List-Id/List-Unsubscribe, RFC 8058 one-click), a Message-ID on our domain.
import type { OutgoingEmail } from '../../ports/mailer';
import type { Issue, RenderedTemplate } from '../issues/types';
import { signSubscriberToken, type TokenKey } from '../subscribers/tokens';
import type { Recipient } from '../subscribers/types';
import { SUBSCRIBER_TAG } from './feedback';
import { fillPart } from './personalise';

export interface MessageSettings {
  publicUrl: string;
  from: string;
  mailDomain: string;
  tokenKeys: readonly TokenKey[];
  configurationSet?: string | undefined;
}

export function recipientLinks(settings: MessageSettings, subscriberId: string) {
  const unsubscribeToken = signSubscriberToken(settings.tokenKeys, 'unsubscribe', subscriberId);
  const preferencesToken = signSubscriberToken(settings.tokenKeys, 'preferences', subscriberId);
  return {
    unsubscribeToken,
    unsubscribeUrl: `${settings.publicUrl}/unsubscribe?token=${unsubscribeToken}`,
    preferencesUrl: `${settings.publicUrl}/preferences?token=${preferencesToken}`,
  };
}

/**
 * RFC 8058 one-click unsubscribe, the only List-Unsubscribe entry. There is deliberately no `mailto:`
 * entry: nothing receives mail for it (see README, Security), it would carry the token through mail
 * servers in a subject line, and Gmail and Yahoo act on the https one.
 */
export function listUnsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

export function issueEmail(
  settings: MessageSettings,
  issue: Pick<Issue, 'id' | 'topic' | 'kind'> & { topicTitle: string },
  template: RenderedTemplate,
  recipient: Recipient,
): OutgoingEmail {
  const links = recipientLinks(settings, recipient.subscriberId);
  const values = {
    unsubscribeUrl: links.unsubscribeUrl,
    preferencesUrl: links.preferencesUrl,
    // Issues greet nobody (we know no names, and a bare "Hello," helps no one); only templates
    // rendered before that change still hold the marker, and it becomes nothing.
    greeting: '',
  };
  const email: OutgoingEmail = {
    from: settings.from,
    to: recipient.email,
    subject: fillPart(template, 'subject', values),
    html: '',
    text: '',
    // The mailer encodes the issue's shared MIME once and writes only these values per reader.
    personalised: { template, values },
    // Deterministic per (issue, subscriber): should a copy ever go twice, clients can fold it.
    messageId: `<${issue.id}.${recipient.subscriberId}@${settings.mailDomain}>`,
    headers: {
      'List-Id': `${asciiOnly(issue.topicTitle)} <${issue.topic}.${settings.mailDomain}>`,
      ...listUnsubscribeHeaders(links.unsubscribeUrl),
      'List-Archive': `<${settings.publicUrl}/archive/${issue.id}>`,
    },
    ...(settings.configurationSet ? { configurationSet: settings.configurationSet } : {}),
    // The subscriber tag comes back with bounces and complaints (see delivery/feedback.ts).
    tags: {
      issue: issue.id.replace(/[^A-Za-z0-9_-]/g, '_'),
      kind: issue.kind,
      [SUBSCRIBER_TAG]: recipient.subscriberId,
    },
  };
  // The filled HTML and text (18 kB a digest) are built only if read: the SES mailer writes the
  // reader's values straight into the issue's encoded MIME.
  for (const part of ['html', 'text'] as const) {
    let filled: string | undefined;
    Object.defineProperty(email, part, {
      enumerable: true,
      get: () => {
        filled ??= fillPart(template, part, values);
        return filled;
      },
    });
  }
  return email;
}

/** List-Id phrases are best kept ASCII: some filters choke on encoded words there. */
function asciiOnly(text: string): string {
  return text
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\<>]/g, '')
    .trim();
}
