// Scheduled digests (EventBridge → `functions/schedule.ts`; an in-process timer locally): asks for
// this period's digest of every topic for one cohort. Repeated firings find the same issues, and say
// so only at debug level (the local timer fires every minute).
import type { Deps } from '../deps';
import { type DigestFrequency, requestScheduledDigests } from '../domain/issues/schedule';
import { issueRequestPorts } from '../use-case-ports';

export function createScheduleHandler(deps: Deps) {
  const ports = issueRequestPorts(deps);
  return async (event: { frequency?: string } | undefined) => {
    const frequency: DigestFrequency = event?.frequency === 'weekly' ? 'weekly' : 'daily';
    const requested = await requestScheduledDigests(ports, deps.topics, frequency);
    const ids = requested.map((r) => r.id);
    const created = requested.filter((r) => r.created).map((r) => r.id);
    if (created.length) deps.logger.info('scheduled digests requested', { frequency, issues: created });
    else deps.logger.debug('scheduled digests already requested', { frequency, issues: ids });
    return { frequency, issues: ids };
  };
}
