// SES bounce and complaint notifications arriving through SNS (Lambda `functions/feedback.ts`).
import type { SNSEvent } from 'aws-lambda';
import type { Deps } from '../deps';
import { handleSesNotification, parseSesNotification } from '../domain/delivery/feedback';

export function createFeedbackHandler(deps: Pick<Deps, 'subscribers' | 'clock' | 'logger'>) {
  return async (event: SNSEvent) => {
    for (const record of event.Records) {
      const notification = parseSesNotification({ Message: record.Sns.Message });
      if (!notification) {
        deps.logger.warn('unreadable SES notification ignored', { messageId: record.Sns.MessageId });
        continue;
      }
      // No idFor: this function holds no key; every email we send carries its reader's id as a tag.
      const outcome = await handleSesNotification(
        { subscribers: deps.subscribers, now: deps.clock.now() },
        notification,
      );
      // Counts only: no address (and no id) in the logs.
      deps.logger.info('SES feedback handled', {
        kind: outcome.kind,
        suppressed: outcome.suppressed.length,
        counted: outcome.counted.length,
        reset: outcome.reset.length,
        unknown: outcome.unknown,
      });
    }
  };
}
