// Test helpers: config and deps pointed at the emulators the global setup started, each test file on
// its own table so files can run in parallel without seeing each other's data.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDynamoClients, type DynamoClients } from '../../functions/adapters/dynamodb/client';
import { ensureTable } from '../../functions/adapters/dynamodb/table';
import { MemoryQueue } from '../../functions/adapters/memory-queue/memory-queue';
import { type Config, parseConfig } from '../../functions/config';
import {
  type BuildOptions,
  buildDeps,
  type Deps,
  type DispatchMessage,
  type SendMessage,
  type SummariseMessage,
} from '../../functions/deps';
import { generateSecrets } from '../../functions/local/secrets';
import { LOCAL_CREDENTIALS } from '../../functions/local/stack';
import { buildSummariser } from '../../functions/summariser-deps';

export const TEST_SECRETS = generateSecrets();

export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({
    ...TEST_SECRETS,
    PUBLIC_URL: 'http://talkwatch.test',
    TABLE_NAME: `t-${randomUUID().slice(0, 8)}`,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    SES_ENDPOINT: inject('sesEndpoint'),
    FROM_ADDRESS: 'Talkwatch <alerts@talkwatch.test>',
    LOG_LEVEL: 'ERROR',
    MAX_SEND_RATE: '1000',
    ...overrides,
  });
}

export interface TestDeps extends Deps {
  dynamo: DynamoClients;
  queues: {
    dispatch: MemoryQueue<DispatchMessage>;
    send: MemoryQueue<SendMessage>;
    ingest: MemoryQueue<SummariseMessage>;
  };
}

/** Deps on a fresh table in the emulators; queues are in-process and not consumed unless a test says so. */
export async function testDeps(
  overrides: Record<string, string> = {},
  options: Partial<BuildOptions> = {},
): Promise<TestDeps> {
  const config = testConfig(overrides);
  const queues = {
    dispatch: new MemoryQueue<DispatchMessage>({ name: 'dispatch' }),
    send: new MemoryQueue<SendMessage>({ name: 'send' }),
    ingest: new MemoryQueue<SummariseMessage>({ name: 'ingest' }),
  };
  const dynamo = createDynamoClients({
    region: config.AWS_REGION,
    endpoint: inject('dynamoEndpoint'),
    credentials: LOCAL_CREDENTIALS,
  });
  const deps = buildDeps(config, {
    queues,
    credentials: LOCAL_CREDENTIALS,
    dynamo,
    summariser: buildSummariser,
    ...options,
  });
  await ensureTable(dynamo.client, config.TABLE_NAME);
  // The raw clients too: tests arrange and inspect items the ports do not expose.
  return Object.assign(deps, { queues, dynamo });
}

/** Emails the SES emulator has accepted, newest last. */
export async function sesEmails(): Promise<SesStoredEmail[]> {
  const res = await fetch(`${inject('sesEndpoint')}/store`);
  const body = (await res.json()) as { emails: SesStoredEmail[] };
  return body.emails;
}

export interface SesStoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}
