// Sends one recipient batch of one issue, exactly once per (issue, subscriber).
//
// The guard is the delivery claim: a conditional create of ISSUE#<id>/DELIVERY#<subscriberId> before
// the SES call, the SES MessageId recorded after. A redelivered batch, two workers on one batch or a
// retry after a crash find the claim and skip the recipient, so nobody is mailed twice.
//
// The one crash window left: the claim is written and the worker dies (or loses the store) before
// SES's answer is recorded — during the SES call itself, or in the moment before it (the slot is
// reserved before the claim, the claim is made CLAIM_LEAD_MS before the slot, and a retry after
// throttling waits for its slot while holding the claim). We cannot
// tell whether SES accepted the message, and we choose NOT to resend: a claim without a MessageId is
// reported as `inFlight` and, once older than STALE_CLAIM_MINUTES (longer than any worker lives), as
// `unknown` in the issue counts. Cost: in that rare crash a subscriber may miss
// one issue (it stays readable in the archive); the alternative, resending, would mail twice whenever
// SES had already accepted the copy, which is the failure subscribers notice and report as spam.
//
// A store call whose answer is lost (the store going away mid-request) must not open that window by
// itself: a claim may have been written though its caller saw an error, and a claim whose release
// failed stays. So the calls made while a claim is in doubt or held (the claim, with the same claim
// id, the fresh slot of a late send, the release) are retried through a short outage (`heldOn` in outcomes.ts),
// until the store answers: a claim answered "already claimed" under our own id is ours.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../ports/clock';
import type { IssueStore } from '../../ports/issue-store';
import { type Mailer, MailerError } from '../../ports/mailer';
import type { Issue, RenderedTemplate } from '../issues/types';
import type { DeliverMessage } from '../queue-messages';
import type { Recipient } from '../subscribers/types';
import { heldOn, now, outcomeRecorder, type Recorder } from './outcomes';
import { issueEmail, type MessageSettings } from './reader-email';
import type { SendRate } from './send-rate';

const MAX_ATTEMPTS = 6;
/**
 * Every reader of a message at once (the dispatcher's batches are 50): each waits for its own slot, so
 * this bounds nothing the send rate does not, and leaves enough sends under way to fill the rate while
 * the store is slow and claims are made far ahead of their slots.
 */
const CONCURRENCY_PER_BATCH = 50;

export interface DeliverPorts {
  issues: IssueStore;
  mailer: Mailer;
  rate: SendRate;
  clock: Clock;
  settings: MessageSettings;
  /** Addresses of the readers who still take this mail (active, not paused), by id; others are absent. */
  readers(ids: readonly string[]): Promise<Map<string, Recipient>>;
  /** Per warm instance: the issue and its rendered template are read once, not per recipient. */
  cache?: Map<string, Promise<{ issue: Issue; template: RenderedTemplate } | undefined>>;
  sleep?: (ms: number) => Promise<void>;
  log?: (level: 'warn' | 'error', message: string, details: Record<string, unknown>) => void;
  /** Debug hook (the delivery bench's pacing trace): each send as it goes, with the slot it took. */
  traceTurn?: (turn: { subscriberId: string; slot: number; turn: number }) => void;
}

export type RecipientOutcome = 'sent' | 'failed' | 'duplicate' | 'retry' | 'skipped';

/** Still retryable after the in-process attempts: the queue should deliver this batch again. */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
}

/** Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"). */
export function backoffMs(attempt: number, random = Math.random): number {
  return Math.floor(random() * Math.min(5_000, 100 * 2 ** attempt));
}

export async function deliverBatch(
  ports: DeliverPorts,
  message: DeliverMessage,
): Promise<RecipientOutcome[]> {
  const loaded = await loadIssue(ports, message.issueId);
  if (!loaded) throw new Error(`issue ${message.issueId} or its template is missing`);
  const readers = await ports.readers(message.recipients.map((r) => r.subscriberId));
  const outcomes: RecipientOutcome[] = new Array(message.recipients.length);
  let next = 0;
  let fatal: unknown;
  const recorder = outcomeRecorder(ports, message.issueId);
  const refusals = new Map<string, { reason: string; count: number }>();
  const worker = async () => {
    while (next < message.recipients.length && fatal === undefined) {
      const index = next++;
      const { subscriberId } = message.recipients[index]!;
      const reader = readers.get(subscriberId);
      try {
        if (!reader) {
          // Unsubscribed, paused or deleted since the dispatch: not mailed. Claimed and recorded like
          // any outcome, so the issue's counts show it once as suppressed, however often it is redelivered.
          const claimId = randomUUID();
          const at = now(ports);
          const claim = await heldOn(ports, () =>
            ports.issues.claim(message.issueId, subscriberId, claimId, at),
          );
          if (claim.claimed) await recorder.record({ subscriberId, status: 'suppressed', claimId });
          outcomes[index] = 'skipped';
          continue;
        }
        outcomes[index] = await deliverOne(ports, loaded.issue, loaded.template, reader, recorder, refusals);
      } catch (error) {
        fatal ??= error;
      }
    }
  };
  try {
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY_PER_BATCH, message.recipients.length) }, worker),
    );
  } finally {
    await recorder.flush();
    // One line per kind of refusal and batch (a wrong sender identity refuses everyone), with SES's reason.
    for (const [code, { reason, count }] of refusals) {
      ports.log?.('error', `SES refused ${count} email(s); recorded as failed, not retried`, {
        issueId: message.issueId,
        code,
        reason,
        count,
      });
    }
  }
  if (fatal !== undefined) throw fatal;
  if (outcomes.includes('retry')) {
    throw new RetryLaterError(`${outcomes.filter((o) => o === 'retry').length} recipient(s) still throttled`);
  }
  return outcomes;
}

function loadIssue(ports: DeliverPorts, issueId: string) {
  const cache = ports.cache;
  const cached = cache?.get(issueId);
  if (cached) return cached;
  const loading = Promise.all([ports.issues.get(issueId), ports.issues.getTemplate(issueId)]).then(
    ([issue, template]) => (issue && template ? { issue, template } : undefined),
  );
  cache?.set(issueId, loading);
  loading.then((v) => v ?? cache?.delete(issueId)).catch(() => cache?.delete(issueId));
  return loading;
}

async function deliverOne(
  ports: DeliverPorts,
  issue: Issue,
  template: RenderedTemplate,
  recipient: Recipient,
  recorder: Recorder,
  refusals: Map<string, { reason: string; count: number }>,
): Promise<RecipientOutcome> {
  // The send slot is reserved before the claim: if the store fails while booking it, nothing is claimed
  // yet and a redelivery sends normally (a claim whose release also failed would strand the recipient).
  // The claim is made CLAIM_LEAD_MS before the slot, and the copy built, so the send is ready when its
  // turn comes (send-rate.ts): a slow claim costs no slot, and a claim is held only briefly unsent.
  const slot = await ports.rate.reserve();
  await ports.rate.beforeSlot(slot);
  const claimId = randomUUID();
  const at = now(ports);
  const claim = await heldOn(ports, () => ports.issues.claim(issue.id, recipient.subscriberId, claimId, at));
  if (!claim.claimed) {
    ports.rate.giveBack();
    return 'duplicate';
  }
  const release = () => heldOn(ports, () => ports.issues.release(issue.id, recipient.subscriberId, claimId));
  // The turn comes at a slot, at most STALE_SLOT_MS late: sends released late would reach SES in a
  // burst above the rate. A turn refused (its slot lost, none bookable) or a retry books a fresh slot.
  const takeTurn = async (reserved: boolean): Promise<number> => {
    try {
      if (reserved) {
        try {
          return await ports.rate.turn();
        } catch {}
      }
      return await heldOn(ports, () => ports.rate.acquire());
    } catch (error) {
      await release();
      throw error;
    }
  };

  const email = issueEmail(
    ports.settings,
    { ...issue, topicTitle: issue.content?.topicTitle ?? issue.topic },
    template,
    recipient,
  );
  const sleep = ports.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; ) {
    const taken = await takeTurn(attempt === 0);
    ports.traceTurn?.({ subscriberId: recipient.subscriberId, slot: taken, turn: attempt });
    try {
      const { providerMessageId } = await ports.mailer.send(email);
      await recorder.record({
        subscriberId: recipient.subscriberId,
        status: 'sent',
        claimId,
        providerMessageId,
      });
      return 'sent';
    } catch (error) {
      if (!(error instanceof MailerError) || error.kind === 'unknown') {
        // Outcome unknown (the crash window above): keep the claim, never resend.
        ports.log?.('warn', 'send outcome unknown; claim kept', {
          issueId: issue.id,
          subscriberId: recipient.subscriberId,
          error: String(error),
        });
        throw error;
      }
      if (error.kind === 'permanent') {
        const refused = refusals.get(error.code) ?? { reason: error.message, count: 0 };
        refusals.set(error.code, { ...refused, count: refused.count + 1 });
        await recorder.record({
          subscriberId: recipient.subscriberId,
          status: 'failed',
          claimId,
          error: `${error.code}: ${error.message}`.slice(0, 500),
        });
        return 'failed';
      }
      if (++attempt >= MAX_ATTEMPTS) {
        // SES refused before accepting anything, so giving the claim back cannot cause a duplicate.
        await release();
        return 'retry';
      }
      await sleep(backoffMs(attempt - 1));
    }
  }
}
