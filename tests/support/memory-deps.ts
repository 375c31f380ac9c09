// Deps on the in-memory adapters (functions/adapters/memory/), for route tests through app.request
// with no emulator: the same ports, passing the same contract tests as the DynamoDB adapters. The
// emulator tier (tests/integration) keeps the end-to-end paths through the real SDK clients.
import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { MemoryDevelopmentStore } from '../../functions/adapters/memory/development-store';
import { MemoryIssueStore } from '../../functions/adapters/memory/issue-store';
import { MemoryMailer } from '../../functions/adapters/memory/mailer';
import { MemoryRateLimiter } from '../../functions/adapters/memory/rate-limiter';
import { MemorySendRateStore } from '../../functions/adapters/memory/send-rate';
import { MemorySubscriberStore } from '../../functions/adapters/memory/subscriber-store';
import { MemoryQueue } from '../../functions/adapters/memory-queue/memory-queue';
import { offlineSummariser } from '../../functions/adapters/summariser/offline-summariser';
import { loadCatalogue } from '../../functions/catalogue-data';
import { parseConfig } from '../../functions/config';
import type { Deps, DispatchMessage, SendMessage, SummariseMessage } from '../../functions/deps';
import { createSendRate } from '../../functions/domain/delivery/send-rate';
import { type Clock, systemClock } from '../../functions/ports/clock';
import type { FeedReader } from '../../functions/ports/feed-reader';
import { TEST_SECRETS } from './env';

export interface MemoryDeps extends Deps {
  mailer: MemoryMailer;
  queues: {
    dispatch: MemoryQueue<DispatchMessage>;
    send: MemoryQueue<SendMessage>;
    ingest: MemoryQueue<SummariseMessage>;
  };
}

const noFeeds: FeedReader = {
  read: async (url) => {
    throw new Error(`no feed fetching in memory tests (${url})`);
  },
};

export function memoryDeps(
  overrides: Record<string, string> = {},
  options: { clock?: Clock } = {},
): MemoryDeps {
  const config = parseConfig({
    ...TEST_SECRETS,
    PUBLIC_URL: 'http://talkwatch.test',
    TABLE_NAME: `m-${randomUUID().slice(0, 8)}`,
    FROM_ADDRESS: 'Talkwatch <alerts@talkwatch.test>',
    LOG_LEVEL: 'ERROR',
    ...overrides,
  });
  const clock = options.clock ?? systemClock;
  const mailer = new MemoryMailer();
  const catalogue = loadCatalogue();
  return {
    config,
    clock,
    logger: new Logger({ serviceName: 'talkwatch-test', logLevel: 'ERROR' }),
    mailer,
    queues: {
      dispatch: new MemoryQueue<DispatchMessage>({ name: 'dispatch' }),
      send: new MemoryQueue<SendMessage>({ name: 'send' }),
      ingest: new MemoryQueue<SummariseMessage>({ name: 'ingest' }),
    },
    subscribers: new MemorySubscriberStore(),
    developments: new MemoryDevelopmentStore(),
    issues: new MemoryIssueStore(),
    rateLimiter: new MemoryRateLimiter(clock),
    sendRate: createSendRate({ store: new MemorySendRateStore(), rate: () => config.MAX_SEND_RATE }),
    feeds: noFeeds,
    summariser: offlineSummariser,
    catalogue,
    topics: catalogue.topics,
    health: async () => ({ status: 'ok', store: 'ok', mailer: 'ok' }),
  };
}
