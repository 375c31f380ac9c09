// One feed polling round wired to deps (EventBridge → `functions/poll-feeds.ts`; a timer locally).
// New entries are received and queued for the ingest consumer; nothing is summarised here.
import type { Deps } from '../deps';
import { TOPICS } from '../domain/developments/catalogue';
import { type PollLogger, pollFeeds } from '../domain/developments/poll-feeds';
import type { FeedReader } from '../ports/feed-reader';

export function createPollFeedsHandler(
  deps: Pick<Deps, 'developments' | 'queues' | 'clock' | 'logger'>,
  feeds: FeedReader,
) {
  const logger: PollLogger = {
    debug: (message, extra) => deps.logger.debug(message, { ...(extra as object) }),
    info: (message, extra) => deps.logger.info(message, { ...(extra as object) }),
    warn: (message, extra) => deps.logger.warn(message, { ...(extra as object) }),
  };
  const ports = {
    developments: deps.developments,
    dispatch: deps.queues.dispatch,
    ingest: deps.queues.ingest,
    clock: deps.clock,
    feeds,
    logger,
  };
  return () => pollFeeds(ports, TOPICS);
}
