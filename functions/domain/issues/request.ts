// Asking for an issue: from a webhook, a schedule or an alert request. The issue id is derived from
// where the request came from (webhook id, schedule period, development id), so the same request
// made twice finds the same issue instead of creating a second one.
import { createHash } from 'node:crypto';
import type { Clock } from '../../ports/clock';
import type { IssueStore } from '../../ports/issue-store';
import type { Queue } from '../../ports/queue';
import type { DispatchMessage } from '../queue-messages';
import type { Frequency } from '../subscribers/types';
import type { Issue, IssueRequest } from './types';

export interface RequestPorts {
  issues: IssueStore;
  dispatch: Queue<DispatchMessage>;
  clock: Clock;
}

export function issueIdFor(origin: string): string {
  return createHash('sha256').update(origin).digest('base64url').slice(0, 20);
}

/** Issue ids are 20 base64url characters; anything far off is no issue (and no store key to ask for). */
export function isIssueId(id: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id);
}

export function defaultFrequencies(request: IssueRequest): Frequency[] {
  if (request.frequencies?.length) return [...new Set(request.frequencies)];
  return request.kind === 'alert' ? ['instant'] : ['daily', 'weekly'];
}

/** Stores the issue (once) and enqueues its dispatch (every time: dispatching is idempotent). */
export async function requestIssue(
  ports: RequestPorts,
  origin: string,
  request: IssueRequest,
): Promise<{ issue: Issue; created: boolean }> {
  const issue: Issue = {
    id: issueIdFor(origin),
    topic: request.topic,
    kind: request.kind,
    frequencies: defaultFrequencies(request),
    request,
    status: 'requested',
    createdAt: ports.clock.now().toISOString(),
    origin,
  };
  const result = await ports.issues.create(issue);
  await ports.dispatch.send([{ type: 'dispatch', issueId: result.issue.id }]);
  return result;
}
