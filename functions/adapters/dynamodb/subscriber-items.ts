// The subscriber store's item layout (pk `SUB#<id>`, sk `PROFILE` | `SUPPRESSION` | `TOPIC#<topic>`),
// when cohort entries must change, and the reads and writes subscribe makes on it: one consistent BatchGetItem for
// the record and the suppression entry under several ids, and the conditional write of a suppression
// entry's request count. Kept apart from subscriber-store.ts, which holds the record and cohort writes.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors';
import type { RequestCount, Subscriber } from '../../domain/subscribers/types';
import type { StoredReader, Suppression } from '../../ports/subscriber-store';
import { batchGetAll } from './batch';
import type { DynamoClients } from './client';

export const subscriberPk = (id: string) => `SUB#${id}`;
const META = new Set(['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk']);

export function toSubscriber(item: Record<string, unknown>): Subscriber {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !META.has(k))) as unknown as Subscriber;
}

export function inCohort(s: Subscriber): boolean {
  return s.status === 'active' && !s.paused;
}

/** Whether a write from `before` to `after` leaves the cohort entries as they are. */
export function sameCohort(before: Subscriber, after: Subscriber): boolean {
  if (!inCohort(before)) return !inCohort(after);
  if (!inCohort(after) || before.frequency !== after.frequency) return false;
  const was = new Set(before.topics);
  const is = new Set(after.topics);
  return was.size === is.size && [...is].every((t) => was.has(t));
}

/** Records and suppression entries of up to 50 ids in one BatchGetItem (more only for unprocessed keys). */
export async function lookupReaders(
  dynamo: DynamoClients,
  table: string,
  ids: readonly string[],
): Promise<Map<string, StoredReader>> {
  const unique = [...new Set(ids)];
  if (unique.length > 50) throw new Error('lookupReaders takes at most 50 ids');
  const keys = unique.flatMap((id) => [
    { pk: subscriberPk(id), sk: 'PROFILE' },
    { pk: subscriberPk(id), sk: 'SUPPRESSION' },
  ]);
  const found = new Map<string, StoredReader>();
  for (const item of await batchGetAll(dynamo.doc, table, keys, { consistentRead: true })) {
    const id = String(item.pk).slice('SUB#'.length);
    const entry = found.get(id) ?? {};
    if (item.sk === 'PROFILE') entry.subscriber = toSubscriber(item);
    else entry.suppression = toSuppression(item);
    found.set(id, entry);
  }
  return found;
}

function toSuppression(item: Record<string, unknown>): Suppression {
  const requests = item.requests as RequestCount | undefined;
  return { reason: String(item.reason), at: String(item.at), ...(requests ? { requests } : {}) };
}

/**
 * Rewrite the suppression entry with a new request count, only if it is still the one read: a
 * suppression recorded meanwhile (another reason, a later time) or another request counted first
 * makes it a ConflictError, and the caller reads again.
 */
export async function countOnSuppression(
  dynamo: DynamoClients,
  table: string,
  id: string,
  current: Suppression,
  requests: RequestCount,
): Promise<void> {
  const unchanged = current.requests
    ? '#req.#ws = :ws AND #req.#count = :count'
    : 'attribute_not_exists(#req)';
  await dynamo.doc
    .send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: subscriberPk(id),
          sk: 'SUPPRESSION',
          type: 'suppression',
          reason: current.reason,
          at: current.at,
          requests,
        },
        ConditionExpression: `attribute_exists(pk) AND #reason = :reason AND #at = :at AND ${unchanged}`,
        ExpressionAttributeNames: {
          '#reason': 'reason',
          '#at': 'at',
          '#req': 'requests',
          ...(current.requests ? { '#ws': 'windowStart', '#count': 'count' } : {}),
        },
        ExpressionAttributeValues: {
          ':reason': current.reason,
          ':at': current.at,
          ...(current.requests
            ? { ':ws': current.requests.windowStart, ':count': current.requests.count }
            : {}),
        },
      }),
    )
    .catch((error: unknown) => {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConflictError('The suppression entry changed meanwhile; try again.');
      }
      throw error;
    });
}
