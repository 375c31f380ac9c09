// Lambda entry for the scheduled feed poll (EventBridge): one round over every topic's feeds.
import { RssFeedReader } from './adapters/feeds/rss-feed-reader';
import { awsDeps } from './aws/runtime';
import { createPollFeedsHandler } from './workers/poll-feeds-worker';

// Feeds are internet input: https only, public addresses only (see safe-fetch).
export const handler = createPollFeedsHandler(
  await awsDeps(process.env, { queues: ['ingest'], secrets: false }),
  new RssFeedReader({ httpsOnly: true }),
);
