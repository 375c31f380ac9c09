// One send worker thread of the local stack (see send-threads.ts): its own deps (store and SES clients,
// send-rate booking against the shared schedule in the store) and the same send queue handler the
// Lambda runs, fed batches by the main thread's queue. Whatever it enqueues goes back to the main
// thread's queues.
import { PerformanceObserver } from 'node:perf_hooks';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { Logger } from '@aws-lambda-powertools/logger';
import { createDynamoClients } from '../adapters/dynamodb/client';
import { parseConfig } from '../config';
import { buildDeps, type Queues } from '../deps';
import { createSendHandler } from '../handlers/send-handler';
import type { FromThread, SendThreadData, SendTrace, ToThread } from './send-threads';

const port = parentPort!;
const data = workerData as SendThreadData;
const config = parseConfig(data.configInput);
const post = (message: FromThread) => port.postMessage(message);
const toMain =
  (queue: keyof Queues) =>
  async (messages: readonly unknown[]): Promise<void> =>
    post({ type: 'enqueue', queue, messages: [...messages] });
const dynamo = createDynamoClients({
  region: config.AWS_REGION,
  ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
  ...(data.credentials ? { credentials: data.credentials } : {}),
});
const deps = buildDeps(config, {
  dynamo,
  queues: {
    dispatch: { send: toMain('dispatch') },
    send: { send: toMain('send') },
    ingest: { send: toMain('ingest') },
  },
  logger: new Logger({ serviceName: 'talkwatch-local', logLevel: config.LOG_LEVEL }),
  ...(data.credentials ? { credentials: data.credentials } : {}),
});

// Requests this thread's store client sent (SDK retries included), for the delivery benchmark.
let storeRequests = 0;
const requestHandler = dynamo.client.config.requestHandler as unknown as {
  handle: (...args: unknown[]) => Promise<unknown>;
};
const handle = requestHandler.handle.bind(requestHandler);
requestHandler.handle = (...args) => {
  storeRequests++;
  return handle(...args);
};

// The pacing trace, when asked: each issue send's slot and when its turn came, when its request was
// handed to the HTTP client, and when this thread's event loop ran late (epoch ms).
let traces: SendTrace[] = [];
let handovers: Array<[number, string]> = [];
let stalls: Array<[number, number]> = [];
const epochNow = () => performance.timeOrigin + performance.now();
const traceTurn = data.traceSends
  ? (turn: Omit<SendTrace, 'turnAt' | 'thread'>) =>
      traces.push({ ...turn, turnAt: epochNow(), thread: threadId })
  : undefined;
if (data.traceSends) {
  // Debug only: the SES client's handler, reached past the mailer's privacy, stamps each send.
  const ses = (deps.mailer as unknown as { v1?: { config: { requestHandler: unknown } } }).v1;
  const sesHandler = ses?.config.requestHandler as
    | { handle: (request: { body?: unknown }, ...rest: unknown[]) => Promise<unknown> }
    | undefined;
  if (sesHandler) {
    const original = sesHandler.handle.bind(sesHandler);
    sesHandler.handle = (request, ...rest) => {
      const body = request.body;
      const tail = Buffer.isBuffer(body) ? body.toString('latin1', Math.max(0, body.length - 512)) : '';
      const subscriber = /Name=subscriber&Tags\.member\.\d+\.Value=([A-Za-z0-9_%-]+)/.exec(tail)?.[1];
      if (!subscriber) return original(request, ...rest);
      handovers.push([epochNow(), subscriber]);
      return original(request, ...rest);
    };
  }
  // Garbage collections over 5 ms, as stalls of their own (negative: [epoch ms, −ms]).
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.duration > 5)
        stalls.push([performance.timeOrigin + entry.startTime, -Math.round(entry.duration * 10) / 10]);
    }
  }).observe({ entryTypes: ['gc'] });
  let expected = performance.now() + 5;
  setInterval(() => {
    const t = performance.now();
    if (t - expected > 2) stalls.push([epochNow(), Math.round((t - expected) * 10) / 10]);
    expected = t + 5;
  }, 5).unref();
}

const handler = createSendHandler(deps, traceTurn ? { traceTurn } : {});
port.on('message', (message: ToThread) => {
  if (message.type === 'stats') return post({ type: 'stats', id: message.id, storeRequests });
  if (message.type === 'traces') {
    post({ type: 'traces', id: message.id, traces, handovers, stalls });
    traces = [];
    handovers = [];
    stalls = [];
    return;
  }
  handler(message.event).then(
    (response) => post({ type: 'done', id: message.id, response }),
    (error: unknown) => post({ type: 'failed', id: message.id, error: String(error) }),
  );
});
post({ type: 'ready' });
