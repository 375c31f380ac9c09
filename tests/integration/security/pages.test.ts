// What every page and public document answers to a hostile caller: a Content-Security-Policy that
// forbids scripts on every page, report text escaped in the Atom feed (feed readers that do not
// sanitise would otherwise run it), and ids far too long for a store key answered 404, not 500.
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/app/create-app';
import type { Issue } from '../../../functions/domain/issues/types';
import { sampleDevelopment } from '../../support/development-store-contract';
import { type TestDeps, testDeps } from '../../support/env';

const HOSTILE = '<img src=x onerror=alert(document.cookie)>';
let deps: TestDeps;
let app: ReturnType<typeof createApp>;
let issueId: string;

beforeAll(async () => {
  deps = await testDeps();
  app = createApp(deps);
  const { issues } = deps;
  const development = sampleDevelopment({ title: HOSTILE });
  const { body: _b, contentHash: _h, ...shown } = development;
  const issue: Issue = {
    id: 'hostileIssue00000001',
    topic: 'us-russia-ukraine',
    kind: 'alert',
    frequencies: ['instant'],
    request: { topic: 'us-russia-ukraine', kind: 'alert' },
    status: 'sending',
    // It went to a reader, so the archive and the feed publish it.
    recipients: 1,
    progress: { cohort: 1, enqueued: 1, suppressed: 0 },
    createdAt: '2025-12-02T12:00:00.000Z',
    origin: 'test',
    content: {
      topic: 'us-russia-ukraine',
      topicTitle: 'US–Russia–Ukraine peace talks',
      subject: `Alert: ${HOSTILE}`,
      developments: [{ ...shown, summary: { ...shown.summary, summary: `Text ]]> ${HOSTILE}` } }],
      coveredUntil: development.publishedAt,
    },
  };
  await issues.create(issue);
  await issues.update(issue);
  issueId = issue.id;
});

describe('Content-Security-Policy', () => {
  it('forbids scripts, plugins, framing and foreign form targets on every page', async () => {
    for (const path of ['/', `/archive/${issueId}`, '/archive', '/confirm?token=x', '/preferences?token=x']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      );
    }
  });
});

describe('Atom feed', () => {
  it('carries report text as text: no markup from a title or summary reaches feed readers', async () => {
    const res = await app.request('/feed.xml');
    const xml = await res.text();
    const feed = await new Parser<object, { summary?: string }>({
      customFields: { item: ['summary'] },
    }).parseString(xml);
    const entry = feed.items[0]!;
    const title = entry.title ?? '';
    const summary = entry.summary ?? '';
    // type="html" content is HTML: what a reader renders must hold no tag from the report.
    for (const html of [title, summary]) {
      expect(html).not.toMatch(/<img/i);
      expect(html).toContain('&lt;img src=x onerror=alert(document.cookie)&gt;');
    }
    // The CDATA section is not closed early by `]]>` in the text.
    expect(summary).toContain('Text ]]&gt;');
  });
});

describe('ids too long for the store', () => {
  it.each([
    ['/archive/<5000 chars>', `/archive/${'a'.repeat(5000)}`, false],
    ['/issues/<3000 chars>', `/issues/${'a'.repeat(3000)}`, true],
    ['/archive?topic=<5000 chars>', `/archive?topic=${'t'.repeat(5000)}`, false],
    ['/feed.xml?topic=<5000 chars>', `/feed.xml?topic=${'t'.repeat(5000)}`, false],
  ])('%s answers 404, not 500', async (_name, path, admin) => {
    const headers: Record<string, string> = admin
      ? { authorization: `Bearer ${deps.config.ADMIN_TOKEN}` }
      : {};
    const res = await app.request(path, { headers });
    expect(res.status).toBe(404);
  });
});

describe('GET /health', () => {
  it('says which dependency is unavailable, not what AWS said about it', async () => {
    const down = createApp(await testDeps({ SES_ENDPOINT: 'http://127.0.0.1:9' }));
    const res = await down.request('/health');
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ status: 'unavailable', store: 'ok', mailer: 'unavailable' });
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Error/);
  });
});
