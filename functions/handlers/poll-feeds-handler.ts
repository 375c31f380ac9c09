// One feed polling round (EventBridge → `functions/poll-feeds.ts`; a timer locally, when asked). New
// entries are received and queued for the ingest consumer; nothing is summarised here.
import type { Deps } from '../deps';
import { pollFeeds } from '../domain/developments/poll-feeds';
import { pollPorts } from '../use-case-ports';

export function createPollFeedsHandler(deps: Deps) {
  const ports = pollPorts(deps);
  return () => pollFeeds(ports, deps.catalogue.topics);
}
