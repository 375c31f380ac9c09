// Reading one RSS or Atom feed. The poller depends on this, not on a parser, so it is tested with fakes
// and the adapter with a feed served on loopback.
export interface FeedEntry {
  title?: string;
  link?: string;
  /** ISO date of publication when the feed gives one. */
  publishedAt?: string;
  /** Plain text (HTML stripped by the adapter). */
  text?: string;
  author?: string;
}

export interface Feed {
  title?: string;
  entries: FeedEntry[];
}

export interface FeedReader {
  /** Throws when the feed is unreachable or not a feed at all. */
  read(url: string): Promise<Feed>;
}
