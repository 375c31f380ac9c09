// One polling round over every topic's feeds. A feed that is down or malformed is logged and simply
// tried again next round; a bad entry is skipped; neither stops the other feeds.
import type { FeedReader } from '../../ports/feed-reader';
import { DomainError } from '../errors';
import { type IngestPorts, ingestDevelopment } from './ingest';
import type { Topic } from './types';

export interface PollLogger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
}

export interface PollPorts extends IngestPorts {
  feeds: FeedReader;
  logger: PollLogger;
}

export interface PollReport {
  feeds: number;
  failedFeeds: string[];
  created: string[];
  duplicates: number;
  skippedEntries: number;
}

export async function pollFeeds(ports: PollPorts, topics: readonly Topic[]): Promise<PollReport> {
  const report: PollReport = { feeds: 0, failedFeeds: [], created: [], duplicates: 0, skippedEntries: 0 };
  for (const topic of topics) {
    for (const url of topic.feeds) {
      report.feeds++;
      let feed: Awaited<ReturnType<FeedReader['read']>>;
      try {
        feed = await ports.feeds.read(url);
      } catch (error) {
        report.failedFeeds.push(url);
        ports.logger.warn('feed unavailable; retrying next round', { feed: url, error: message(error) });
        continue;
      }
      // Oldest first, as they were published: newest-first feeds would otherwise make every older entry
      // look late (see freshness.ts) and keep it out of the state of play.
      const entries = [...feed.entries].sort((a, b) =>
        (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''),
      );
      for (const entry of entries) {
        try {
          const result = await ingestDevelopment(ports, {
            title: entry.title,
            url: entry.link,
            source: feed.title,
            publishedAt: entry.publishedAt ?? ports.clock.now().toISOString(),
            topic: topic.id,
            body: entry.text,
          });
          if (result.created) report.created.push(result.id);
          else report.duplicates++;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          report.skippedEntries++;
          ports.logger.warn('feed entry skipped', {
            feed: url,
            entry: entry.link ?? entry.title,
            error: error.message,
          });
        }
      }
    }
  }
  ports.logger.info('feeds polled', { ...report });
  return report;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
