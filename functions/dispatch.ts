// Lambda entry for the dispatch queue (SQS, partial batch responses): issues → recipient batches.
import { awsDeps } from './aws/runtime';
import { createDispatchHandler } from './handlers/dispatch-handler';

export const handler = createDispatchHandler(
  await awsDeps(process.env, { queues: ['dispatch', 'send'], secrets: false }),
);
