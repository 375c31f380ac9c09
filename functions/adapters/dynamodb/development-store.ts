// DevelopmentStore on the single table. Items: `DEV#<id>` (the development, on the timeline index as
// gsi2pk `DEVS#<topic>`, gsi2sk `<publishedAt>#<id>`, and on the arrivals index as gsi1pk
// `NEWS#<topic>`, gsi1sk `<summarisedAt>#<id>`), `DEVURL#<sha256(url)>` and `DEVHASH#<hash>`
// (claims that make ingest idempotent on URL and on content), `STATE#<topic>` (state of play, with a
// `version` for optimistic concurrency: concurrent ingests never overwrite each other's fold).
// dynalite has no transactions, so claims are conditional puts in a recoverable order: ids derive from
// the URL, so a crash after the URL claim is finished by the next attempt with the same URL.
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Development, StateOfPlay, StoredDevelopment } from '../../domain/developments/types';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { AddResult, DevelopmentStore } from '../../ports/development-store';
import type { DynamoClients } from './client';
import { INDEXES } from './table';

const urlKey = (url: string) => `DEVURL#${createHash('sha256').update(url).digest('base64url')}`;
const hashKey = (hash: string) => `DEVHASH#${hash}`;
const devKey = (id: string) => ({ pk: `DEV#${id}`, sk: 'DEV' });

export class DynamoDevelopmentStore implements DevelopmentStore {
  constructor(
    private readonly dynamo: DynamoClients,
    private readonly tableName: string,
  ) {}

  async add(development: StoredDevelopment): Promise<AddResult> {
    const urlClaim = await this.claim(urlKey(development.url), 'DEVURL', development.id);
    if (urlClaim !== development.id) {
      const existing = await this.get(urlClaim);
      if (existing) return { development: existing, created: false };
    }
    const hashClaim = await this.claim(hashKey(development.contentHash), 'DEVHASH', development.id);
    if (hashClaim !== development.id) {
      const existing = await this.get(hashClaim);
      if (existing) {
        // Point this URL at the stored copy so the next delivery of it is recognised at once.
        await this.putClaim(urlKey(development.url), 'DEVURL', existing.id);
        return { development: existing, created: false };
      }
    }
    const stored = await this.getStored(development.id);
    if (stored) return { development: stored, created: false };
    await this.put(development);
    return { development, created: true };
  }

  async update(development: StoredDevelopment): Promise<void> {
    await this.put(development);
    for (const source of development.sources) await this.claim(urlKey(source.url), 'DEVURL', development.id);
  }

  async get(id: string): Promise<Development | undefined> {
    const stored = await this.getStored(id);
    return stored?.summary ? (stored as Development) : undefined;
  }

  async getStored(id: string): Promise<StoredDevelopment | undefined> {
    const { Item } = await this.dynamo.doc.send(
      new GetCommand({ TableName: this.tableName, Key: devKey(id), ConsistentRead: true }),
    );
    return Item ? (Item.development as StoredDevelopment) : undefined;
  }

  async findByUrl(url: string): Promise<StoredDevelopment | undefined> {
    return this.follow(urlKey(url), 'DEVURL');
  }

  async findByContentHash(hash: string): Promise<StoredDevelopment | undefined> {
    return this.follow(hashKey(hash), 'DEVHASH');
  }

  async remove(development: StoredDevelopment, intoId: string): Promise<void> {
    // Claims first: a crash before the delete leaves claims pointing at the survivor, never at nothing.
    for (const source of development.sources) await this.putClaim(urlKey(source.url), 'DEVURL', intoId);
    await this.putClaim(urlKey(development.url), 'DEVURL', intoId);
    await this.putClaim(hashKey(development.contentHash), 'DEVHASH', intoId);
    await this.dynamo.doc.send(new DeleteCommand({ TableName: this.tableName, Key: devKey(development.id) }));
  }

  async listByTopic(topic: string, options: { since?: string; limit?: number } = {}): Promise<Development[]> {
    const limit = options.limit ?? 100;
    const out: Development[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.dynamo.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: INDEXES.gsi2.name,
          KeyConditionExpression: options.since ? '#pk = :pk AND #sk >= :since' : '#pk = :pk',
          ExpressionAttributeNames: {
            '#pk': INDEXES.gsi2.pk,
            ...(options.since ? { '#sk': INDEXES.gsi2.sk } : {}),
          },
          ExpressionAttributeValues: {
            ':pk': `DEVS#${topic}`,
            ...(options.since ? { ':since': options.since } : {}),
          },
          ScanIndexForward: false,
          Limit: Math.min(limit - out.length, 100),
          ExclusiveStartKey: cursor,
        }),
      );
      for (const item of page.Items ?? []) out.push(item.development as Development);
      cursor = page.LastEvaluatedKey;
    } while (cursor && out.length < limit);
    return out;
  }

  async listArrivedSince(topic: string, since: string, limit = 100): Promise<Development[]> {
    const out: Development[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.dynamo.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: INDEXES.gsi1.name,
          KeyConditionExpression: '#pk = :pk AND #sk > :since',
          ExpressionAttributeNames: { '#pk': INDEXES.gsi1.pk, '#sk': INDEXES.gsi1.sk },
          // `~` sorts after the `#<id>` that follows a timestamp: nothing at `since` itself comes back.
          ExpressionAttributeValues: { ':pk': `NEWS#${topic}`, ':since': `${since}~` },
          ScanIndexForward: true,
          Limit: Math.min(limit - out.length, 100),
          ExclusiveStartKey: cursor,
        }),
      );
      for (const item of page.Items ?? []) out.push(item.development as Development);
      cursor = page.LastEvaluatedKey;
    } while (cursor && out.length < limit);
    return out;
  }

  async clearPending(id: string): Promise<void> {
    try {
      await this.dynamo.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: devKey(id),
          UpdateExpression: 'REMOVE development.pending',
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      throw new NotFoundError(`No development ${id}`);
    }
  }

  async getStateOfPlay(topic: string): Promise<StateOfPlay | undefined> {
    const { Item } = await this.dynamo.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: `STATE#${topic}`, sk: 'STATE' } }),
    );
    if (!Item) return undefined;
    const state = Item.state as StateOfPlay;
    // An item written before versions existed reads as version 0.
    return { ...state, version: typeof Item.version === 'number' ? Item.version : 0 };
  }

  async putStateOfPlay(state: StateOfPlay): Promise<void> {
    const { version, ...rest } = state;
    const next = (version ?? 0) + 1;
    try {
      await this.dynamo.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: `STATE#${state.topic}`, sk: 'STATE', state: rest, version: next },
          ...(version === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : version === 0
              ? {
                  ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#version)',
                  ExpressionAttributeNames: { '#version': 'version' },
                }
              : {
                  ConditionExpression: '#version = :version',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':version': version },
                }),
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      throw new ConflictError(`The state of play of ${state.topic} changed since it was read`);
    }
  }

  private async put(development: StoredDevelopment): Promise<void> {
    // On the topic's timeline (digests, near-duplicate checks) only once summarised.
    const timeline = development.summary
      ? {
          [INDEXES.gsi2.pk]: `DEVS#${development.topic}`,
          [INDEXES.gsi2.sk]: `${development.publishedAt}#${development.id}`,
        }
      : {};
    // Arrivals, for "new since the last issue" (digests): by when the summary was stored.
    const arrivals = development.summary
      ? {
          [INDEXES.gsi1.pk]: `NEWS#${development.topic}`,
          [INDEXES.gsi1.sk]: `${development.summarisedAt ?? development.ingestedAt}#${development.id}`,
        }
      : {};
    await this.dynamo.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...devKey(development.id), ...timeline, ...arrivals, development },
      }),
    );
  }

  private async follow(pk: string, sk: string): Promise<StoredDevelopment | undefined> {
    const { Item } = await this.dynamo.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { pk, sk } }),
    );
    return Item ? this.getStored(Item.developmentId as string) : undefined;
  }

  /** Write the claim if absent; answer the id that holds it (ours or the earlier one). */
  private async claim(pk: string, sk: string, developmentId: string): Promise<string> {
    try {
      await this.dynamo.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk, sk, developmentId },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return developmentId;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item } = await this.dynamo.doc.send(
        new GetCommand({ TableName: this.tableName, Key: { pk, sk } }),
      );
      return (Item?.developmentId as string | undefined) ?? developmentId;
    }
  }

  private async putClaim(pk: string, sk: string, developmentId: string): Promise<void> {
    await this.dynamo.doc.send(
      new PutCommand({ TableName: this.tableName, Item: { pk, sk, developmentId } }),
    );
  }
}
