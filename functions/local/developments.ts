// The developments feature's part of the local stack: load data/developments/ at start-up (idempotent:
// the second start stores nothing new), consume the ingest queue in process, and, when asked (FEEDS=on,
// `npm start -- --feeds`), poll every topic's feeds on an in-process timer. Off by default: a first run
// should not fetch the web.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RssFeedReader } from '../adapters/feeds/rss-feed-reader';
import { ingestDevelopment } from '../domain/developments/ingest';
import { parseDevelopmentText } from '../domain/developments/input';
import { createIngestHandler } from '../workers/ingest-worker';
import { createPollFeedsHandler } from '../workers/poll-feeds-worker';
import { summariserFor } from '../workers/summariser';
import type { StartupContext } from './stack';

export const DEVELOPMENTS_DIR = resolve('data/developments');
export const FEED_POLL_INTERVAL_MS = 15 * 60_000;
const FIRST_POLL_DELAY_MS = 30_000;

export async function seedDevelopments({ deps, seed }: StartupContext): Promise<void> {
  if (!seed) return;
  const ports = {
    developments: deps.developments,
    dispatch: deps.queues.dispatch,
    clock: deps.clock,
    summariser: summariserFor(deps),
  };
  const files = readdirSync(DEVELOPMENTS_DIR)
    .filter((f) => /\.(md|txt|json)$/.test(f))
    .sort();
  let created = 0;
  for (const file of files) {
    const text = readFileSync(join(DEVELOPMENTS_DIR, file), 'utf8');
    const input = file.endsWith('.json') ? JSON.parse(text) : parseDevelopmentText(text, file);
    // Seed reports are history: stored and summarised, but nobody gets an instant alert for them.
    const result = await ingestDevelopment(ports, input, { requestAlert: false });
    if (result.created) created++;
  }
  deps.logger.info('seed developments loaded', { files: files.length, created });
}

/** The ingest queue's consumer, in process: the same handler the ingest Lambda runs. */
export async function startIngestConsumer({ deps, queues }: StartupContext): Promise<void> {
  queues.ingest.consume(createIngestHandler(deps));
}

export async function startFeedPolling({ deps, closers, feeds: enabled }: StartupContext): Promise<void> {
  if (!enabled) return;
  const poll = createPollFeedsHandler(deps, new RssFeedReader());
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      await poll();
    } catch (error) {
      deps.logger.error('feed polling round failed', { error: error as Error });
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void round(), FIRST_POLL_DELAY_MS).unref();
  const timer = setInterval(() => void round(), FEED_POLL_INTERVAL_MS).unref();
  closers.push(async () => {
    clearTimeout(first);
    clearInterval(timer);
  });
}
