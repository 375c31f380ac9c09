// The whole product on one machine: emulators, table, seed data, queues with their consumers, the
// HTTP app. `npm start` (functions/local.ts), the end-to-end tests and the benchmarks all start it here.

import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { createAdaptorServer } from '@hono/node-server';
import { createDynamoClients, type DynamoClients } from '../adapters/dynamodb/client';
import { ensureTable } from '../adapters/dynamodb/table';
import { MemoryQueue } from '../adapters/memory-queue/memory-queue';
import { createApp } from '../app/create-app';
import { type Config, parseConfig, parseLocalSettings } from '../config';
import { buildDeps, type Deps, type DispatchMessage, type SendMessage, type SummariseMessage } from '../deps';
import { buildLocalFeedReader } from '../feeds-deps';
import type { Mailer } from '../ports/mailer';
import { buildSummariser } from '../summariser-deps';
import type { LocalQueues } from './context';
import { lockDataDir } from './data-dir-lock';
import { freePort, PortInUseError, type RunningServer, startDynamo, startSes } from './emulators';
import { startupSteps } from './hooks';
import { loadOrCreateSecrets } from './secrets';
import { type SendThreads, sendThreadCount, startSendThreads } from './send-threads';

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface LocalStack {
  appUrl: string;
  inboxUrl: string | undefined;
  /** Where the local inbox is kept across restarts (when the SES emulator is ours). */
  inboxFile: string | undefined;
  dataDir: string;
  /** Whether topics' feeds are polled (FEEDS=on, or the `feeds` option). */
  feeds: boolean;
  config: Config;
  deps: Deps;
  /** The raw table clients, for benchmarks and tests that seed or inspect items directly. */
  dynamo: DynamoClients;
  queues: LocalQueues;
  /**
   * The worker threads consuming the send queue (SEND_THREADS) once they have started; until then, and
   * with none, the main thread consumes it.
   */
  sendThreads: Promise<SendThreads | undefined>;
  close(): Promise<void>;
}

export interface LocalStackOptions {
  env?: Record<string, string | undefined>;
  /** Wrap or replace the mailer (fault tests); the send queue is then consumed on the main thread. */
  wrapMailer?: (mailer: Mailer) => Mailer;
  /** Skip loading data/developments (tests that want an empty store). */
  skipSeed?: boolean;
  /** Poll the topics' feeds; defaults to FEEDS=on (locally, feeds are polled only when asked). */
  feeds?: boolean;
  logger?: Logger;
  /** Keep a pacing trace of the send threads' issue sends (SendThreads.traces; the delivery bench). */
  traceSends?: boolean;
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const env = options.env ?? process.env;
  const local = parseLocalSettings(env);
  // Port 0 (tests, benchmarks) means "any free port"; links in emails need the real one up front.
  if (local.PORT === 0) local.PORT = await freePort();
  const dataDir = resolve(local.DATA_DIR);
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  };

  mkdirSync(dataDir, { recursive: true });
  // Before anything starts: a second stack on this data directory is refused here, by name.
  const lock = lockDataDir(dataDir);
  closers.push(async () => lock.release());

  try {
    const secrets = loadOrCreateSecrets(dataDir);
    const configInput = (endpoints: { dynamo?: string; ses?: string }) =>
      definedOnly({
        ...secrets,
        PUBLIC_URL: `http://localhost:${local.PORT}`,
        ...definedOnly(env),
        DYNAMODB_ENDPOINT: env.DYNAMODB_ENDPOINT ?? endpoints.dynamo,
        SES_ENDPOINT: env.SES_ENDPOINT ?? endpoints.ses,
      });
    const configWith = (endpoints: { dynamo?: string; ses?: string }) => parseConfig(configInput(endpoints));
    // Fail fast: a bad setting stops start-up before any emulator is started.
    configWith({ dynamo: 'http://127.0.0.1', ses: 'http://127.0.0.1' });

    let dynalite: RunningServer | undefined;
    if (!env.DYNAMODB_ENDPOINT) {
      dynalite = await startDynamo({ port: local.DYNAMODB_PORT, path: resolve(dataDir, 'dynamodb') });
      closers.push(dynalite.close);
    }
    let ses: RunningServer | undefined;
    const inboxFile = env.SES_ENDPOINT ? undefined : join(dataDir, 'inbox.jsonl');
    if (inboxFile) {
      ses = await startSes({ port: local.SES_PORT, inboxFile });
      closers.push(ses.close);
    }
    const config = configWith({ dynamo: dynalite?.url, ses: ses?.url });
    const usesRealAws = Boolean(env.AWS_ACCESS_KEY_ID && (env.DYNAMODB_ENDPOINT || env.SES_ENDPOINT));
    const logger =
      options.logger ?? new Logger({ serviceName: 'talkwatch-local', logLevel: config.LOG_LEVEL });

    // Redelivery backs off like an SQS visibility timeout would (1 s, 2 s, 4 s, 8 s), so a store or
    // mailer outage of several seconds is ridden out before a message reaches the dead letters.
    const retryDelayMs = (receives: number) => Math.min(30_000, 1000 * 2 ** (receives - 1));
    const onDeadLetter = (queue: string) => (record: { messageId: string }) =>
      logger.error('message moved to dead letters after 5 receives', { queue, messageId: record.messageId });
    const queues = {
      dispatch: new MemoryQueue<DispatchMessage>({
        name: 'dispatch',
        batchSize: 1,
        concurrency: 1,
        retryDelayMs,
        onDeadLetter: onDeadLetter('dispatch'),
      }),
      send: new MemoryQueue<SendMessage>({
        name: 'send',
        batchSize: 10,
        concurrency: 8,
        retryDelayMs,
        onDeadLetter: onDeadLetter('send'),
      }),
      ingest: new MemoryQueue<SummariseMessage>({
        name: 'ingest',
        batchSize: 1,
        concurrency: 1,
        retryDelayMs,
        onDeadLetter: onDeadLetter('ingest'),
      }),
    };
    let sendThreads: SendThreads | undefined;
    let closing = false;
    closers.push(async () => {
      closing = true;
      for (const queue of Object.values(queues)) queue.close();
      await Promise.race([Promise.all(Object.values(queues).map((q) => q.idle())), sleep(1000)]);
      await sendThreads?.close();
    });

    const credentials = usesRealAws ? undefined : LOCAL_CREDENTIALS;
    const dynamo = createDynamoClients({
      region: config.AWS_REGION,
      ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
      ...(credentials ? { credentials } : {}),
    });
    const deps = buildDeps(config, {
      queues,
      logger,
      dynamo,
      feeds: buildLocalFeedReader,
      summariser: buildSummariser,
      ...(credentials ? { credentials } : {}),
    });
    if (options.wrapMailer) deps.mailer = options.wrapMailer(deps.mailer);

    await ensureTable(dynamo.client, config.TABLE_NAME);
    // Seed data, queue consumers, schedules, resuming unfinished sends, feed polling.
    const feeds = options.feeds ?? local.FEEDS === 'on';
    for (const step of startupSteps) await step({ deps, queues, seed: !options.skipSeed, feeds, closers });
    // One process sends only as fast as one core signs requests: the send queue's consumer runs on
    // worker threads sharing the send-rate schedule, as several send functions do in AWS.
    // They start in the background (each loads the send code): the main thread consumes until then.
    const threadCount = options.wrapMailer ? 0 : sendThreadCount(local.SEND_THREADS);
    const threadsStarted =
      threadCount === 0
        ? Promise.resolve(undefined)
        : startSendThreads({
            count: threadCount,
            data: {
              configInput: configInput({ dynamo: dynalite?.url, ses: ses?.url }),
              credentials: usesRealAws ? undefined : LOCAL_CREDENTIALS,
              ...(options.traceSends ? { traceSends: true } : {}),
            },
            env: definedOnly(env),
            queues,
            logger,
          }).then(
            async (threads) => {
              if (closing) {
                await threads.close();
                return undefined;
              }
              sendThreads = threads;
              queues.send.consume(threads.handler);
              return threads;
            },
            (error: unknown) => {
              logger.error('send threads did not start; sending on the main thread', {
                error: String(error),
              });
              return undefined;
            },
          );

    const app = createApp(deps, { sesWebhook: true });
    // A deep accept backlog: bursts of connections (load tests, a newsletter's click storm) queue
    // instead of being reset.
    const server = createAdaptorServer({ fetch: app.fetch }) as Server;
    await new Promise<void>((resolveServer, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new PortInUseError(local.PORT, 'PORT') : error),
      );
      server.listen({ port: local.PORT, host: '0.0.0.0', backlog: 4096 }, () => resolveServer());
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : local.PORT;
    // The HTTP server closes first so nothing new is acknowledged while the rest shuts down.
    closers.push(
      () =>
        new Promise<void>((done) => {
          server.closeIdleConnections();
          server.close(() => done());
          setTimeout(() => server.closeAllConnections(), 500).unref();
        }),
    );

    return {
      appUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
      inboxUrl: ses ? `http://localhost:${ses.port}` : undefined,
      inboxFile,
      dataDir,
      feeds,
      config,
      deps,
      dynamo,
      queues,
      sendThreads: threadsStarted,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms).unref());
}
