// One reader's email for one issue: the issue's template personalised with the reader's links, the
// list headers (subscribers/links.ts) and a Message-ID on our domain.
import type { OutgoingEmail } from '../../ports/mailer';
import type { Issue, RenderedTemplate } from '../issues/types';
import { type LinkSettings, listHeaders, readerLinks, SUBSCRIBER_TAG } from '../subscribers/links';
import type { Recipient } from '../subscribers/types';
import { fillPart } from './personalise';

export interface MessageSettings extends LinkSettings {
  from: string;
  configurationSet?: string | undefined;
}

export function issueEmail(
  settings: MessageSettings,
  issue: Pick<Issue, 'id' | 'topic' | 'kind'> & { topicTitle: string },
  template: RenderedTemplate,
  recipient: Recipient,
): OutgoingEmail {
  const links = readerLinks(settings, recipient.subscriberId);
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
    headers: listHeaders(settings, {
      list: { name: issue.topicTitle, id: issue.topic },
      unsubscribeUrl: links.unsubscribeUrl,
      archiveUrl: `${settings.publicUrl}/archive/${issue.id}`,
    }),
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
