// RateLimiter over the single table: a fixed-window counter per key, incremented with one
// conditional UpdateItem so every Lambda instance shares it. The window number is part of the key,
// so an old window's counter is never read again whether or not TTL (`expiresAt`) has removed it.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../../ports/clock';
import type { RateLimiter, RateLimitResult } from '../../ports/rate-limiter';
import type { DynamoClients } from './client';
import { TTL_ATTRIBUTE } from './table';

export class DynamoRateLimiter implements RateLimiter {
  constructor(
    private readonly dynamo: DynamoClients,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const window = Math.floor(nowSeconds / windowSeconds);
    const windowEnd = (window + 1) * windowSeconds;
    try {
      await this.dynamo.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: `RATE#${key}#${windowSeconds}#${window}`, sk: 'RATE' },
          UpdateExpression: 'ADD hits :one SET #ttl = if_not_exists(#ttl, :ttl)',
          ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':ttl': windowEnd + 60 },
        }),
      );
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        return { allowed: false, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
      }
      throw error;
    }
  }
}
