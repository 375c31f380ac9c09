// The delivery items of an issue: ISSUE#<id>/DELIVERY#<subscriberId>. A claim is a conditional create
// (the exactly-once guard) and carries gsi2 keys while it is only a claim; the outcome replaces it.
// Every delivery item is also on gsi1 under its reader (READER#<subscriberId>), for their data export
// and their erasure.
import { ConditionalCheckFailedException, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Delivery } from '../../domain/issues/types';
import type { ClaimResult, ReaderDelivery } from '../../ports/issue-store';
import { batchWriteAllPlain } from './batch';
import type { DynamoClients } from './client';
import { openClaimKeys } from './issue-tally';
import { INDEXES } from './table';

const deliveryKey = (id: string, subscriberId: string) => ({
  pk: `ISSUE#${id}`,
  sk: `DELIVERY#${subscriberId}`,
});
/** The reader index (gsi1; gsi2 holds open claims). Removed when the reader deletes their data. */
const readerIndex = (id: string, subscriberId: string) => ({
  [INDEXES.gsi1.pk]: `READER#${subscriberId}`,
  [INDEXES.gsi1.sk]: `ISSUE#${id}`,
});
const deliveryItem = (id: string, subscriberId: string) => ({
  ...deliveryKey(id, subscriberId),
  ...readerIndex(id, subscriberId),
});

export class DeliveryItems {
  constructor(
    private readonly dynamo: DynamoClients,
    private readonly table: string,
  ) {}

  private get doc() {
    return this.dynamo.doc;
  }

  async claim(issueId: string, subscriberId: string, claimId: string, at: string): Promise<ClaimResult> {
    const item: Record<string, string> = {
      ...deliveryItem(issueId, subscriberId),
      ...openClaimKeys(issueId, subscriberId, at),
      status: 'claimed',
      claimId,
      claimedAt: at,
    };
    try {
      // Once per email: on the plain client, the item written in DynamoDB's own format (all strings).
      await this.dynamo.fast.send(
        new PutItemCommand({
          TableName: this.table,
          Item: strings(item),
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { claimed: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const item = error.Item
        ? Object.fromEntries(Object.entries(error.Item).map(([k, v]) => [k, Object.values(v)[0]]))
        : (
            await this.doc.send(
              new GetCommand({
                TableName: this.table,
                Key: deliveryKey(issueId, subscriberId),
                ConsistentRead: true,
              }),
            )
          ).Item;
      // Our own claim, written by an attempt whose answer was lost (the SDK retried it).
      if (item?.claimId === claimId) return { claimed: true };
      return { claimed: false, ...(item ? { existing: toDelivery(item) } : {}) };
    }
  }

  /**
   * The outcome items (one BatchWriteItem per 25); each replaces its claim and leaves CLAIMS#. Once
   * per 25 emails: on the plain client, like the claim (every value is a string).
   */
  async put(issueId: string, deliveries: Delivery[]): Promise<void> {
    await batchWriteAllPlain(
      this.dynamo.fast,
      this.table,
      deliveries.map((d) => ({
        PutRequest: { Item: strings({ ...deliveryItem(issueId, d.subscriberId), ...withoutId(d) }) },
      })),
    );
  }

  async release(issueId: string, subscriberId: string, claimId: string): Promise<void> {
    try {
      await this.doc.send(
        new DeleteCommand({
          TableName: this.table,
          Key: deliveryKey(issueId, subscriberId),
          ConditionExpression: 'claimId = :claim AND #status = :claimed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':claim': claimId, ':claimed': 'claimed' },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async recordSuppressed(issueId: string, subscriberId: string, at: string): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...deliveryItem(issueId, subscriberId), status: 'suppressed', at },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const status = error.Item?.status?.S;
      // Without the old item (an emulator that does not return it), read it.
      const existing =
        status ??
        (
          await this.doc.send(
            new GetCommand({
              TableName: this.table,
              Key: deliveryKey(issueId, subscriberId),
              ConsistentRead: true,
            }),
          )
        ).Item?.status;
      return existing === 'suppressed';
    }
  }

  /** One reader's deliveries across issues (their data export). */
  async listOf(subscriberId: string): Promise<ReaderDelivery[]> {
    const out: ReaderDelivery[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: INDEXES.gsi1.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': INDEXES.gsi1.pk },
          ExpressionAttributeValues: { ':pk': `READER#${subscriberId}` },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        out.push({ issueId: String(item.pk).slice('ISSUE#'.length), ...toDelivery(item) });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /**
   * Strip a deleted reader's deliveries of what links them to the reader. Kept so the issue's counts
   * stay true and the exactly-once claim still holds; the SES message id, error text and reader index go.
   */
  async anonymiseOf(subscriberId: string): Promise<number> {
    const deliveries = await this.listOf(subscriberId);
    for (const d of deliveries) {
      const claimed = d.status === 'claimed';
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...deliveryKey(d.issueId, subscriberId),
            ...(claimed && d.claimedAt ? openClaimKeys(d.issueId, subscriberId, d.claimedAt) : {}),
            status: d.status,
            ...(d.at ? { at: d.at } : {}),
            ...(d.claimedAt ? { claimedAt: d.claimedAt } : {}),
            ...(claimed && d.claimId ? { claimId: d.claimId } : {}),
            anonymised: true,
          },
        }),
      );
    }
    return deliveries.length;
  }
}

/** An item of string values in DynamoDB's attribute format (undefined values left out). */
function strings(item: Record<string, string | undefined>): Record<string, { S: string }> {
  const out: Record<string, { S: string }> = {};
  for (const key in item) {
    const value = item[key];
    if (value !== undefined) out[key] = { S: value };
  }
  return out;
}

function withoutId(d: Delivery) {
  const { subscriberId: _id, ...rest } = d;
  return rest;
}

function toDelivery(item: Record<string, unknown>): Delivery {
  const sk = String(item.sk ?? '');
  const pick = (key: string) => (typeof item[key] === 'string' ? (item[key] as string) : undefined);
  const delivery: Delivery = {
    subscriberId: sk.slice('DELIVERY#'.length),
    status: item.status as Delivery['status'],
  };
  for (const key of ['claimId', 'claimedAt', 'providerMessageId', 'error', 'at'] as const) {
    const value = pick(key);
    if (value !== undefined) delivery[key] = value;
  }
  return delivery;
}
