// SendRateStore over DynamoDB: one item (SENDRATE#schedule) holds the time the shared send schedule
// is booked until. A busy schedule is extended with an atomic ADD (no read, no contention loop); an
// idle one (booked until the past) is restarted at "now" with a conditional SET.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SendRateStore } from '../../ports/send-rate';
import type { DynamoClients } from './client';

const KEY = { pk: 'SENDRATE#schedule', sk: 'SCHEDULE' };

export class DynamoSendRateStore implements SendRateStore {
  constructor(
    private readonly dynamo: DynamoClients,
    private readonly table: string,
  ) {}

  async reserveSlots(count: number, spacingMs: number, nowMs: number): Promise<number> {
    const span = count * spacingMs;
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        const out = await this.dynamo.doc.send(
          new UpdateCommand({
            TableName: this.table,
            Key: KEY,
            UpdateExpression: 'ADD bookedUntil :span',
            ConditionExpression: 'bookedUntil >= :now',
            ExpressionAttributeValues: { ':span': span, ':now': nowMs },
            ReturnValues: 'UPDATED_NEW',
          }),
        );
        return Number(out.Attributes?.bookedUntil) - span;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      try {
        await this.dynamo.doc.send(
          new UpdateCommand({
            TableName: this.table,
            Key: KEY,
            UpdateExpression: 'SET bookedUntil = :until',
            ConditionExpression: 'attribute_not_exists(bookedUntil) OR bookedUntil < :now',
            ExpressionAttributeValues: { ':until': nowMs + span, ':now': nowMs },
          }),
        );
        return nowMs;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    throw new Error('send schedule kept changing under contention');
  }
}
