// IssueStore over the single table. Items: ISSUE#<id>/ISSUE (gsi2 ISSUES#<topic> once sent, for the
// archive), ISSUE#<id>/TEMPLATE, ISSUE#<id>/DELIVERY#<subscriberId> (gsi2 CLAIMS#<id> while only
// claimed), ISSUE#<id>/TALLY#<writer> (counts, see issue-tally.ts), ISSUE#OPEN/<id> while unfinished,
// CURSOR#<topic>#<frequency>/CURSOR.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Delivery, Issue, RenderedTemplate } from '../../domain/issues/types';
import type { Frequency } from '../../domain/subscribers/types';
import type { ClaimResult, DeliveryTally, IssueStore } from '../../ports/issue-store';
import type { DynamoClients } from './client';
import { IssueTally, openClaimKeys } from './issue-tally';
import { INDEXES } from './table';

const issueKey = (id: string) => ({ pk: `ISSUE#${id}`, sk: 'ISSUE' });
const deliveryKey = (id: string, subscriberId: string) => ({
  pk: `ISSUE#${id}`,
  sk: `DELIVERY#${subscriberId}`,
});
const OPEN = 'ISSUE#OPEN';
const cursorKey = (topic: string, frequency: Frequency) => ({
  pk: `CURSOR#${topic}#${frequency}`,
  sk: 'CURSOR',
});

export class DynamoIssueStore implements IssueStore {
  private readonly tallies: IssueTally;

  constructor(
    private readonly dynamo: DynamoClients,
    private readonly table: string,
  ) {
    this.tallies = new IssueTally(dynamo, table, (issueId, deliveries) =>
      this.putDeliveries(issueId, deliveries),
    );
  }

  private get doc() {
    return this.dynamo.doc;
  }

  private issueItem(issue: Issue) {
    const archived = issue.status === 'sending';
    return {
      ...issueKey(issue.id),
      ...(archived ? { gsi2pk: `ISSUES#${issue.topic}`, gsi2sk: `${issue.createdAt}#${issue.id}` } : {}),
      data: issue,
    };
  }

  async create(issue: Issue): Promise<{ issue: Issue; created: boolean }> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: this.issueItem(issue),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      await this.doc.send(new PutCommand({ TableName: this.table, Item: { pk: OPEN, sk: issue.id } }));
      return { issue, created: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const existing = await this.get(issue.id);
      if (!existing) throw error;
      return { issue: existing, created: false };
    }
  }

  async get(id: string): Promise<Issue | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: issueKey(id), ConsistentRead: true }),
    );
    return out.Item?.data as Issue | undefined;
  }

  async update(issue: Issue): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.table, Item: this.issueItem(issue) }));
  }

  async listSent(topic: string, limit = 50): Promise<Issue[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: INDEXES.gsi2.name,
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': `ISSUES#${topic}` },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((item) => item.data as Issue);
  }

  async listOpen(): Promise<Issue[]> {
    const ids: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': OPEN },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) ids.push(item.sk as string);
      start = out.LastEvaluatedKey;
    } while (start);
    const issues = await Promise.all(ids.map((id) => this.get(id)));
    return issues.filter((i): i is Issue => i !== undefined);
  }

  async markFinished(id: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.table, Key: { pk: OPEN, sk: id } }));
  }

  async putTemplate(issueId: string, template: RenderedTemplate): Promise<void> {
    await this.doc.send(
      new PutCommand({ TableName: this.table, Item: { pk: `ISSUE#${issueId}`, sk: 'TEMPLATE', template } }),
    );
  }

  async getTemplate(issueId: string): Promise<RenderedTemplate | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { pk: `ISSUE#${issueId}`, sk: 'TEMPLATE' } }),
    );
    return out.Item?.template as RenderedTemplate | undefined;
  }

  async claim(issueId: string, subscriberId: string, claimId: string, at: string): Promise<ClaimResult> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...deliveryKey(issueId, subscriberId),
            ...openClaimKeys(issueId, subscriberId, at),
            status: 'claimed',
            claimId,
            claimedAt: at,
          },
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

  completeMany(issueId: string, deliveries: Delivery[]): Promise<void> {
    return this.tallies.record(issueId, deliveries);
  }

  tally(issueId: string): Promise<DeliveryTally> {
    return this.tallies.read(issueId);
  }

  /** The outcome items (one BatchWriteItem per 25); each replaces its claim and leaves CLAIMS#. */
  private async putDeliveries(issueId: string, deliveries: Delivery[]): Promise<void> {
    for (let i = 0; i < deliveries.length; i += 25) {
      let requests: Record<string, unknown>[] | undefined = deliveries.slice(i, i + 25).map((d) => ({
        PutRequest: { Item: { ...deliveryKey(issueId, d.subscriberId), ...withoutId(d) } },
      }));
      for (let attempt = 0; requests && requests.length > 0; attempt++) {
        if (attempt >= 8) throw new Error(`could not record ${requests.length} delivery outcome(s)`);
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * 50 * 2 ** attempt));
        const out: BatchWriteCommandOutput = await this.doc.send(
          new BatchWriteCommand({ RequestItems: { [this.table]: requests as never } }),
        );
        requests = out.UnprocessedItems?.[this.table] as Record<string, unknown>[] | undefined;
      }
    }
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
          Item: { ...deliveryKey(issueId, subscriberId), status: 'suppressed', at },
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

  async getCursor(topic: string, frequency: Frequency): Promise<string | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: cursorKey(topic, frequency), ConsistentRead: true }),
    );
    return out.Item?.until as string | undefined;
  }

  async setCursor(topic: string, frequency: Frequency, until: string): Promise<void> {
    // Cursors only move forward, even if two issues of one cohort finish out of order.
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...cursorKey(topic, frequency), until },
          ConditionExpression: 'attribute_not_exists(pk) OR #until < :until',
          ExpressionAttributeNames: { '#until': 'until' },
          ExpressionAttributeValues: { ':until': until },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
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
