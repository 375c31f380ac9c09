// One reader's email for one issue: the issue's template personalised with the reader's links, the
// list headers (subscribers/links.ts) and a Message-ID on our domain.
import type { OutgoingEmail } from '../../ports/mailer';
import type { Issue, RenderedTemplate } from '../issues/types';
import { type LinkSettings, listHeaders, readerLinks, SUBSCRIBER_TAG } from '../subscribers/links';
import type { Recipient } from '../subscribers/types';
import { personalise } from './personalise';

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
  const copy = personalise(template, {
    unsubscribeUrl: links.unsubscribeUrl,
    preferencesUrl: links.preferencesUrl,
    // Issues greet nobody (we know no names, and a bare "Hello," helps no one); only templates
    // rendered before that change still hold the marker, and it becomes nothing.
    greeting: '',
  });
  return {
    from: settings.from,
    to: recipient.email,
    ...copy,
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
}
