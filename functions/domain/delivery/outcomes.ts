// The store side of a delivery batch (delivery/deliver.ts): outcomes written in groups, and the store
// calls that must outlast a short outage, because giving up on them would strand a reader's claim or
// count a sent email as in flight.
import type { Clock } from '../../ports/clock';
import type { IssueStore } from '../../ports/issue-store';
import type { Delivery } from '../issues/types';

/** What these need of deliver.ts's ports. */
export interface OutcomePorts {
  issues: Pick<IssueStore, 'completeMany'>;
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
  log?: (level: 'warn' | 'error', message: string, details: Record<string, unknown>) => void;
}

export function now(ports: Pick<OutcomePorts, 'clock'>): string {
  return ports.clock.now().toISOString();
}

/** Backoff of the store calls made while a claim is in doubt or held: about 6 s in all. */
const HELD_RETRIES_MS = [200, 400, 800, 1600, 3200];

/** Repeats a store call that is safe to repeat until the store answers, through a short outage. */
export async function heldOn<T>(ports: Pick<OutcomePorts, 'sleep'>, call: () => Promise<T>): Promise<T> {
  const sleep = ports.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const wait = HELD_RETRIES_MS[attempt];
      if (wait === undefined) throw error;
      await sleep(wait);
    }
  }
}

/**
 * Outcomes are written in groups of 25 (one BatchWriteItem) rather than one write per email: this
 * halves the store writes on the hot path. An outcome not yet flushed when a worker dies leaves its
 * claim without a MessageId: the crash window of deliver.ts, handled the same way (never resent).
 */
export function outcomeRecorder(ports: OutcomePorts, issueId: string) {
  let buffer: Delivery[] = [];
  const flush = async () => {
    const batch = buffer;
    buffer = [];
    if (batch.length === 0) return;
    try {
      // A short store outage should not leave sent emails counted as in flight.
      await heldOn(ports, () => ports.issues.completeMany(issueId, batch));
    } catch (error) {
      // The emails went (or were refused for good); failing to note it must not make a retry resend them.
      ports.log?.('error', 'could not record delivery outcomes', {
        issueId,
        count: batch.length,
        error: String(error),
      });
    }
  };
  return {
    async record(delivery: Omit<Delivery, 'at'>) {
      buffer.push({ ...delivery, at: now(ports) });
      if (buffer.length >= 25) await flush();
    },
    flush,
  };
}

export type Recorder = ReturnType<typeof outcomeRecorder>;
