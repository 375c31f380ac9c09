// The AWS composition root: secrets (functions/aws/secrets.ts, read once per cold start and cached),
// configuration from the Lambda environment, SQS queues. Every Lambda entry calls awsDeps() and says
// what it uses: the queues it enqueues to and whether it reads the secret. CDK grants the same and no
// more (cdk/talkwatch-stack.ts), so a function that parses internet input holds no secret.
import { randomBytes } from 'node:crypto';
import { SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { SqsQueue } from '../adapters/sqs/sqs-queue';
import { type Config, ConfigError, parseConfig } from '../config';
import { type BuildOptions, buildDeps, type Deps, type Queues } from '../deps';
import type { Queue } from '../ports/queue';
import { loadSecrets } from './secrets';

export type QueueName = keyof Queues;

export interface FunctionNeeds {
  /** Queues this function enqueues to; their URLs must be set. */
  queues: readonly QueueName[];
  /** Reads the secret (webhook secrets, admin token, token keys). */
  secrets: boolean;
  /** Summarises: the ingest function passes functions/summariser-deps.ts's buildSummariser. */
  summariser?: BuildOptions['summariser'];
  /** Reads feeds: the feed poller passes functions/feeds-deps.ts's buildFeedReader. */
  feeds?: BuildOptions['feeds'];
}

const ALL: FunctionNeeds = { queues: ['dispatch', 'send', 'ingest'], secrets: true };

const queueVariable = (name: QueueName) => `${name.toUpperCase()}_QUEUE_URL`;

let cached: Promise<Deps> | undefined;

export function awsDeps(
  env: Record<string, string | undefined> = process.env,
  needs: FunctionNeeds = ALL,
): Promise<Deps> {
  cached ??= build(env, needs).catch((error: unknown) => {
    // A failed cold start must not poison the container: the next invocation tries again.
    cached = undefined;
    throw error;
  });
  return cached;
}

async function build(env: Record<string, string | undefined>, needs: FunctionNeeds): Promise<Deps> {
  const schema = z.object({
    ...Object.fromEntries(needs.queues.map((name) => [queueVariable(name), z.url()])),
    /** Only for emulators and tests: AWS derives the endpoint from the region. */
    SQS_ENDPOINT: z.url().optional(),
  });
  const aws = schema.safeParse(env);
  if (!aws.success) {
    throw new ConfigError(
      `Invalid configuration: ${aws.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  const config = needs.secrets ? parseConfig({ ...env, ...(await loadSecrets(env)) }) : withoutSecrets(env);
  const urls = aws.data as Record<string, string | undefined>;
  const sqs = new SQSClient({
    region: config.AWS_REGION,
    ...(urls.SQS_ENDPOINT ? { endpoint: urls.SQS_ENDPOINT } : {}),
  });
  const queue = <T>(name: QueueName): Queue<T> => {
    const url = urls[queueVariable(name)];
    if (url) return new SqsQueue<T>(sqs, url);
    return {
      send: async () => {
        throw new ConfigError(`This function may not enqueue to the ${name} queue`);
      },
    };
  };
  return buildDeps(config, {
    queues: { dispatch: queue('dispatch'), send: queue('send'), ingest: queue('ingest') },
    ...(needs.summariser ? { summariser: needs.summariser } : {}),
    ...(needs.feeds ? { feeds: needs.feeds } : {}),
  });
}

/**
 * Configuration for a function that holds no secret: the secret-backed values are empty or random, so
 * nothing it could be tricked into doing can verify a webhook, pass as admin or sign a reader's link.
 */
function withoutSecrets(env: Record<string, string | undefined>): Config {
  const random = () => randomBytes(24).toString('base64');
  // Valid shapes only to pass validation of the rest; replaced by values that can verify nothing.
  const config = parseConfig({
    ...env,
    WEBHOOK_SECRET_DEVELOPMENTS: `whsec_${random()}`,
    WEBHOOK_SECRET_SEND: `whsec_${random()}`,
    ADMIN_TOKEN: random(),
    TOKEN_KEYS: `1:${random()}`,
    SUBSCRIBER_ID_KEY: random(),
  });
  return {
    ...config,
    WEBHOOK_SECRET_DEVELOPMENTS: [],
    WEBHOOK_SECRET_SEND: [],
    WEBHOOK_SECRET_SES: undefined,
    ADMIN_TOKEN: random(),
    TOKEN_KEYS: [],
    SUBSCRIBER_ID_KEY: random(),
  };
}
