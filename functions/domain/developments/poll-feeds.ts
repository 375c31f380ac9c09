// One polling round over every topic's feeds. A feed that is down or malformed is tried again next
// round; a bad entry is skipped; neither stops the other feeds. New entries are only received here
// (stored and queued); the ingest queue's consumer summarises them. A round logs at most one line per
// kind of news: feeds that failed (one warning for all of them), entries skipped, developments stored
// (info); a round that found nothing new logs at debug level only.
import type { FeedReader } from '../../ports/feed-reader';
import type { Topic } from '../catalogue';
import { DomainError } from '../errors';
import { type ReceivePorts, receiveDevelopment } from './ingest';
import { MAX_BODY_CHARS } from './input';

export interface PollLogger {
  debug(message: string, extra?: Record<string, unknown>): void;
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
}

export interface PollPorts extends ReceivePorts {
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
  const failures: Record<string, string> = {};
  const skipped: Array<{ feed: string; entry: string | undefined; error: string }> = [];
  for (const topic of topics) {
    for (const url of topic.feeds) {
      report.feeds++;
      let feed: Awaited<ReturnType<FeedReader['read']>>;
      try {
        feed = await ports.feeds.read(url);
      } catch (error) {
        report.failedFeeds.push(url);
        failures[url] = message(error);
        continue;
      }
      // Oldest first, as they were published: newest-first feeds would otherwise make every older entry
      // look late (see freshness.ts) and keep it out of the state of play.
      const entries = [...feed.entries].sort((a, b) =>
        (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''),
      );
      for (const entry of entries) {
        try {
          const result = await receiveDevelopment(ports, {
            title: entry.title,
            url: entry.link,
            source: feed.title,
            publishedAt: entry.publishedAt ?? ports.clock.now().toISOString(),
            topic: topic.id,
            body: withinLimit(entry.text),
          });
          if (result.created) report.created.push(result.id);
          else report.duplicates++;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          report.skippedEntries++;
          skipped.push({ feed: url, entry: entry.link ?? entry.title, error: error.message });
        }
      }
    }
  }
  if (report.failedFeeds.length) {
    ports.logger.warn(
      `${report.failedFeeds.length} of ${report.feeds} feed(s) unavailable; retrying next round`,
      { feeds: failures },
    );
  }
  if (skipped.length) ports.logger.warn(`${skipped.length} feed entries skipped`, { entries: skipped });
  if (report.created.length) ports.logger.info('feeds polled: new developments stored', { ...report });
  else ports.logger.debug('feeds polled: nothing new', { ...report });
  return report;
}

/** A feed's full text may run past what ingest takes: keep the whole paragraphs that fit. */
function withinLimit(text: string | undefined): string | undefined {
  if (!text || text.length <= MAX_BODY_CHARS) return text;
  const cut = text.slice(0, MAX_BODY_CHARS);
  const paragraph = cut.lastIndexOf('\n');
  return paragraph > MAX_BODY_CHARS / 2 ? cut.slice(0, paragraph) : cut;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
