// Shared pieces of the benchmarks: fast subscriber seeding straight into the table (the store's own
// item layout, written with parallel BatchWriteItem instead of three calls per subscriber), signed
// webhook headers, and the one-line result protocol between a section's process and `bench/run.ts`.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BatchWriteCommand, type BatchWriteCommandOutput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Webhook } from 'standardwebhooks';
import { createDynamoClients, type DynamoClients } from '../functions/adapters/dynamodb/client';
import { INDEXES } from '../functions/adapters/dynamodb/table';
import { subscriberIdFor } from '../functions/domain/subscribers/email';
import type { Frequency, Subscriber } from '../functions/domain/subscribers/types';
import { LOCAL_CREDENTIALS } from '../functions/local/stack';

export const TOPIC = 'us-russia-ukraine';
/** Seeded readers' ids are keyed with this; nothing looks them up by address. */
const BENCH_ID_KEY = Buffer.alloc(32, 1).toString('base64');

export function activeSubscriber(email: string, frequency: Frequency = 'daily'): Subscriber {
  const at = '2025-11-01T00:00:00.000Z';
  return {
    id: subscriberIdFor(email, BENCH_ID_KEY),
    email,
    status: 'active',
    topics: [TOPIC],
    frequency,
    paused: false,
    createdAt: at,
    updatedAt: at,
    consent: {},
    transientBounces: 0,
  };
}

/**
 * The items DynamoSubscriberStore.put writes for an active subscriber (see its header comment):
 * the PROFILE record and one cohort entry per topic on gsi1. `checkSeeded` reads them back through
 * the store itself, so a drift from the store's layout fails the benchmark instead of skewing it.
 */
function subscriberItems(s: Subscriber): Record<string, unknown>[] {
  const pk = `SUB#${s.id}`;
  return [
    { ...s, pk, sk: 'PROFILE', type: 'subscriber', revision: 1 },
    ...s.topics.map((topic) => ({
      pk,
      sk: `TOPIC#${topic}`,
      type: 'cohort',
      topic,
      frequency: s.frequency,
      subscriberId: s.id,
      email: s.email,
      [INDEXES.gsi1.pk]: `COHORT#${topic}#${s.frequency}`,
      [INDEXES.gsi1.sk]: s.id,
    })),
  ];
}

/** Writes `count` active daily subscribers on a fresh domain, `concurrency` BatchWrites at a time. */
export async function seedSubscribers(
  dynamo: DynamoClients,
  table: string,
  count: number,
  options: { domain?: string; concurrency?: number; from?: number } = {},
): Promise<{ domain: string; emails: string[] }> {
  const domain = options.domain ?? `bench-${randomUUID().slice(0, 8)}.example.org`;
  const from = options.from ?? 0;
  const emails = Array.from({ length: count }, (_, i) => `reader${from + i}@${domain}`);
  const items = emails.flatMap((e) => subscriberItems(activeSubscriber(e)));
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const chunk = items.slice(next, next + 25);
      next += 25;
      await batchWrite(dynamo, table, chunk);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
  return { domain, emails };
}

async function batchWrite(dynamo: DynamoClients, table: string, items: Record<string, unknown>[]) {
  let pending: unknown[] | undefined = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; pending?.length; attempt++) {
    if (attempt >= 10) throw new Error('DynamoDB kept returning unprocessed items while seeding');
    const out: BatchWriteCommandOutput = await dynamo.doc.send(
      new BatchWriteCommand({ RequestItems: { [table]: pending as never } }),
    );
    pending = out.UnprocessedItems?.[table];
    if (pending?.length) await new Promise((r) => setTimeout(r, 10 * 2 ** attempt));
  }
}

export function signedHeaders(body: string, secret: string) {
  const id = `msg_${randomUUID()}`;
  const at = new Date();
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

export function parseFlags(argv: readonly string[]) {
  return { quick: argv.includes('--quick'), json: argv.includes('--json') };
}

/** Progress goes to stderr so stdout stays a clean table or JSON object. */
export function note(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export const RESULT_MARKER = '@@bench-result@@';

/** A section process reports its figures as one marked line on stdout. */
export function report(figures: unknown): void {
  process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(figures)}\n`);
}

export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The DynamoDB emulator's own ceiling: conditional counter updates (what the rate limiter does). */
export async function rawStoreOpsPerSecond(
  endpoint: string,
  table: string,
  concurrency: number,
  seconds: number,
): Promise<number> {
  const clients = createDynamoClients({ region: 'eu-west-1', endpoint, credentials: LOCAL_CREDENTIALS });
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < until) {
        await clients.doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { pk: `BENCH#${worker}#${done}`, sk: 'RATE' },
            UpdateExpression: 'ADD hits :one',
            ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
            ExpressionAttributeValues: { ':one': 1, ':limit': 10 },
          }),
        );
        done++;
      }
    }),
  );
  clients.client.destroy();
  return done / ((performance.now() - start) / 1000);
}

/**
 * Counts every request these DynamoDB clients send (document client calls and SDK retries included),
 * at the HTTP handler: the clients resolve their middleware once per command type, so middleware
 * added now would miss commands already used.
 */
export function countStoreCalls(dynamo: DynamoClients): {
  readonly calls: number;
  /** Requests by DynamoDB operation (`PutItem`, `BatchWriteItem`...). */
  readonly operations: Record<string, number>;
} {
  const counter = { calls: 0, operations: {} as Record<string, number> };
  const handler = dynamo.client.config.requestHandler as unknown as {
    handle: (request: { headers?: Record<string, string> }, ...rest: unknown[]) => Promise<unknown>;
  };
  const handle = handler.handle.bind(handler);
  handler.handle = (request, ...rest) => {
    counter.calls++;
    const operation = request.headers?.['x-amz-target']?.split('.')[1] ?? 'unknown';
    counter.operations[operation] = (counter.operations[operation] ?? 0) + 1;
    return handle(request, ...rest);
  };
  return counter;
}

/**
 * CPU time of this process's main thread alone (Linux: /proc; undefined elsewhere), to tell the main
 * thread's share (dispatch, the in-memory queue) from the send threads'.
 */
export function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}
