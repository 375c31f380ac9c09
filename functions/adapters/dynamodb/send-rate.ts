// SendRateStore over DynamoDB: one item (SENDRATE#schedule) holds the time the shared send schedule
// is booked until. A busy schedule is extended with an atomic ADD (no read, no contention loop); an
// idle one (booked until the past) is restarted at "now" with a conditional SET. Each booking tries
// first the one that fits what this instance last saw, so it is one store call either way. Bookings
// go through the plain client (`fast`, middleware resolved once), like the per-email claim.
import { ConditionalCheckFailedException, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { SendRateStore } from '../../ports/send-rate';
import type { DynamoClients } from './client';

const KEY = { pk: { S: 'SENDRATE#schedule' }, sk: { S: 'SCHEDULE' } };
const number = (value: number) => ({ N: String(value) });

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
      const out = await this.dynamo.fast.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: KEY,
          UpdateExpression: 'ADD bookedUntil :span',
          ConditionExpression: 'bookedUntil >= :now',
          ExpressionAttributeValues: { ':span': number(span), ':now': number(nowMs) },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(out.Attributes?.bookedUntil?.N) - span;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return undefined;
    }
  }

  /** An idle schedule (booked until the past, or never) restarted at now; undefined when it is busy. */
  private async restart(span: number, nowMs: number): Promise<number | undefined> {
    try {
      await this.dynamo.fast.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: KEY,
          UpdateExpression: 'SET bookedUntil = :until',
          ConditionExpression: 'attribute_not_exists(bookedUntil) OR bookedUntil < :now',
          ExpressionAttributeValues: { ':until': number(nowMs + span), ':now': number(nowMs) },
        }),
      );
      return nowMs;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return undefined;
    }
  }
}
