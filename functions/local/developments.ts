// The developments feature's part of the local stack: load data/developments/ at start-up (idempotent:
// the second start stores nothing new) and, when asked (FEEDS=on, `npm start -- --feeds`), poll every
// topic's feeds on an in-process timer. Off by default: a first run should not fetch the web.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RssFeedReader } from '../adapters/feeds/rss-feed-reader';
import { TOPICS } from '../domain/developments/catalogue';
import { ingestDevelopment } from '../domain/developments/ingest';
import { parseDevelopmentText } from '../domain/developments/input';
import { type PollLogger, pollFeeds } from '../domain/developments/poll-feeds';
import type { StartupContext } from './stack';

export const DEVELOPMENTS_DIR = resolve('data/developments');
export const FEED_POLL_INTERVAL_MS = 15 * 60_000;
const FIRST_POLL_DELAY_MS = 30_000;

export async function seedDevelopments({ deps, seed }: StartupContext): Promise<void> {
  if (!seed) return;
  const ports = { developments: deps.developments, dispatch: deps.queues.dispatch, clock: deps.clock };
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

export async function startFeedPolling({ deps, closers, feeds: enabled }: StartupContext): Promise<void> {
  if (!enabled) return;
  const feeds = new RssFeedReader();
  const logger: PollLogger = {
    debug: (message, extra) => deps.logger.debug(message, { ...(extra as object) }),
    info: (message, extra) => deps.logger.info(message, { ...(extra as object) }),
    warn: (message, extra) => deps.logger.warn(message, { ...(extra as object) }),
  };
  const ports = {
    developments: deps.developments,
    dispatch: deps.queues.dispatch,
    clock: deps.clock,
    feeds,
    logger,
  };
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      await pollFeeds(ports, TOPICS);
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
