// Development files as editors write them (npm run ingest): both formats parse, and a mistake names
// the file once and says where it is, as "plain.txt: line 1: expected "Title: …"".
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseDevelopmentText } from '../../functions/domain/developments/input';
import { generateSecrets } from '../../functions/local/secrets';

const BODY = 'Negotiators met in Geneva on Sunday and agreed to keep working on the framework.';
const parse = (text: string) => () => parseDevelopmentText(text, 'plain.txt');

describe('development files', () => {
  it('reads the article format with Source and Topic lines, and front matter', () => {
    const article = parseDevelopmentText(
      `Title: Talks resume\nURL: https://example.org/a\nSource: Wire\nTopic: us-russia-ukraine\nDate: 2025-12-01\n\n${BODY}`,
    );
    expect(article).toMatchObject({ title: 'Talks resume', source: 'Wire', topic: 'us-russia-ukraine' });
    const md = parseDevelopmentText(
      `---\ntitle: Talks resume\nurl: https://example.org/b\npublishedAt: 2025-12-01\n---\n${BODY}`,
    );
    expect(md.publishedAt).toBe('2025-12-01T00:00:00.000Z');
  });

  it.each([
    [
      'plain text',
      `${BODY}\n`,
      /^plain\.txt: line 1: expected "Title: …" \(the Title:\/URL:\/Date: article format\)/,
    ],
    [
      'a stray line in the header',
      `Title: Talks\nURL: https://example.org/a\nby our reporter\n\n${BODY}`,
      /^plain\.txt: line 3: expected a "Name: value" header line/,
    ],
    [
      'no blank line before the body',
      'Title: Talks\nURL: https://example.org/a',
      /^plain\.txt: line 3: expected a blank line, then the body$/,
    ],
    [
      'a missing Date line',
      `Title: Talks resume\nURL: https://example.org/a\n\n${BODY}`,
      /^plain\.txt: missing the "Date:" line/,
    ],
    [
      'a bad date',
      `Title: Talks resume\nURL: https://example.org/a\nDate: yesterday\n\n${BODY}`,
      /^plain\.txt: line 3 \(Date\): must be an ISO 8601 date/,
    ],
    [
      'a non-web URL',
      `Title: Talks resume\nURL: javascript:alert(1)\nDate: 2025-12-01\n\n${BODY}`,
      /^plain\.txt: line 2 \(URL\): must be an absolute http\(s\) URL/,
    ],
    [
      'a short body',
      'Title: Talks resume\nURL: https://example.org/a\nDate: 2025-12-01\n\nToo short.',
      /^plain\.txt: body \(from line 5\): must be at least 40 characters/,
    ],
    ['broken front matter', '---\ntitle: "Talks\n---\nbody', /^plain\.txt: front matter: /],
  ])('says where %s is wrong, naming the file once', (_name, text, message) => {
    expect(parse(text)).toThrowError(message);
    expect(parse(text)).not.toThrowError(/plain\.txt.*plain\.txt/);
  });

  it('npm run ingest prints one line per bad file, naming it once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkwatch-ingest-'));
    writeFileSync(join(dir, 'plain.txt'), `${BODY}\n`);
    const run = promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/ingest.ts', join(dir, 'plain.txt'), join(dir, 'missing.md')],
      {
        cwd: resolve(import.meta.dirname, '../..'),
        env: {
          ...process.env,
          WEBHOOK_SECRET_DEVELOPMENTS: generateSecrets().WEBHOOK_SECRET_DEVELOPMENTS,
          APP_URL: 'http://127.0.0.1:9',
        },
      },
    );
    const failed = (await run.catch((e: { code: number; stderr: string }) => e)) as {
      code: number;
      stderr: string;
    };
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual([
      `${join(dir, 'plain.txt')}: line 1: expected "Title: …" (the Title:/URL:/Date: article format) or front matter starting with ---`,
      `${join(dir, 'missing.md')}: no such file`,
    ]);
  }, 30_000);
});
