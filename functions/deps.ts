// The composition root: builds every adapter from typed config, once per process, and hands out ports
// only (the summariser's through summariser-deps.ts, for the hosts that summarise). The AWS entries (functions/*.ts, through aws/runtime.ts) and the local stack (functions/local/)
// both call buildDeps; they differ only in the queues they pass in and, locally, emulator credentials.
// Use cases take the port sets in use-case-ports.ts, built from these.

import { Logger } from '@aws-lambda-powertools/logger';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { AwsClientSettings } from './adapters/aws-client';
import { createDynamoClients, type DynamoClients } from './adapters/dynamodb/client';
import { DynamoDevelopmentStore } from './adapters/dynamodb/development-store';
import { DynamoIssueStore } from './adapters/dynamodb/issue-store';
import { DynamoRateLimiter } from './adapters/dynamodb/rate-limiter';
import { DynamoSendRateStore } from './adapters/dynamodb/send-rate';
import { DynamoSubscriberStore } from './adapters/dynamodb/subscriber-store';
import { SesMailer } from './adapters/ses/ses-mailer';
import { loadCatalogue } from './catalogue-data';
import { type Config, senderAddress } from './config';
import type { Catalogue, Topic } from './domain/catalogue';
import { createSendRate, type SendRate } from './domain/delivery/send-rate';
import type { DispatchMessage, SendMessage, SummariseMessage } from './domain/queue-messages';
import type { Clock } from './ports/clock';
import { systemClock } from './ports/clock';
import type { DevelopmentStore } from './ports/development-store';
import type { FeedReader } from './ports/feed-reader';
import type { IssueStore } from './ports/issue-store';
import type { Mailer } from './ports/mailer';
import type { Queue } from './ports/queue';
import type { RateLimiter } from './ports/rate-limiter';
import type { SubscriberStore } from './ports/subscriber-store';
import type { Summariser } from './ports/summariser';

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
  mailer: Mailer;
  queues: Queues;
  subscribers: SubscriberStore;
  developments: DevelopmentStore;
  issues: IssueStore;
  rateLimiter: RateLimiter;
  /** The account's one send schedule: MAX_SEND_RATE, bounded by SES's own MaxSendRate. */
  sendRate: SendRate;
  feeds: FeedReader;
  /**
   * The offline summariser, or with SUMMARISER=bedrock the model-written one with offline as fallback.
   * Only for hosts that summarise (see BuildOptions.summariser); elsewhere every call throws.
   */
  summariser: Summariser;
  /** data/topics.json and data/actors.json, parsed once. */
  catalogue: Catalogue;
  /** The catalogue's topics (what readers choose from). */
  topics: readonly Topic[];
  health(): Promise<HealthReport>;
}

export interface BuildOptions {
  queues: Queues;
  clock?: Clock;
  logger?: Logger;
  /** Static credentials for emulators; omit in AWS. */
  credentials?: AwsClientSettings['credentials'];
  /** The DynamoDB clients, when the caller made them (the local stack creates the table with them). */
  dynamo?: DynamoClients;
  /** Replace the mailer (tests wrap it to force faults). */
  mailer?: Mailer;
  /**
   * Builds the summariser (functions/summariser-deps.ts), passed only by the hosts that summarise: the
   * ingest function and the local stack. It carries the language model of the offline summariser
   * (several MB), so the other functions' bundles stay without it.
   */
  summariser?: (parts: AdapterParts) => Summariser;
  /**
   * Builds the feed reader (functions/feeds-deps.ts), passed only by the hosts that poll feeds: the
   * poll-feeds function and the local stack, so the other bundles carry no feed parser.
   */
  feeds?: (parts: AdapterParts) => FeedReader;
}

/** What an adapter built outside this file gets from the composition root. */
export interface AdapterParts {
  config: Config;
  dynamo: DynamoClients;
  logger: Logger;
  credentials: AwsClientSettings['credentials'];
}

const notSummarising: Summariser = {
  summarise: async () => {
    throw new Error('This function does not summarise: only the ingest consumer is built with a summariser');
  },
};

const notPolling: FeedReader = {
  read: async () => {
    throw new Error('This function does not read feeds: only the feed poller is built with a feed reader');
  },
};

export function buildDeps(config: Config, options: BuildOptions): Deps {
  const base = { region: config.AWS_REGION, credentials: options.credentials };
  const dynamo = options.dynamo ?? createDynamoClients({ ...base, endpoint: config.DYNAMODB_ENDPOINT });
  const mailer = options.mailer ?? new SesMailer({ ...base, endpoint: config.SES_ENDPOINT });
  const logger = options.logger ?? new Logger({ serviceName: 'talkwatch', logLevel: config.LOG_LEVEL });
  const clock = options.clock ?? systemClock;
  const table = config.TABLE_NAME;
  const catalogue = loadCatalogue();

  const deps: Deps = {
    config,
    clock,
    logger,
    mailer,
    queues: options.queues,
    subscribers: new DynamoSubscriberStore(dynamo, table),
    developments: new DynamoDevelopmentStore(dynamo, table),
    issues: new DynamoIssueStore(dynamo, table),
    rateLimiter: new DynamoRateLimiter(dynamo, table, clock),
    sendRate: createSendRate({
      store: new DynamoSendRateStore(dynamo, table),
      rate: quotaBoundRate(() => deps.mailer, config.MAX_SEND_RATE, logger),
    }),
    feeds: options.feeds
      ? options.feeds({ config, dynamo, logger, credentials: options.credentials })
      : notPolling,
    summariser: options.summariser
      ? options.summariser({ config, dynamo, logger, credentials: options.credentials })
      : notSummarising,
    catalogue,
    topics: catalogue.topics,
    health: healthCheck(config, dynamo, () => deps.mailer, logger),
  };
  return deps;
}

/** MAX_SEND_RATE, bounded by the provider's own MaxSendRate (re-read every 5 minutes). */
function quotaBoundRate(mailer: () => Mailer, maxRate: number, logger: Logger): () => Promise<number> {
  let cached: { rate: number; at: number } | undefined;
  return async () => {
    if (cached && Date.now() - cached.at < 300_000) return cached.rate;
    let rate = maxRate;
    try {
      const quota = await mailer().quota();
      if (quota.maxSendRate > 0) rate = Math.min(rate, quota.maxSendRate);
    } catch (error) {
      logger.warn('send quota unavailable; using MAX_SEND_RATE', { error: String(error) });
    }
    cached = { rate, at: Date.now() };
    return rate;
  };
}

function healthCheck(config: Config, dynamo: DynamoClients, mailer: () => Mailer, logger: Logger) {
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
    const m = mailer();
    if (!sender || !m.senderProblem || Date.now() - senderCheckedAt < 300_000) return;
    const problem = await m.senderProblem(sender);
    if (problem) throw new Error(problem);
    senderCheckedAt = Date.now();
  };

  return async (): Promise<HealthReport> => {
    const [store, mail] = await Promise.all([
      probe('store', () => dynamo.client.send(new DescribeTableCommand({ TableName: config.TABLE_NAME }))),
      probe('mailer', async () => {
        await mailer().quota();
        await checkSender();
      }),
    ]);
    return { status: store === 'ok' && mail === 'ok' ? 'ok' : 'unavailable', store, mailer: mail };
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
