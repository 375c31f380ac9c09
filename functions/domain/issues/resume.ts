// After a crash (SIGKILL locally, where queues live in memory), issues not known to be finished are
// dispatched again. Safe because dispatch is idempotent and every delivery is claimed once.
import type { Clock } from '../../ports/clock';
import type { IssueStore } from '../../ports/issue-store';
import type { Queue } from '../../ports/queue';
import type { DispatchMessage } from '../queue-messages';
import { issueCounts } from './status';

export async function resumeUnfinished(ports: {
  issues: IssueStore;
  dispatch: Queue<DispatchMessage>;
  clock: Clock;
}): Promise<string[]> {
  const resumed: string[] = [];
  for (const issue of await ports.issues.listOpen()) {
    if (issue.status === 'sending') {
      const counts = issueCounts(issue, await ports.issues.tally(issue.id), ports.clock.now());
      if (counts.pending === 0) {
        await ports.issues.markFinished(issue.id);
        continue;
      }
      // Page the cohorts again; recipients already claimed are skipped by the senders.
      await ports.issues.update({
        ...issue,
        status: 'dispatching',
        progress: { cohort: 0, enqueued: 0, suppressed: 0 },
      });
    } else if (issue.status !== 'requested' && issue.status !== 'dispatching') {
      await ports.issues.markFinished(issue.id);
      continue;
    }
    await ports.dispatch.send([{ type: 'dispatch', issueId: issue.id }]);
    resumed.push(issue.id);
  }
  return resumed;
}
