// SendRateStore over DynamoDB: one item per one-second window (SENDRATE#<epoch second>), its counter
// raised with a conditional ADD so concurrent instances can never hand out more than the ceiling.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SendRateStore } from '../../ports/send-rate';
import type { DynamoClients } from './client';
import { TTL_ATTRIBUTE } from './table';

export class DynamoSendRateStore implements SendRateStore {
  constructor(
    private readonly dynamo: DynamoClients,
    private readonly table: string,
  ) {}

  async reserve(second: number, want: number, ceiling: number): Promise<number> {
    let ask = Math.min(want, ceiling);
    // Full chunk first; if the window is nearly spent, take what is left (a couple of tries under contention).
    for (let attempt = 0; attempt < 3 && ask > 0; attempt++) {
      try {
        await this.dynamo.doc.send(
          new UpdateCommand({
            TableName: this.table,
            Key: { pk: `SENDRATE#${second}`, sk: 'WINDOW' },
            UpdateExpression: 'ADD used :n SET #ttl = if_not_exists(#ttl, :ttl)',
            ConditionExpression: 'attribute_not_exists(used) OR used <= :max',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: { ':n': ask, ':max': ceiling - ask, ':ttl': second + 300 },
          }),
        );
        return ask;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const used = (error.Item?.used as { N?: string } | undefined)?.N;
        ask = used === undefined ? Math.floor(ask / 2) : Math.min(ask - 1, ceiling - Number(used));
      }
    }
    return 0;
  }
}
