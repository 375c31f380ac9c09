// Lambda entry for the send queue (SQS, partial batch responses): recipient batches and transactional emails → SES.
import { awsDeps } from './aws/runtime';
import { createSendHandler } from './handlers/send-handler';

export const handler = createSendHandler(await awsDeps(process.env, { queues: ['send'], secrets: true }));
