// The local stand-in for SQS: the same Queue port, delivering SQS-shaped batches to the same handler
// the Lambda uses, with partial batch failures, redelivery with backoff and a dead-letter list after
// maxReceiveCount. Not durable: the local stack recovers unfinished work from the store on start.
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { Queue } from '../../ports/queue';

/** Lambda's SQS handler shape: an SQSBatchResponse, or nothing when the whole batch succeeded. */
export type BatchHandler = (event: SQSEvent) => Promise<unknown>;

export interface MemoryQueueOptions {
  name: string;
  batchSize?: number;
  /** Batches handled at once (Lambda's maximum concurrency). */
  concurrency?: number;
  maxReceiveCount?: number;
  /** Delay before a failed message is visible again. */
  retryDelayMs?: (receiveCount: number) => number;
  onDeadLetter?: (record: SQSRecord) => void;
}

interface Envelope {
  id: string;
  body: string;
  receiveCount: number;
  sentAt: number;
}

export class MemoryQueue<T> implements Queue<T> {
  private readonly ready: Envelope[] = [];
  private readonly delayed = new Set<NodeJS.Timeout>();
  private inFlight = 0;
  private handler: BatchHandler | undefined;
  private closed = false;
  private idleWaiters: Array<() => void> = [];
  readonly deadLetters: SQSRecord[] = [];

  constructor(private readonly options: MemoryQueueOptions) {}

  /** Attach the consumer (the same function a Lambda event source would call). */
  consume(handler: BatchHandler): void {
    this.handler = handler;
    this.pump();
  }

  async send(messages: readonly T[]): Promise<void> {
    if (this.closed) throw new Error(`queue ${this.options.name} is closed`);
    for (const m of messages) {
      this.ready.push({ id: randomUUID(), body: JSON.stringify(m), receiveCount: 0, sentAt: Date.now() });
    }
    queueMicrotask(() => this.pump());
  }

  get depth(): number {
    return this.ready.length + this.delayed.size + this.inFlight;
  }

  /** Resolves when nothing is ready, delayed or in flight. */
  idle(): Promise<void> {
    if (this.depth === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stop taking new messages; in-flight batches finish, waiting ones are dropped (recovered on start). */
  close(): void {
    this.closed = true;
    for (const t of this.delayed) clearTimeout(t);
    this.delayed.clear();
    this.ready.length = 0;
    this.checkIdle();
  }

  private pump(): void {
    const { batchSize = 10, concurrency = 4 } = this.options;
    while (this.handler && !this.closed && this.ready.length > 0 && this.inFlight < concurrency) {
      const batch = this.ready.splice(0, batchSize);
      this.inFlight++;
      void this.deliver(batch).finally(() => {
        this.inFlight--;
        this.pump();
        this.checkIdle();
      });
    }
  }

  private async deliver(batch: Envelope[]): Promise<void> {
    const records = batch.map((e) => {
      e.receiveCount++;
      return toRecord(e, this.options.name);
    });
    let failedIds: Set<string>;
    try {
      const response = (await this.handler!({ Records: records })) as SQSBatchResponse | undefined;
      failedIds = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch {
      failedIds = new Set(batch.map((e) => e.id));
    }
    for (const envelope of batch) {
      if (failedIds.has(envelope.id)) this.retry(envelope);
    }
  }

  private retry(envelope: Envelope): void {
    const {
      maxReceiveCount = 5,
      retryDelayMs = (n) => Math.min(30_000, 100 * 2 ** n),
      onDeadLetter,
    } = this.options;
    if (envelope.receiveCount >= maxReceiveCount) {
      const record = toRecord(envelope, this.options.name);
      this.deadLetters.push(record);
      onDeadLetter?.(record);
      return;
    }
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.delayed.delete(timer);
      this.ready.push(envelope);
      this.pump();
    }, retryDelayMs(envelope.receiveCount));
    timer.unref();
    this.delayed.add(timer);
  }

  private checkIdle(): void {
    if (this.depth > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}

function toRecord(e: Envelope, queueName: string): SQSRecord {
  return sqsRecord(e.body, {
    messageId: e.id,
    receiveCount: e.receiveCount,
    sentAt: e.sentAt,
    queueArn: `arn:aws:sqs:local:000000000000:${queueName}`,
  });
}

/** One record as SQS hands it to Lambda (also what tests and benchmarks feed the bundles). */
export function sqsRecord(
  body: string,
  options: { messageId?: string; receiveCount?: number; sentAt?: number; queueArn?: string } = {},
): SQSRecord {
  const id = options.messageId ?? randomUUID();
  const sentAt = String(options.sentAt ?? Date.now());
  const queueArn = options.queueArn ?? 'arn:aws:sqs:eu-west-1:123456789012:queue';
  return {
    messageId: id,
    receiptHandle: id,
    body,
    attributes: {
      ApproximateReceiveCount: String(options.receiveCount ?? 1),
      SentTimestamp: sentAt,
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: sentAt,
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: queueArn.split(':')[3] ?? 'local',
  };
}
