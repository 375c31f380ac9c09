// The poller against feeds served on loopback: good entries are stored, a malformed entry is skipped,
// and a feed that is down or not XML is logged without stopping the others.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RssFeedReader } from '../../../functions/adapters/feeds/rss-feed-reader';
import type { Topic } from '../../../functions/domain/catalogue';
import { type PollLogger, pollFeeds } from '../../../functions/domain/developments/poll-feeds';
import { createIngestHandler } from '../../../functions/handlers/ingest-handler';
import { testDeps } from '../../support/env';

/** A feed as most outlets serve it: newest first, days apart. */
const BACKLOG = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Envoys meet in Moscow for five hours</title><link>https://wire.example/moscow</link>
<pubDate>Tue, 02 Dec 2025 21:00:00 GMT</pubDate><description>Steve Witkoff met Vladimir Putin in the Kremlin for five hours of talks on the revised peace framework; no deal was reached, a Kremlin aide said.</description></item>
<item><title>Delegations revise the framework in Geneva</title><link>https://wire.example/geneva</link>
<pubDate>Sun, 23 Nov 2025 18:00:00 GMT</pubDate><description>Ukrainian and American delegations spent the day in Geneva rewriting the 28-point plan into a shorter framework that Kyiv could accept.</description></item>
</channel></rss>`;

let server: Server;
let base: string;

beforeAll(async () => {
  const feed = readFileSync('tests/fixtures/talks-feed.xml', 'utf8');
  server = createServer((req, res) => {
    if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
    else if (req.url === '/backlog.xml')
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(BACKLOG);
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
      ingest: deps.queues.ingest,
      catalogue: deps.catalogue,
      clock: { now: () => new Date('2025-12-02T08:00:00Z') },
      // The test feeds are served on loopback, which the reader refuses unless told otherwise.
      feeds: new RssFeedReader({ timeoutMs: 2000, allowAddress: () => true }),
      logger,
    };
    const report = await pollFeeds(ports, [topic]);
    expect(report.failedFeeds).toEqual([`${base}/down.xml`, `${base}/broken.xml`]);
    expect(report.created).toHaveLength(1);
    expect(report.skippedEntries).toBe(2);
    // Received, not summarised: that is the ingest queue consumer's job, off the polling path.
    expect(await deps.developments.get(report.created[0]!)).toBeUndefined();
    expect(await deps.developments.getStored(report.created[0]!)).toMatchObject({
      pending: { summary: true },
    });
    deps.queues.ingest.consume(createIngestHandler(deps));
    await deps.queues.ingest.idle();
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

  it('ingests a feed oldest first, so a backlog of older entries is news in order, not background', async () => {
    const deps = await testDeps();
    const topic: Topic = {
      id: 'us-russia-ukraine',
      title: 'Talks',
      description: '',
      keywords: [],
      feeds: [`${base}/backlog.xml`],
    };
    const report = await pollFeeds(
      {
        developments: deps.developments,
        dispatch: { send: async () => undefined },
        ingest: deps.queues.ingest,
        catalogue: deps.catalogue,
        clock: { now: () => new Date('2025-12-03T08:00:00Z') },
        feeds: new RssFeedReader({ timeoutMs: 2000, allowAddress: () => true }),
        logger: collectingLogger().logger,
      },
      [topic],
    );
    expect(report.created).toHaveLength(2);
    deps.queues.ingest.consume(createIngestHandler(deps));
    await deps.queues.ingest.idle();
    const stored = await deps.developments.listByTopic('us-russia-ukraine');
    expect(stored.map((d) => [d.title, d.background ?? false])).toEqual([
      ['Envoys meet in Moscow for five hours', false],
      ['Delegations revise the framework in Geneva', false],
    ]);
  });
});
