// IssueStore over the single table. Items: ISSUE#<id>/ISSUE (gsi2 ISSUES#<topic> once sent, for the
// archive), ISSUE#<id>/TEMPLATE, ISSUE#<id>/DELIVERY#<subscriberId> (gsi2 CLAIMS#<id> while only
// claimed), ISSUE#<id>/TALLY#<writer> (counts, see issue-tally.ts), ISSUE#OPEN/<id> while unfinished,
// CURSOR#<topic>#<frequency>/CURSOR.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isPublished } from '../../domain/issues/archive';
import type { Delivery, Issue, RenderedTemplate } from '../../domain/issues/types';
import type { Frequency } from '../../domain/subscribers/types';
import type { ClaimResult, DeliveryTally, IssueStore, ReaderDelivery } from '../../ports/issue-store';
import type { DynamoClients } from './client';
import { DeliveryItems } from './delivery-items';
import { IssueTally } from './issue-tally';
import { INDEXES } from './table';

const issueKey = (id: string) => ({ pk: `ISSUE#${id}`, sk: 'ISSUE' });
const OPEN = 'ISSUE#OPEN';
const cursorKey = (topic: string, frequency: Frequency) => ({
  pk: `CURSOR#${topic}#${frequency}`,
  sk: 'CURSOR',
});

export class DynamoIssueStore implements IssueStore {
  private readonly deliveries: DeliveryItems;
  private readonly tallies: IssueTally;

  constructor(
    private readonly dynamo: DynamoClients,
    private readonly table: string,
  ) {
    this.deliveries = new DeliveryItems(dynamo, table);
    this.tallies = new IssueTally(dynamo, table, (issueId, deliveries) =>
      this.deliveries.put(issueId, deliveries),
    );
  }

  private get doc() {
    return this.dynamo.doc;
  }

  private issueItem(issue: Issue) {
    // On the archive index only once it went to a reader (never dry runs or empty cohorts).
    const archived = isPublished(issue);
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

  claim(issueId: string, subscriberId: string, claimId: string, at: string): Promise<ClaimResult> {
    return this.deliveries.claim(issueId, subscriberId, claimId, at);
  }

  completeMany(issueId: string, deliveries: Delivery[]): Promise<void> {
    return this.tallies.record(issueId, deliveries);
  }

  tally(issueId: string): Promise<DeliveryTally> {
    return this.tallies.read(issueId);
  }

  release(issueId: string, subscriberId: string, claimId: string): Promise<void> {
    return this.deliveries.release(issueId, subscriberId, claimId);
  }

  recordSuppressed(issueId: string, subscriberId: string, at: string): Promise<boolean> {
    return this.deliveries.recordSuppressed(issueId, subscriberId, at);
  }

  listDeliveriesOf(subscriberId: string): Promise<ReaderDelivery[]> {
    return this.deliveries.listOf(subscriberId);
  }

  anonymiseDeliveriesOf(subscriberId: string): Promise<number> {
    return this.deliveries.anonymiseOf(subscriberId);
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
