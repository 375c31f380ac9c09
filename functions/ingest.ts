// Lambda entry for the ingest queue (SQS, partial batch responses): received developments → summaries,
// state of play, alert requests.
import { awsDeps } from './aws/runtime';
import { createIngestHandler } from './handlers/ingest-handler';

export const handler = createIngestHandler(
  await awsDeps(process.env, { queues: ['dispatch'], secrets: false }),
);
