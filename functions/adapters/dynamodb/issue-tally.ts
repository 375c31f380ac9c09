// An issue's delivery counts, kept as outcomes are recorded, so GET /issues/:id reads a handful of
// items whatever the number of recipients.
//
// Counters: each writer (one per issue per process, i.e. per warm Lambda instance or local stack)
// owns one item ISSUE#<id>/TALLY#<writer> and ADDs its sent and failed outcomes to it. The store has
// no transactions (dynalite), so exactly-once counting rests on two single-item rules:
// - Each ADD carries the writer's next sequence number and applies only if the item's is lower, and
//   a failed ADD is retried with the same number and payload. A retry after a lost answer (ours or
//   the SDK's) therefore finds its number taken and counts nothing: a redelivered outcome never
//   counts twice. A writer's flushes run one at a time, so its numbers arrive in order.
// - The ADD comes before the delivery items are written, and the same update records the claim ids
//   it counted (`counted`) until those items are known to be written. A crash in between leaves
//   claims that look unanswered but are listed as counted: the reader skips them. Without that list
//   they would be counted twice (sent, and in flight).
//
// In flight: a claim item carries gsi2 keys (CLAIMS#<issue>, claimedAt) until its outcome overwrites
// it, so the claims still open are one small index query (at most the senders' concurrency, plus any
// lost in the crash window of deliver.ts).
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Delivery } from '../../domain/issues/types';
import type { DeliveryTally } from '../../ports/issue-store';
import type { DynamoClients } from './client';
import { INDEXES } from './table';

/** gsi2 keys of an open claim: removed when the outcome overwrites the claim item. */
export function openClaimKeys(issueId: string, subscriberId: string, claimedAt: string) {
  return { gsi2pk: `CLAIMS#${issueId}`, gsi2sk: `${claimedAt}#${subscriberId}` };
}

/** How often one counter update is retried (same sequence number) before its outcome is given up. */
const ADD_ATTEMPTS = 8;
/** Outcomes remembered as recorded, so a caller's retry of a call that did succeed counts nothing. */
const REMEMBERED = 10_000;

interface WriterState {
  writer: string;
  seq: number;
  /** Serialises this writer's flushes, so its sequence numbers reach the store in order. */
  chain: Promise<unknown>;
  /** Counted, delivery items not yet known to be written. */
  counted: Map<string, Delivery>;
  /** Counter update of unknown fate: never counted again, never written (they stay open claims). */
  uncertain: Set<string>;
  /** Recently counted and written (insertion order: the oldest are forgotten first). */
  recorded: Set<string>;
}

export class IssueTally {
  private readonly writers = new Map<string, WriterState>();

  constructor(
    private readonly dynamo: DynamoClients,
    private readonly table: string,
    private readonly putDeliveries: (issueId: string, deliveries: Delivery[]) => Promise<void>,
    private readonly sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
  ) {}

  /** Count the outcomes (once each, however often called with them), then write their delivery items. */
  record(issueId: string, deliveries: Delivery[]): Promise<void> {
    let state = this.writers.get(issueId);
    if (!state) {
      state = {
        writer: randomUUID(),
        seq: 0,
        chain: Promise.resolve(),
        counted: new Map(),
        uncertain: new Set(),
        recorded: new Set(),
      };
      this.writers.set(issueId, state);
    }
    const current = state;
    const run = current.chain.then(() => this.flush(issueId, current, deliveries));
    current.chain = run.catch(() => undefined);
    return run;
  }

  private async flush(issueId: string, state: WriterState, deliveries: Delivery[]): Promise<void> {
    const key = (d: Delivery) => d.claimId ?? `${d.subscriberId}`;
    const fresh = deliveries.filter(
      (d) => !state.counted.has(key(d)) && !state.uncertain.has(key(d)) && !state.recorded.has(key(d)),
    );
    if (fresh.length) {
      state.seq++;
      const counted = [...state.counted.keys(), ...fresh.map(key)];
      try {
        await this.add(issueId, state, fresh, counted);
      } catch (error) {
        // Applied or not, we cannot tell: these outcomes stay uncounted here and unwritten, and the
        // writer moves to a new item so its next numbers cannot be mistaken for this one.
        for (const d of fresh) state.uncertain.add(key(d));
        state.writer = randomUUID();
        state.seq = 0;
        throw error;
      }
      for (const d of fresh) state.counted.set(key(d), d);
    }
    const writable = deliveries.filter((d) => !state.uncertain.has(key(d)));
    await this.putDeliveries(issueId, writable);
    for (const d of writable) {
      state.counted.delete(key(d));
      state.recorded.add(key(d));
    }
    for (const old of state.recorded) {
      if (state.recorded.size <= REMEMBERED) break;
      state.recorded.delete(old);
    }
  }

  private async add(issueId: string, state: WriterState, fresh: Delivery[], counted: string[]) {
    const sent = fresh.filter((d) => d.status === 'sent').length;
    const failed = fresh.filter((d) => d.status === 'failed').length;
    // A reader gone between dispatch and send (the sender skips them).
    const suppressed = fresh.filter((d) => d.status === 'suppressed').length;
    const number = (value: number) => ({ N: String(value) });
    // Once per 25 emails: on the plain client, the values in DynamoDB's own format.
    const update = new UpdateItemCommand({
      TableName: this.table,
      Key: { pk: { S: `ISSUE#${issueId}` }, sk: { S: `TALLY#${state.writer}` } },
      UpdateExpression:
        'ADD sent :sent, failed :failed, suppressed :suppressed SET seq = :seq, counted = :counted',
      ConditionExpression: 'attribute_not_exists(seq) OR seq < :seq',
      ExpressionAttributeValues: {
        ':sent': number(sent),
        ':failed': number(failed),
        ':suppressed': number(suppressed),
        ':seq': number(state.seq),
        ':counted': { L: counted.map((id) => ({ S: id })) },
      },
    });
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dynamo.fast.send(update);
        return;
      } catch (error) {
        // Our number is taken: an earlier attempt of this very update was applied.
        if (error instanceof ConditionalCheckFailedException) return;
        if (attempt >= ADD_ATTEMPTS) throw error;
        await this.sleep(Math.min(2000, 50 * 2 ** attempt));
      }
    }
  }

  /** Sums the writers' counters and lists the claims still open (not counted by any writer). */
  async read(issueId: string): Promise<DeliveryTally> {
    const [tallies, claims] = await Promise.all([
      this.queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `ISSUE#${issueId}`, ':prefix': 'TALLY#' },
        ConsistentRead: true,
      }),
      this.queryAll({
        IndexName: INDEXES.gsi2.name,
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': `CLAIMS#${issueId}` },
        ProjectionExpression: 'claimId, claimedAt',
      }),
    ]);
    const counted = new Set(tallies.flatMap((t) => (t.counted as string[] | undefined) ?? []));
    return {
      sent: tallies.reduce((sum, t) => sum + Number(t.sent ?? 0), 0),
      failed: tallies.reduce((sum, t) => sum + Number(t.failed ?? 0), 0),
      suppressed: tallies.reduce((sum, t) => sum + Number(t.suppressed ?? 0), 0),
      openClaims: claims.filter((c) => !counted.has(String(c.claimId))).map((c) => String(c.claimedAt)),
    };
  }

  private async queryAll(input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>) {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.dynamo.doc.send(
        new QueryCommand({ ...input, TableName: this.table, ExclusiveStartKey: start }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }
}
