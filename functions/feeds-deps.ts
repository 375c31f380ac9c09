// The feed reader's part of the composition root, kept apart so only the hosts that poll feeds (the
// poll-feeds function, the local stack) bundle the feed parser. Feeds are internet input: in AWS https
// only and public addresses only (see adapters/feeds/safe-fetch.ts); the local stack also reads plain
// http, still refusing private addresses.
import { RssFeedReader } from './adapters/feeds/rss-feed-reader';
import type { AdapterParts } from './deps';
import type { FeedReader } from './ports/feed-reader';

export function buildFeedReader(_parts: AdapterParts): FeedReader {
  return new RssFeedReader({ httpsOnly: true });
}

export function buildLocalFeedReader(_parts: AdapterParts): FeedReader {
  return new RssFeedReader();
}
