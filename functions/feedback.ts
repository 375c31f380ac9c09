// Lambda entry for SES bounce and complaint notifications (SNS).
import { awsDeps } from './aws/runtime';
import { createFeedbackHandler } from './handlers/feedback-handler';

export const handler = createFeedbackHandler(await awsDeps(process.env, { queues: [], secrets: false }));
