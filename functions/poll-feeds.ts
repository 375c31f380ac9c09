// Lambda entry for the scheduled feed poll (EventBridge): one round over every topic's feeds.
import { awsDeps } from './aws/runtime';
import { buildFeedReader } from './feeds-deps';
import { createPollFeedsHandler } from './handlers/poll-feeds-handler';

export const handler = createPollFeedsHandler(
  await awsDeps(process.env, { queues: ['ingest'], secrets: false, feeds: buildFeedReader }),
);
