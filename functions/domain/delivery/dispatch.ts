// The dispatcher: resolves an issue's content, renders it once, then pages through each cohort on
// the cohort index (never a scan), leaves suppressed addresses out and enqueues recipient batches.
// Progress is saved after each page, so a redelivered or resumed dispatch continues where it stopped;
// anything enqueued twice is harmless because senders claim each (issue, subscriber) once.
import type { Clock } from '../../ports/clock';
import type { DevelopmentStore } from '../../ports/development-store';
import type { IssueStore } from '../../ports/issue-store';
import type { Queue } from '../../ports/queue';
import type { SubscriberStore } from '../../ports/subscriber-store';
import { resolveContent } from '../issues/content';
import { requestIssue } from '../issues/request';
import type { Issue, IssueRenderer } from '../issues/types';
import type { Recipient } from '../subscribers/types';
import type { AlertRequestMessage, DeliverMessage, DispatchMessage } from './messages';

export const RECIPIENTS_PER_BATCH = 50;
const PAGE_SIZE = 250;

export interface DispatchPorts {
  issues: IssueStore;
  subscribers: SubscriberStore;
  developments: DevelopmentStore;
  dispatch: Queue<DispatchMessage>;
  send: Queue<DeliverMessage>;
  render: IssueRenderer;
  clock: Clock;
  topics: readonly { id: string; title: string; shortTitle?: string | undefined }[];
  publicUrl: string;
  /** Batch form of `subscribers.isSuppressed` for a whole page (one store call instead of one each). */
  suppressedAmong?: (ids: readonly string[]) => Promise<Set<string>>;
}

export async function handleDispatchMessage(ports: DispatchPorts, message: DispatchMessage): Promise<void> {
  if (message.type === 'alert-request') return requestAlert(ports, message);
  return dispatchIssue(ports, message.issueId);
}

/** One alert issue per development, however often ingest asks. */
export async function requestAlert(ports: DispatchPorts, message: AlertRequestMessage): Promise<void> {
  const { issue } = await requestIssue(
    { ...ports, dispatch: { send: async () => undefined } },
    `alert:${message.topic}:${message.developmentId}`,
    { topic: message.topic, kind: 'alert', developmentIds: [message.developmentId] },
  );
  await dispatchIssue(ports, issue.id);
}

export async function dispatchIssue(ports: DispatchPorts, issueId: string): Promise<void> {
  let issue = await ports.issues.get(issueId);
  if (!issue) return;
  if (issue.status === 'requested') issue = await prepare(ports, issue);
  if (issue.status !== 'dispatching') return;

  let progress = issue.progress ?? { cohort: 0, enqueued: 0, suppressed: 0 };
  while (progress.cohort < issue.frequencies.length) {
    const frequency = issue.frequencies[progress.cohort]!;
    const page = await ports.subscribers.listCohort(issue.topic, frequency, progress.cursor, PAGE_SIZE);
    const { deliverable, suppressed } = await withoutSuppressed(ports, issue.id, page.items);
    for (let i = 0; i < deliverable.length; i += RECIPIENTS_PER_BATCH) {
      await ports.send.send([
        {
          type: 'deliver',
          issueId: issue.id,
          recipients: deliverable
            .slice(i, i + RECIPIENTS_PER_BATCH)
            .map((r) => ({ subscriberId: r.subscriberId })),
        },
      ]);
    }
    progress = {
      cohort: page.cursor ? progress.cohort : progress.cohort + 1,
      ...(page.cursor ? { cursor: page.cursor } : {}),
      enqueued: progress.enqueued + deliverable.length,
      suppressed: progress.suppressed + suppressed,
    };
    issue = { ...issue, progress };
    await ports.issues.update(issue);
  }
  const nobody = progress.enqueued === 0;
  await ports.issues.update({
    ...issue,
    status: nobody ? 'no-recipients' : 'sending',
    recipients: progress.enqueued + progress.suppressed,
    dispatchedAt: ports.clock.now().toISOString(),
  });
  if (nobody) await ports.issues.markFinished(issue.id);
}

/** Resolve content and render the template once; skipped when nothing is new. */
async function prepare(ports: DispatchPorts, issue: Issue): Promise<Issue> {
  const content = await resolveContent({ ...ports, now: ports.clock.now() }, issue);
  if (!content) {
    const skipped: Issue = { ...issue, status: 'skipped' };
    await ports.issues.update(skipped);
    await ports.issues.markFinished(issue.id);
    return skipped;
  }
  const template = await ports.render({
    issueId: issue.id,
    kind: issue.kind,
    frequencies: issue.frequencies,
    archiveUrl: `${ports.publicUrl}/archive/${issue.id}`,
    content,
  });
  await ports.issues.putTemplate(issue.id, template);
  if (issue.request.dryRun) {
    // Nothing is sent: the count says who would get it (active, unsuppressed members of its cohorts).
    const recipients = await countRecipients(ports, issue);
    const dry: Issue = { ...issue, status: 'dry-run', content, recipients };
    await ports.issues.update(dry);
    await ports.issues.markFinished(issue.id);
    return dry;
  }
  if (issue.kind === 'digest') {
    // The next digest of these cohorts starts after what this one holds.
    await Promise.all(
      issue.frequencies.map((f) =>
        ports.issues.setCursor(issue.topic, f, content.arrivedUntil ?? content.coveredUntil),
      ),
    );
  }
  const ready: Issue = {
    ...issue,
    status: 'dispatching',
    content,
    progress: { cohort: 0, enqueued: 0, suppressed: 0 },
  };
  await ports.issues.update(ready);
  return ready;
}

async function countRecipients(ports: DispatchPorts, issue: Issue): Promise<number> {
  let count = 0;
  for (const frequency of issue.frequencies) {
    let cursor: string | undefined;
    do {
      const page = await ports.subscribers.listCohort(issue.topic, frequency, cursor, PAGE_SIZE);
      const ids = page.items.map((r) => r.subscriberId);
      const suppressed = await suppressedOf(ports, ids);
      count += ids.length - suppressed.size;
      cursor = page.cursor;
    } while (cursor);
  }
  return count;
}

async function suppressedOf(ports: DispatchPorts, ids: string[]): Promise<Set<string>> {
  if (ports.suppressedAmong) return ports.suppressedAmong(ids);
  const flags = await Promise.all(ids.map((id) => ports.subscribers.isSuppressed(id)));
  return new Set(ids.filter((_, i) => flags[i]));
}

async function withoutSuppressed(ports: DispatchPorts, issueId: string, recipients: Recipient[]) {
  const flagged = await suppressedOf(
    ports,
    recipients.map((r) => r.subscriberId),
  );
  const at = ports.clock.now().toISOString();
  const deliverable: Recipient[] = [];
  const skipped: Recipient[] = [];
  for (const r of recipients) (flagged.has(r.subscriberId) ? skipped : deliverable).push(r);
  // Suppressed since an earlier pass mailed them (a dispatch run again after a restart): they already
  // have their outcome, so they go to the senders, who find the claim and skip them, and are counted
  // once, as what they got.
  const recorded = await Promise.all(
    skipped.map((r) => ports.issues.recordSuppressed(issueId, r.subscriberId, at)),
  );
  let suppressed = 0;
  for (const [i, r] of skipped.entries()) {
    if (recorded[i]) suppressed++;
    else deliverable.push(r);
  }
  return { deliverable, suppressed };
}
