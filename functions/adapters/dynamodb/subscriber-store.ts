// SubscriberStore over the single table. Items under pk `SUB#<id>`: `PROFILE` (the record),
// `TOPIC#<topic>` (cohort entries, on gsi1 as `COHORT#<topic>#<frequency>` / `<id>`, present only
// while the subscriber is active and unpaused) and `SUPPRESSION` (kept after deletion).
//
// dynalite has no TransactWriteItems, so a put is ordered instead, every partial failure erring
// towards not sending: cohort entries leaving go first, then the profile (conditional on its
// revision), then entries joining. listCohort also checks each page against the profiles (one
// BatchGet per page), so a stale entry left by a crash or a race can never bring mail back.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ConflictError, ValidationError } from '../../domain/errors';
import type { Frequency, Recipient, RequestCount, Subscriber } from '../../domain/subscribers/types';
import type {
  Page,
  PutOptions,
  StoredReader,
  SubscriberStore,
  Suppression,
} from '../../ports/subscriber-store';
import { batchGetAllPlain, batchWriteAll } from './batch';
import type { DynamoClients } from './client';
import {
  countOnSuppression,
  inCohort,
  lookupReaders,
  subscriberPk as pk,
  sameCohort,
  toSubscriber,
} from './subscriber-items';
import { INDEXES } from './table';

const cohortKey = (topic: string, frequency: Frequency) => `COHORT#${topic}#${frequency}`;

export class DynamoSubscriberStore implements SubscriberStore {
  constructor(
    private readonly dynamo: DynamoClients,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<Subscriber | undefined> {
    const out = await this.dynamo.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: pk(id), sk: 'PROFILE' }, ConsistentRead: true }),
    );
    return out.Item ? toSubscriber(out.Item) : undefined;
  }

  async lookup(ids: readonly string[]): Promise<Map<string, StoredReader>> {
    return lookupReaders(this.dynamo, this.tableName, ids);
  }

  async countOnSuppression(id: string, current: Suppression, requests: RequestCount): Promise<void> {
    return countOnSuppression(this.dynamo, this.tableName, id, current, requests);
  }

  async put(subscriber: Subscriber, options: PutOptions = {}): Promise<void> {
    // When the write is conditional on a record known to the caller (or on there being none) and
    // leaves cohort membership as it was, the entries need no reading or rewriting: one call.
    const membershipKept =
      options.ifRevision === 'absent'
        ? !inCohort(subscriber)
        : typeof options.ifRevision === 'number' &&
          options.previous !== undefined &&
          sameCohort(options.previous, subscriber);
    if (membershipKept) {
      await this.putProfile(subscriber, options);
      return;
    }
    const wanted = inCohort(subscriber) ? new Set(subscriber.topics) : new Set<string>();
    const existing = await this.topicItems(subscriber.id);
    const leaving = existing.filter(
      (item) => !wanted.has(item.topic) || item.frequency !== subscriber.frequency,
    );
    await this.batchWrite(leaving.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })));

    await this.putProfile(subscriber, options);

    const kept = new Set(existing.filter((i) => !leaving.includes(i)).map((i) => i.topic));
    await this.batchWrite(
      [...wanted]
        .filter((topic) => !kept.has(topic))
        .map((topic) => ({
          PutRequest: {
            Item: {
              pk: pk(subscriber.id),
              sk: `TOPIC#${topic}`,
              type: 'cohort',
              topic,
              frequency: subscriber.frequency,
              subscriberId: subscriber.id,
              email: subscriber.email,
              [INDEXES.gsi1.pk]: cohortKey(topic, subscriber.frequency),
              [INDEXES.gsi1.sk]: subscriber.id,
            },
          },
        })),
    );
  }

  /** The record alone, conditional on its revision. */
  private async putProfile(subscriber: Subscriber, options: PutOptions): Promise<void> {
    const { revision, ...fields } = subscriber;
    const condition =
      options.ifRevision === 'absent'
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : options.ifRevision !== undefined
          ? { ConditionExpression: 'revision = :r', ExpressionAttributeValues: { ':r': options.ifRevision } }
          : {};
    try {
      await this.dynamo.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...fields,
            pk: pk(subscriber.id),
            sk: 'PROFILE',
            type: 'subscriber',
            revision: (typeof options.ifRevision === 'number' ? options.ifRevision : (revision ?? 0)) + 1,
          },
          ...condition,
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConflictError('The subscriber changed meanwhile; try again.');
      }
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    const topics = await this.topicItems(id);
    await this.batchWrite(topics.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })));
    await this.dynamo.doc.send(
      new DeleteCommand({ TableName: this.tableName, Key: { pk: pk(id), sk: 'PROFILE' } }),
    );
  }

  async isSuppressed(id: string): Promise<boolean> {
    const out = await this.dynamo.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: pk(id), sk: 'SUPPRESSION' },
        ProjectionExpression: 'pk',
      }),
    );
    return Boolean(out.Item);
  }

  async getSuppression(id: string): Promise<{ reason: string; at: string } | undefined> {
    const out = await this.dynamo.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: pk(id), sk: 'SUPPRESSION' },
        ConsistentRead: true,
      }),
    );
    return out.Item ? { reason: String(out.Item.reason), at: String(out.Item.at) } : undefined;
  }

  async suppress(id: string, reason: string, at: string): Promise<void> {
    await this.dynamo.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: pk(id), sk: 'SUPPRESSION', type: 'suppression', reason, at },
      }),
    );
  }

  async listCohort(
    topic: string,
    frequency: Frequency,
    cursor?: string,
    limit = 100,
  ): Promise<Page<Recipient>> {
    const key = cohortKey(topic, frequency);
    const out = await this.dynamo.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEXES.gsi1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': INDEXES.gsi1.pk },
        ExpressionAttributeValues: { ':pk': key },
        Limit: Math.max(1, Math.min(limit, 1000)),
        ...(cursor ? { ExclusiveStartKey: decodeCursor(cursor, key) } : {}),
      }),
    );
    const candidates = (out.Items ?? []).map((i) => ({
      subscriberId: String(i.subscriberId),
      email: String(i.email),
    }));
    const current = await this.cohortFields(candidates.map((c) => c.subscriberId));
    const items = candidates.filter((c) => {
      const s = current.get(c.subscriberId);
      return s !== undefined && inCohort(s) && s.frequency === frequency && s.topics.includes(topic);
    });
    return out.LastEvaluatedKey ? { items, cursor: encodeCursor(out.LastEvaluatedKey) } : { items };
  }

  private async topicItems(id: string) {
    const out = await this.dynamo.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)',
        ExpressionAttributeValues: { ':pk': pk(id), ':t': 'TOPIC#' },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((i) => ({
      pk: String(i.pk),
      sk: String(i.sk),
      topic: String(i.topic),
      frequency: String(i.frequency),
    }));
  }

  /**
   * Through the plain client, and only the four fields a sender reads: the document client's
   * per-call middleware and the unmarshalling of whole records (consent and all) cost more than the
   * read itself, once per 50 emails.
   */
  async recipientsAmong(ids: readonly string[]): Promise<Map<string, Recipient>> {
    const keys = [...new Set(ids)].map((id) => ({ pk: { S: pk(id) }, sk: { S: 'PROFILE' } }));
    const items = await batchGetAllPlain(this.dynamo.fast, this.tableName, keys, {
      ConsistentRead: true,
      ProjectionExpression: 'id, email, #status, paused',
      ExpressionAttributeNames: { '#status': 'status' },
    });
    const found = new Map<string, Recipient>();
    for (const item of items) {
      const id = item.id?.S;
      const email = item.email?.S;
      if (id && email && item.status?.S === 'active' && item.paused?.BOOL !== true)
        found.set(id, { subscriberId: id, email });
    }
    return found;
  }

  /**
   * Which of these ids are suppressed: one BatchGetItem per 100 (the dispatcher's hot path), through
   * the plain client, keys only.
   */
  async suppressedAmong(ids: readonly string[]): Promise<Set<string>> {
    const keys = [...new Set(ids)].map((id) => ({ pk: { S: pk(id) }, sk: { S: 'SUPPRESSION' } }));
    const items = await batchGetAllPlain(this.dynamo.fast, this.tableName, keys, {
      ProjectionExpression: 'pk',
    });
    return new Set(items.map((item) => String(item.pk?.S).slice(pk('').length)));
  }

  /**
   * The fields listCohort checks of each profile (status, paused, frequency, topics), read consistently
   * through the plain client: the dispatcher reads every page's profiles, and the document client's
   * middleware and the unmarshalling of whole records (consent and all) cost the main thread more than
   * the check, while the store answers fewer bytes.
   */
  private async cohortFields(ids: string[]): Promise<Map<string, Subscriber>> {
    const keys = ids.map((id) => ({ pk: { S: pk(id) }, sk: { S: 'PROFILE' } }));
    const items = await batchGetAllPlain(this.dynamo.fast, this.tableName, keys, {
      ConsistentRead: true,
      ProjectionExpression: 'id, #status, paused, frequency, topics',
      ExpressionAttributeNames: { '#status': 'status' },
    });
    return new Map(
      items.map((item) => {
        const s = unmarshall(item) as Subscriber;
        return [String(s.id), s];
      }),
    );
  }

  private batchWrite(requests: Record<string, unknown>[]): Promise<void> {
    return batchWriteAll(this.dynamo.doc, this.tableName, requests);
  }
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string, cohort: string): Record<string, unknown> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (key && typeof key === 'object' && key[INDEXES.gsi1.pk] === cohort) return key;
  } catch {
    // fall through: a cursor we did not issue
  }
  throw new ValidationError('cursor is not one this listing issued', 'cursor');
}
