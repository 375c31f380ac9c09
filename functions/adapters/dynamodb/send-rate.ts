// SendRateStore over DynamoDB: one item (SENDRATE#schedule) holds the time the shared send schedule
// is booked until. A busy schedule is extended with an atomic ADD (no read, no contention loop); an
// idle one (booked until the past) is restarted at "now" with a conditional SET. Each booking tries
// first the one that fits what this instance last saw, so it is one store call either way.
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

  /** Where this instance last saw the schedule end: in the past, the schedule is likely idle. */
  private lastSeenUntil = 0;

  async reserveSlots(count: number, spacingMs: number, nowMs: number): Promise<number> {
    const span = count * spacingMs;
    // Try first what last worked: an idle schedule (the uncapped or slow sender, whose booked slots
    // lapse between bookings) is restarted in one call, a busy one extended in one call.
    const attempts =
      this.lastSeenUntil < nowMs
        ? [() => this.restart(span, nowMs), () => this.extend(span, nowMs)]
        : [() => this.extend(span, nowMs), () => this.restart(span, nowMs)];
    for (let round = 0; round < 10; round++) {
      for (const attempt of attempts) {
        const start = await attempt();
        if (start !== undefined) {
          this.lastSeenUntil = start + span;
          return start;
        }
      }
    }
    throw new Error('send schedule kept changing under contention');
  }

  /** A busy schedule (booked until now or later) extended by `span`; undefined when it is idle. */
  private async extend(span: number, nowMs: number): Promise<number | undefined> {
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
      return undefined;
    }
  }

  /** An idle schedule (booked until the past, or never) restarted at now; undefined when it is busy. */
  private async restart(span: number, nowMs: number): Promise<number | undefined> {
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
      return undefined;
    }
  }
}
