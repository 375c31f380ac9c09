// Lambda entry for the scheduled feed poll (EventBridge): one round over every topic's feeds.
import { RssFeedReader } from './adapters/feeds/rss-feed-reader';
import { awsDeps } from './aws/runtime';
import { TOPICS } from './domain/developments/catalogue';
import { type PollLogger, pollFeeds } from './domain/developments/poll-feeds';

const deps = await awsDeps();
const feeds = new RssFeedReader();
const logger: PollLogger = {
  debug: (message, extra) => deps.logger.debug(message, { ...(extra as object) }),
  info: (message, extra) => deps.logger.info(message, { ...(extra as object) }),
  warn: (message, extra) => deps.logger.warn(message, { ...(extra as object) }),
};

export const handler = async () =>
  pollFeeds(
    { developments: deps.developments, dispatch: deps.queues.dispatch, clock: deps.clock, feeds, logger },
    TOPICS,
  );
