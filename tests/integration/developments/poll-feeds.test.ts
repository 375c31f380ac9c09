// The poller against feeds served on loopback: good entries are stored, a malformed entry is skipped,
// and a feed that is down or not XML is logged without stopping the others.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RssFeedReader } from '../../../functions/adapters/feeds/rss-feed-reader';
import { type PollLogger, pollFeeds } from '../../../functions/domain/developments/poll-feeds';
import type { Topic } from '../../../functions/domain/developments/types';
import { testDeps } from '../../support/env';

let server: Server;
let base: string;

beforeAll(async () => {
  const feed = readFileSync('tests/fixtures/talks-feed.xml', 'utf8');
  server = createServer((req, res) => {
    if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
    else if (req.url === '/broken.xml')
      res.writeHead(200, { 'content-type': 'application/xml' }).end('<rss><channel><item>');
    else res.writeHead(500).end('down');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function collectingLogger() {
  const warnings: Array<{ message: string; extra?: Record<string, unknown> }> = [];
  const infos: string[] = [];
  const logger: PollLogger = {
    debug: () => undefined,
    info: (message) => void infos.push(message),
    warn: (message, extra) => void warnings.push({ message, extra }),
  };
  return { logger, warnings, infos };
}

describe('pollFeeds', () => {
  it('stores good entries, skips malformed ones, and survives feeds that are down or broken', async () => {
    const deps = await testDeps();
    const { logger, warnings, infos } = collectingLogger();
    const topic: Topic = {
      id: 'us-russia-ukraine',
      title: 'Talks',
      description: '',
      keywords: [],
      feeds: [`${base}/down.xml`, `${base}/broken.xml`, `${base}/feed.xml`],
    };
    const ports = {
      developments: deps.developments,
      dispatch: { send: async () => undefined },
      clock: { now: () => new Date('2025-12-02T08:00:00Z') },
      feeds: new RssFeedReader({ timeoutMs: 2000 }),
      logger,
    };
    const report = await pollFeeds(ports, [topic]);
    expect(report.failedFeeds).toEqual([`${base}/down.xml`, `${base}/broken.xml`]);
    expect(report.created).toHaveLength(1);
    expect(report.skippedEntries).toBe(2);
    const [stored] = await deps.developments.listByTopic('us-russia-ukraine');
    expect(stored).toMatchObject({
      title: 'Umerov and Witkoff meet again in Florida',
      source: 'Loopback Talks Wire',
    });
    expect(stored?.summary.quotes).toEqual([{ speaker: 'Rustem Umerov', text: 'We made progress' }]);
    expect(stored?.summary.events.map((e) => e.date)).toContain('2025-12-01');
    // One line per round for the feeds that failed (not one per feed), one for the skipped entries.
    expect(warnings.map((w) => w.message)).toEqual([
      '2 of 3 feed(s) unavailable; retrying next round',
      '2 feed entries skipped',
    ]);
    expect(Object.keys(warnings[0]!.extra!.feeds as object)).toEqual([
      `${base}/down.xml`,
      `${base}/broken.xml`,
    ]);
    expect(infos).toEqual(['feeds polled: new developments stored']);

    // The next round finds nothing new: polling is idempotent, and says nothing at info level.
    infos.length = 0;
    const again = await pollFeeds(ports, [topic]);
    expect(again.created).toEqual([]);
    expect(again.duplicates).toBe(1);
    expect(infos).toEqual([]);
  });
});
