// Delivery on the local stack: the same queue handlers the Lambdas use, consuming
// the in-process queues; issues left unfinished by a crash dispatched again; and a minute timer that
// stands in for the EventBridge schedules (daily digests from 07:00 UTC, weekly on Mondays).

import { resumeUnfinished } from '../domain/issues/resume';
import { createDispatchHandler } from '../handlers/dispatch-handler';
import { createScheduleHandler } from '../handlers/schedule-handler';
import { createSendHandler } from '../handlers/send-handler';
import { issueRequestPorts } from '../use-case-ports';
import type { StartupContext } from './context';

export const DIGEST_HOUR_UTC = 7;

export async function startLocalDelivery({ deps, queues, closers }: StartupContext): Promise<void> {
  queues.dispatch.consume(createDispatchHandler(deps));
  queues.send.consume(createSendHandler(deps));

  const resumed = await resumeUnfinished(issueRequestPorts(deps));
  if (resumed.length) deps.logger.info('resumed unfinished issues', { issues: resumed });

  const schedule = createScheduleHandler(deps);
  const tick = async () => {
    const now = deps.clock.now();
    if (now.getUTCHours() < DIGEST_HOUR_UTC) return;
    await schedule({ frequency: 'daily' });
    if (now.getUTCDay() === 1) await schedule({ frequency: 'weekly' });
  };
  const timer = setInterval(() => {
    tick().catch((error) => deps.logger.error('scheduled digest failed', { error: String(error) }));
  }, 60_000);
  timer.unref();
  closers.push(async () => clearInterval(timer));
}
