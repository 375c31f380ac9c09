import { doIUseEmail } from '@jsx-email/doiuse-email';
import { describe, expect, it } from 'vitest';
import { previewContent, previewStateOfPlay } from '../../../emails/preview-data';
import {
  type RenderedEmail,
  renderConfirmEmail,
  renderIssueTemplate,
  renderWelcomeEmail,
} from '../../../emails/render';
import { personalise } from '../../../functions/domain/delivery/personalise';
import type { IssueContent } from '../../../functions/domain/issues/types';

/** Gmail (web, iOS, Android), Outlook for Windows, Apple Mail (macOS, iOS). */
const CLIENTS = [
  'gmail.desktop-webmail',
  'gmail.ios',
  'gmail.android',
  'outlook.windows',
  'apple-mail.macos',
  'apple-mail.ios',
] as const;

const issue = (kind: 'digest' | 'alert', content: IssueContent = previewContent(kind)) =>
  renderIssueTemplate({
    issueId: 'iss1',
    kind,
    frequencies: ['daily'],
    archiveUrl: 'https://talkwatch.test/archive/iss1',
    content,
  });

const templates: Record<string, () => Promise<RenderedEmail>> = {
  digest: () => issue('digest'),
  alert: () => issue('alert'),
  welcome: () =>
    renderWelcomeEmail({
      topicTitles: ['US–Russia–Ukraine peace talks'],
      frequency: 'weekly',
      preferencesUrl: 'https://talkwatch.test/preferences?token=p',
      unsubscribeUrl: 'https://talkwatch.test/unsubscribe?token=u',
      stateOfPlay: previewStateOfPlay(),
    }),
  confirm: () =>
    renderConfirmEmail({
      confirmUrl: 'https://talkwatch.test/confirm?token=c',
      topicTitles: ['US–Russia–Ukraine peace talks'],
      frequency: 'daily',
    }),
};

function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
}

describe.each(Object.entries(templates))('%s email', (_name, render) => {
  it('is accessible: lang, presentation tables, alt text, headings in order', async () => {
    const { html } = await render();
    expect(html).toMatch(/<html[^>]* lang="en"/);
    const tables = [...html.matchAll(/<table[^>]*>/g)].map((m) => m[0]);
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(table).toContain('role="presentation"');
    for (const img of html.matchAll(/<img[^>]*>/g)) expect(img[0]).toMatch(/alt="[^"]*"/);
    const levels = headingLevels(html);
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]!).toBeLessThanOrEqual(levels[i - 1]! + 1);
  });

  it('stays under Gmail’s 102 KB clipping limit and passes caniemail for Gmail, Outlook and Apple Mail', async () => {
    const { html } = await render();
    expect(Buffer.byteLength(html)).toBeLessThan(102 * 1024);
    const report = doIUseEmail(html, { emailClients: [...CLIENTS] });
    // The dark-mode block in <head> (a media query and Outlook.com's [data-ogsc] selectors) is an
    // enhancement Outlook for Windows ignores: it shows the light inline styles. Nothing else may fail.
    const errors = (report.success ? [] : report.errors).filter(
      (e) => !/^`(@media|Attribute selector)` is not supported by `outlook\.windows`$/.test(e),
    );
    expect(errors).toEqual([]);
  });

  it('has a plain-text part from the same tree', async () => {
    const { html, text } = await render();
    expect(text.length).toBeGreaterThan(50);
    expect(text).not.toMatch(/<\w+[^>]*>/);
    const heading = /<h1[^>]*>([^<]+)</.exec(html)?.[1];
    expect(text.toUpperCase()).toContain(heading!.trim().toUpperCase());
  });
});

describe('digest and alert content', () => {
  it('shows per development the summary, key points, quotes with speakers and sources, then the timeline', async () => {
    const content = previewContent('digest');
    const d = content.developments[0]!;
    d.summary.quotes = [{ speaker: 'Yuri Ushakov', text: 'No compromise version has been found' }];
    const { html, text } = await issue('digest', content);
    expect(text).toContain(d.summary.keyPoints[0]!);
    expect(html).toContain('No compromise version has been found');
    expect(html).toContain('Yuri Ushakov');
    expect(html).toContain(`href="${d.sources[0]!.url}"`);
    expect(html).toMatch(/Most recent/);
    expect(html).toContain('State of play');
  });

  it('escapes text from developments (a <script> in a title, summary or quote stays text)', async () => {
    const content = previewContent('alert');
    const d = content.developments[0]!;
    d.title = '<script>alert("title")</script>';
    d.summary.summary = 'Talks <img src=x onerror=alert(1)> resumed & ended';
    d.summary.quotes = [{ speaker: '<b>Envoy</b>', text: '</p><script>alert(2)</script>' }];
    const { html } = await issue('alert', content);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img src=x/);
    expect(html).not.toContain('<b>Envoy</b>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('resumed &amp; ended');
  });

  it('renders once with placeholders that each recipient’s copy fills in, escaped for HTML', async () => {
    const template = await issue('digest');
    expect(template.markers).toBeDefined();
    expect(template.html).toContain(template.markers!.unsubscribeUrl);
    expect(template.text).toContain(template.markers!.preferencesUrl);
    const copy = personalise(template, {
      unsubscribeUrl: 'https://talkwatch.test/unsubscribe?token=a&b',
      preferencesUrl: 'https://talkwatch.test/preferences?token=p1',
      greeting: '',
    });
    expect(copy.html).toContain('href="https://talkwatch.test/unsubscribe?token=a&amp;b"');
    expect(template.html).not.toContain(template.markers!.greeting);
    expect(copy.text).toContain('https://talkwatch.test/unsubscribe?token=a&b');
    expect(copy.html).not.toContain(template.markers!.unsubscribeUrl);
    expect(copy.text).not.toContain(template.markers!.preferencesUrl);
  });
});
