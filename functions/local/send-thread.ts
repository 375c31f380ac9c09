// One send worker thread of the local stack (see send-threads.ts): its own deps (store and SES clients,
// send-rate booking against the shared schedule in the store) and the same send queue handler the
// Lambda runs, fed batches by the main thread's queue. Whatever it enqueues goes back to the main
// thread's queues.
import { parentPort, workerData } from 'node:worker_threads';
import { Logger } from '@aws-lambda-powertools/logger';
import { createDynamoClients } from '../adapters/dynamodb/client';
import { parseConfig } from '../config';
import { buildDeps, type Queues } from '../deps';
import { createSendHandler } from '../handlers/send-handler';
import type { FromThread, SendThreadData, ToThread } from './send-threads';

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

const handler = createSendHandler(deps);
port.on('message', (message: ToThread) => {
  if (message.type === 'stats') return post({ type: 'stats', id: message.id, storeRequests });
  handler(message.event).then(
    (response) => post({ type: 'done', id: message.id, response }),
    (error: unknown) => post({ type: 'failed', id: message.id, error: String(error) }),
  );
});
post({ type: 'ready' });
