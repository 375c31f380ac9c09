// SES bounce and complaint notifications arriving through SNS (Lambda `functions/feedback.ts`).
import type { SNSEvent } from 'aws-lambda';
import type { Deps } from '../deps';
import { handleSesNotification, parseSesNotification } from '../domain/delivery/feedback';

export function createFeedbackHandler(deps: Deps) {
  return async (event: SNSEvent) => {
    for (const record of event.Records) {
      const notification = parseSesNotification({ Message: record.Sns.Message });
      if (!notification) {
        deps.logger.warn('unreadable SES notification ignored', { messageId: record.Sns.MessageId });
        continue;
      }
      const outcome = await handleSesNotification(
        { subscribers: deps.subscribers, now: deps.clock.now() },
        notification,
      );
      deps.logger.info('SES feedback handled', { ...outcome });
    }
  };
}
