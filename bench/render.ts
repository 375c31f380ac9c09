// Render benchmark: React per recipient (what most senders do) against render once + substitution
// (what Talkwatch does), same digest, same machine, same run.
import { createElement } from 'react';
import { DigestEmail } from '../emails/digest';
import { previewContent } from '../emails/preview-data';
import { renderElement, renderIssueTemplate } from '../emails/render';
import { parseConfig } from '../functions/config';
import { issueEmail } from '../functions/domain/delivery/reader-email';
import { readerLinks } from '../functions/domain/subscribers/links';
import { generateSecrets } from '../functions/local/secrets';

export interface RenderFigures {
  perRecipientPerSecond: number;
  personalisedPerSecond: number;
  renderRatio: number;
  htmlKb: number;
}

export async function benchRender(options: {
  reactSamples: number;
  substitutionSamples: number;
}): Promise<RenderFigures> {
  const config = parseConfig({ ...generateSecrets(), PUBLIC_URL: 'https://talkwatch.example' });
  const settings = {
    publicUrl: config.PUBLIC_URL,
    from: config.FROM_ADDRESS,
    mailDomain: config.mailDomain,
    tokenKeys: config.TOKEN_KEYS,
  };
  const content = previewContent('digest');
  const issue = {
    id: 'bench-issue',
    topic: content.topic,
    kind: 'digest' as const,
    topicTitle: content.topicTitle,
  };
  const recipient = (i: number) => ({
    subscriberId: `sub${String(i).padStart(18, '0')}`,
    email: `r${i}@example.org`,
  });

  // Warm both paths so JIT and module loading do not count.
  const template = await renderIssueTemplate({
    issueId: issue.id,
    kind: 'digest',
    frequencies: ['daily'],
    archiveUrl: `${config.PUBLIC_URL}/archive/${issue.id}`,
    content,
  });
  for (let i = 0; i < 200; i++) issueEmail(settings, issue, template, recipient(i));

  let bytes = 0;
  const reactStart = performance.now();
  for (let i = 0; i < options.reactSamples; i++) {
    const links = readerLinks(settings, recipient(i).subscriberId);
    const rendered = await renderElement(
      createElement(DigestEmail, {
        content,
        frequencies: ['daily'],
        archiveUrl: `${config.PUBLIC_URL}/archive/${issue.id}`,
        storyUrl: `${config.PUBLIC_URL}/topics/${content.topic}`,
        preferencesUrl: links.preferencesUrl,
        unsubscribeUrl: links.unsubscribeUrl,
      }),
      content.subject,
    );
    bytes += Buffer.byteLength(rendered.html);
  }
  const perRecipientPerSecond = options.reactSamples / ((performance.now() - reactStart) / 1000);

  const subStart = performance.now();
  for (let i = 0; i < options.substitutionSamples; i++) {
    // byteLength flattens the joined string, as building the MIME message would.
    bytes += Buffer.byteLength(issueEmail(settings, issue, template, recipient(i)).html);
  }
  const personalisedPerSecond = options.substitutionSamples / ((performance.now() - subStart) / 1000);
  if (bytes === 0) throw new Error('no output');

  return {
    perRecipientPerSecond: Math.round(perRecipientPerSecond),
    personalisedPerSecond: Math.round(personalisedPerSecond),
    renderRatio: Math.round((personalisedPerSecond / perRecipientPerSecond) * 10) / 10,
    htmlKb: Math.round((Buffer.byteLength(template.html) / 1024) * 10) / 10,
  };
}
