// Lambda entry for the ingest queue (SQS, partial batch responses): received developments → summaries,
// state of play, alert requests. The one function built with a summariser.
import { awsDeps } from './aws/runtime';
import { createIngestHandler } from './handlers/ingest-handler';
import { buildSummariser } from './summariser-deps';

export const handler = createIngestHandler(
  await awsDeps(process.env, { queues: ['dispatch'], secrets: false, summariser: buildSummariser }),
);
