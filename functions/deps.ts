// Composition: builds every adapter from typed config. The AWS entries (functions/*.ts) and the
// local stack (functions/local.ts) both call buildDeps; they differ only in the queues they pass in.

import { Logger } from '@aws-lambda-powertools/logger';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import topicsFile from '../data/topics.json' with { type: 'json' };
import { type AwsClientSettings, createDynamoClients, type DynamoClients } from './adapters/dynamodb/client';
import { DynamoDevelopmentStore } from './adapters/dynamodb/development-store';
import { DynamoRateLimiter } from './adapters/dynamodb/rate-limiter';
import { DynamoSubscriberStore } from './adapters/dynamodb/subscriber-store';
import { SesMailer } from './adapters/ses/ses-mailer';
import { type Config, senderAddress } from './config';
import type { DispatchMessage, SendMessage } from './domain/delivery/messages';
import type { SummariseMessage } from './domain/developments/ingest';
import { parseTopics, type Topic } from './domain/subscribers/topics';
import type { Clock } from './ports/clock';
import { systemClock } from './ports/clock';
import type { DevelopmentStore } from './ports/development-store';
import type { Mailer } from './ports/mailer';
import type { Queue } from './ports/queue';
import type { RateLimiter } from './ports/rate-limiter';
import type { SubscriberStore } from './ports/subscriber-store';

/** Messages on the two queues: see functions/domain/delivery/messages.ts. */
export type { DispatchMessage, SendMessage, SummariseMessage };

export interface Queues {
  dispatch: Queue<DispatchMessage>;
  send: Queue<SendMessage>;
  /** Received developments to summarise (see domain/developments/ingest.ts). */
  ingest: Queue<SummariseMessage>;
}

/** Per dependency, only ok or unavailable: the reason goes to the log, never to the caller. */
export type HealthState = 'ok' | 'unavailable';
export interface HealthReport {
  status: HealthState;
  store: HealthState;
  mailer: HealthState;
}

export interface Deps {
  config: Config;
  clock: Clock;
  logger: Logger;
  dynamo: DynamoClients;
  mailer: Mailer;
  queues: Queues;
  subscribers: SubscriberStore;
  developments: DevelopmentStore;
  rateLimiter: RateLimiter;
  /** data/topics.json, bundled at build time. */
  topics: readonly Topic[];
  /** Static credentials the emulators accept (local stack, tests); absent in AWS. */
  credentials?: AwsClientSettings['credentials'];
  health(): Promise<HealthReport>;
}

export interface BuildOptions {
  queues: Queues;
  clock?: Clock;
  logger?: Logger;
  /** Static credentials for emulators; omit in AWS. */
  credentials?: AwsClientSettings['credentials'];
  /** Replace the mailer (tests wrap it to force faults). */
  mailer?: Mailer;
}

export function buildDeps(config: Config, options: BuildOptions): Deps {
  const base = { region: config.AWS_REGION, credentials: options.credentials };
  const dynamo = createDynamoClients({ ...base, endpoint: config.DYNAMODB_ENDPOINT });
  const mailer = options.mailer ?? new SesMailer({ ...base, endpoint: config.SES_ENDPOINT });
  const logger = options.logger ?? new Logger({ serviceName: 'talkwatch', logLevel: config.LOG_LEVEL });

  const probe = async (dependency: string, fn: () => Promise<unknown>): Promise<HealthState> => {
    try {
      await withTimeout(fn(), 2000);
      return 'ok';
    } catch (error) {
      logger.warn('health probe failed', { dependency, error: String(error) });
      return 'unavailable';
    }
  };

  // The identity check costs up to three SES calls: a good answer is trusted for five minutes.
  let senderCheckedAt = Number.NEGATIVE_INFINITY;
  const sender = senderAddress(config.FROM_ADDRESS);
  const checkSender = async () => {
    if (!sender || !mailer.senderProblem || Date.now() - senderCheckedAt < 300_000) return;
    const problem = await mailer.senderProblem(sender);
    if (problem) throw new Error(problem);
    senderCheckedAt = Date.now();
  };

  const clock = options.clock ?? systemClock;
  return {
    config,
    clock,
    logger,
    dynamo,
    mailer,
    queues: options.queues,
    subscribers: new DynamoSubscriberStore(dynamo, config.TABLE_NAME),
    developments: new DynamoDevelopmentStore(dynamo, config.TABLE_NAME),
    rateLimiter: new DynamoRateLimiter(dynamo, config.TABLE_NAME, clock),
    topics: parseTopics(topicsFile),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    async health() {
      const [store, mail] = await Promise.all([
        probe('store', () => dynamo.client.send(new DescribeTableCommand({ TableName: config.TABLE_NAME }))),
        probe('mailer', async () => {
          await mailer.quota();
          await checkSender();
        }),
      ]);
      return { status: store === 'ok' && mail === 'ok' ? 'ok' : 'unavailable', store, mailer: mail };
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
