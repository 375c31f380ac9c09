import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { MemoryQueue } from '../../functions/adapters/memory-queue/memory-queue';

const noDelay = () => 1;

describe('MemoryQueue (local SQS stand-in)', () => {
  it('delivers messages in SQS-shaped batches no larger than batchSize', async () => {
    const queue = new MemoryQueue<{ n: number }>({ name: 'q', batchSize: 3, concurrency: 1 });
    const sizes: number[] = [];
    const seen: number[] = [];
    queue.consume(async (event: SQSEvent) => {
      sizes.push(event.Records.length);
      for (const r of event.Records) seen.push(JSON.parse(r.body).n);
    });
    await queue.send(Array.from({ length: 7 }, (_, n) => ({ n })));
    await queue.idle();
    expect(sizes).toEqual([3, 3, 1]);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('redelivers only the items a partial batch response names, counting receives', async () => {
    const queue = new MemoryQueue<{ n: number }>({ name: 'q', batchSize: 10, retryDelayMs: noDelay });
    const receives = new Map<number, string[]>();
    queue.consume(async (event) => {
      const failures = [];
      for (const r of event.Records) {
        const n = JSON.parse(r.body).n as number;
        receives.set(n, [...(receives.get(n) ?? []), r.attributes.ApproximateReceiveCount]);
        if (n === 1 && r.attributes.ApproximateReceiveCount === '1')
          failures.push({ itemIdentifier: r.messageId });
      }
      return { batchItemFailures: failures };
    });
    await queue.send([{ n: 0 }, { n: 1 }, { n: 2 }]);
    await queue.idle();
    expect(receives.get(0)).toEqual(['1']);
    expect(receives.get(1)).toEqual(['1', '2']);
    expect(receives.get(2)).toEqual(['1']);
  });

  it('moves a message that keeps failing to the dead letters after maxReceiveCount', async () => {
    const queue = new MemoryQueue<{ n: number }>({ name: 'q', maxReceiveCount: 5, retryDelayMs: noDelay });
    let calls = 0;
    queue.consume(async () => {
      calls++;
      throw new Error('boom');
    });
    await queue.send([{ n: 1 }]);
    await queue.idle();
    expect(calls).toBe(5);
    expect(queue.deadLetters).toHaveLength(1);
    expect(JSON.parse(queue.deadLetters[0]!.body)).toEqual({ n: 1 });
  });

  it('respects the concurrency limit', async () => {
    const queue = new MemoryQueue<number>({ name: 'q', batchSize: 1, concurrency: 2 });
    let running = 0;
    let peak = 0;
    queue.consume(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    });
    await queue.send([1, 2, 3, 4, 5, 6]);
    await queue.idle();
    expect(peak).toBe(2);
  });
});
