import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { previewContent } from '../../../emails/preview-data';
import { renderIssueTemplate } from '../../../emails/render';
import { buildMime } from '../../../functions/adapters/ses/ses-mailer';
import { parseConfig } from '../../../functions/config';
import { issueEmail } from '../../../functions/domain/delivery/reader-email';
import { verifySubscriberToken } from '../../../functions/domain/subscribers/link-tokens';
import { generateSecrets } from '../../../functions/local/secrets';

const config = parseConfig({
  ...generateSecrets(),
  PUBLIC_URL: 'https://talkwatch.test',
  FROM_ADDRESS: 'Talkwatch <alerts@talkwatch.test>',
  SES_CONFIGURATION_SET: 'talkwatch-events',
});
const settings = {
  publicUrl: config.PUBLIC_URL,
  from: config.FROM_ADDRESS,
  mailDomain: config.mailDomain,
  tokenKeys: config.TOKEN_KEYS,
  configurationSet: config.SES_CONFIGURATION_SET,
};

async function parsedCopy() {
  const content = previewContent('digest');
  const template = await renderIssueTemplate({
    issueId: 'iss_42',
    kind: 'digest',
    frequencies: ['daily'],
    archiveUrl: `${config.PUBLIC_URL}/archive/iss_42`,
    content,
  });
  const email = issueEmail(
    settings,
    { id: 'iss_42', topic: 'us-russia-ukraine', kind: 'digest', topicTitle: content.topicTitle },
    template,
    { subscriberId: 'sub_abcdefghijklmnop', email: 'ann@example.org' },
  );
  return { email, parsed: await simpleParser(await buildMime(email)) };
}

describe('an issue email as sent (raw MIME parsed with mailparser)', () => {
  it('carries From, To, Subject, Date and a Message-ID on our own domain', async () => {
    const { parsed } = await parsedCopy();
    expect(parsed.from?.value).toEqual([{ name: 'Talkwatch', address: 'alerts@talkwatch.test' }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe('ann@example.org');
    expect(parsed.subject).toBe(
      'US–Russia–Ukraine peace talks: 3 new developments'.replace(
        '3',
        String(previewContent('digest').developments.length),
      ),
    );
    expect(parsed.date).toBeInstanceOf(Date);
    expect(parsed.messageId).toBe('<iss_42.sub_abcdefghijklmnop@talkwatch.test>');
  });

  it('has exactly one List-Unsubscribe, the https one-click URL only (no mailto nobody receives), one-click POST, List-Id', async () => {
    const { parsed } = await parsedCopy();
    const lines = parsed.headerLines.map((l) => l.line.replace(/\r?\n\s+/g, ' '));
    const unsubscribe = lines.filter((l) => /^List-Unsubscribe:/i.test(l));
    expect(unsubscribe).toHaveLength(1);
    const match = /^List-Unsubscribe: <(https:\/\/talkwatch\.test\/unsubscribe\?token=([^>]+))>$/.exec(
      unsubscribe[0]!,
    );
    expect(match).not.toBeNull();
    expect(verifySubscriberToken(config.TOKEN_KEYS, 'unsubscribe', match![2])).toBe('sub_abcdefghijklmnop');
    expect(parsed.headerLines.map((l) => l.line).join('\n')).not.toMatch(/mailto:/i);
    expect(lines).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(lines).toContain('List-ID: US-Russia-Ukraine peace talks <us-russia-ukraine.talkwatch.test>');
  });

  it('is multipart/alternative with a text and an HTML part, both personalised with a visible unsubscribe link', async () => {
    const { parsed } = await parsedCopy();
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(parsed.text).toContain('https://talkwatch.test/unsubscribe?token=v1.sub_abcdefghijklmnop.');
    expect(parsed.html).toContain('href="https://talkwatch.test/unsubscribe?token=v1.sub_abcdefghijklmnop.');
    expect(parsed.html).toContain('https://talkwatch.test/preferences?token=');
    expect(parsed.html).toContain('https://talkwatch.test/archive/iss_42');
    expect(parsed.html).not.toContain('TW_PLACEHOLDER');
  });

  it('asks SES for the configuration set', async () => {
    const { email } = await parsedCopy();
    expect(email.configurationSet).toBe('talkwatch-events');
    expect(email.tags).toEqual({ issue: 'iss_42', kind: 'digest', subscriber: 'sub_abcdefghijklmnop' });
  });
});
