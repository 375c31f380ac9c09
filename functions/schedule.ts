// Lambda entry for EventBridge schedules: `{ "frequency": "daily" | "weekly" }` → this period's digests.
import { awsDeps } from './aws/runtime';
import { createScheduleHandler } from './handlers/schedule-handler';

export const handler = createScheduleHandler(
  await awsDeps(process.env, { queues: ['dispatch'], secrets: false }),
);
