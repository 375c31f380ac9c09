// The send queue's consumer on worker threads, locally. One Node process sends only as fast as one core
// builds and signs requests; in AWS several send functions share the account's rate, each booking its
// slots on the one schedule in the store. Locally the same: each thread runs the Lambda's send handler
// with its own clients and its own send rate over the shared schedule, so together they stay within
// MAX_SEND_RATE, and the per-recipient claims keep every email exactly once whichever thread sends it.
// The main thread's in-memory queue still owns the messages: a batch a thread fails (or dies with) is
// redelivered like any failed batch.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent } from 'aws-lambda';
import type { BatchHandler } from '../adapters/memory-queue/memory-queue';
import type { Queues } from '../deps';

export interface SendThreadData {
  /** What the main thread parsed its config from; each thread parses it again. */
  configInput: Record<string, string>;
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Keep a pacing trace of the issue sends (the delivery bench's diagnostics). */
  traceSends?: boolean;
}

/** A send thread's pacing trace: its sends, their requests handed over, its event loop's stalls. */
export interface SendTraces {
  traces: SendTrace[];
  /** [epoch ms, subscriber tag] as each SES request was handed to the HTTP client. */
  handovers: Array<[number, string]>;
  /** [epoch ms, ms late] when the thread's event loop ran more than 2 ms late. */
  stalls: Array<[number, number]>;
}

/** One issue send as it went: its slot and when its turn came (epoch ms, this machine's clock). */
export interface SendTrace {
  subscriberId: string;
  slot: number;
  turnAt: number;
  /** 0 for a send's first turn, then one more for each retry or late turn. */
  turn: number;
  thread: number;
}

export type ToThread =
  | { type: 'batch'; id: number; event: SQSEvent }
  | { type: 'stats'; id: number }
  | { type: 'traces'; id: number };
export type FromThread =
  | { type: 'ready' }
  | { type: 'done'; id: number; response: unknown }
  | { type: 'failed'; id: number; error: string }
  | { type: 'enqueue'; queue: keyof Queues; messages: unknown[] }
  | { type: 'stats'; id: number; storeRequests: number }
  | ({ type: 'traces'; id: number } & SendTraces);

export interface SendThreads {
  count: number;
  /** The send queue's consumer: each batch goes to the thread with the fewest batches in hand. */
  handler: BatchHandler;
  /** Store requests the threads have sent so far (the delivery benchmark's store calls per email). */
  storeRequests(): Promise<number>;
  /** With `traceSends`: the sends traced since the last call, from every thread. */
  traces(): Promise<SendTraces>;
  close(): Promise<void>;
}

export function sendThreadCount(setting: 'auto' | number): number {
  return setting === 'auto' ? availableParallelism() : setting;
}

interface Thread {
  worker: Worker;
  inHand: number;
}

interface Pending {
  thread: Thread;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export async function startSendThreads(options: {
  count: number;
  data: SendThreadData;
  env: Record<string, string>;
  queues: Queues;
  logger: Logger;
}): Promise<SendThreads> {
  const threads: Thread[] = [];
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closing = false;

  const start = (): Promise<void> => {
    const worker = new Worker(new URL('./send-thread-boot.mjs', import.meta.url), {
      workerData: options.data,
      env: options.env,
      // None of the main thread's flags (its loader is registered in the thread itself), except a CPU
      // profile asked for the process (`node --cpu-prof`), which then covers each send thread too.
      execArgv: process.execArgv.filter((flag) => flag.startsWith('--cpu-prof')),
    });
    const thread: Thread = { worker, inHand: 0 };
    threads.push(thread);
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromThread) => {
        if (message.type === 'ready') return resolve();
        if (message.type === 'enqueue') {
          options.queues[message.queue].send(message.messages as never[]).catch((error: unknown) => {
            options.logger.error('a send thread could not enqueue', { error: String(error) });
          });
          return;
        }
        const waiting = pending.get(message.id);
        if (!waiting) return;
        pending.delete(message.id);
        if (message.type === 'failed') waiting.reject(new Error(message.error));
        else if (message.type === 'stats') waiting.resolve(message.storeRequests);
        else if (message.type === 'traces') waiting.resolve(message);
        else waiting.resolve(message.response);
      });
      worker.once('error', (error) => {
        options.logger.error('send thread failed', { error: String(error) });
        reject(error);
      });
      worker.once('exit', (code) => {
        const at = threads.indexOf(thread);
        if (at >= 0) threads.splice(at, 1);
        // Its batches come back to the queue; claims keep a resend from mailing anyone twice.
        for (const [id, waiting] of pending) {
          if (waiting.thread !== thread) continue;
          pending.delete(id);
          waiting.reject(new Error(`send thread exited with code ${code}`));
        }
        reject(new Error(`send thread exited with code ${code} while starting`));
        if (!closing) void start().catch(() => undefined);
      });
    });
    return ready;
  };

  const ask = <T>(thread: Thread, message: ToThread): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.set(message.id, { thread, resolve: resolve as (value: unknown) => void, reject });
      thread.worker.postMessage(message);
    });

  try {
    await Promise.all(Array.from({ length: options.count }, start));
  } catch (error) {
    closing = true;
    await Promise.all(threads.map((t) => t.worker.terminate()));
    throw error;
  }

  return {
    count: options.count,
    async handler(event) {
      const thread = threads.reduce((a, b) => (b.inHand < a.inHand ? b : a));
      thread.inHand++;
      try {
        return await ask(thread, { type: 'batch', id: nextId++, event });
      } finally {
        thread.inHand--;
      }
    },
    async storeRequests() {
      const counts = await Promise.all(
        threads.map((thread) => ask<number>(thread, { type: 'stats', id: nextId++ })),
      );
      return counts.reduce((a, b) => a + b, 0);
    },
    async traces() {
      const each = await Promise.all(
        threads.map((thread) => ask<SendTraces>(thread, { type: 'traces', id: nextId++ })),
      );
      return {
        traces: each.flatMap((t) => t.traces),
        handovers: each.flatMap((t) => t.handovers),
        stalls: each.flatMap((t) => t.stalls),
      };
    },
    async close() {
      closing = true;
      // Bounded: a stop (Ctrl-C) must not wait on a busy machine; terminated threads end on their own.
      await Promise.race([
        Promise.all(threads.map((t) => t.worker.terminate())),
        new Promise((r) => setTimeout(r, 300).unref()),
      ]);
    },
  };
}
