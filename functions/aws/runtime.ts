// The AWS composition root: secrets (functions/aws/secrets.ts, read once per cold start and cached),
// configuration from the Lambda environment, SQS queues. Every Lambda entry calls awsDeps().
import { SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { SqsQueue } from '../adapters/sqs/sqs-queue';
import { ConfigError, parseConfig } from '../config';
import { buildDeps, type Deps, type DispatchMessage, type SendMessage } from '../deps';
import { loadSecrets } from './secrets';

const awsSchema = z.object({
  DISPATCH_QUEUE_URL: z.url(),
  SEND_QUEUE_URL: z.url(),
  /** Only for emulators and tests: AWS derives the endpoint from the region. */
  SQS_ENDPOINT: z.url().optional(),
});

let cached: Promise<Deps> | undefined;

export function awsDeps(env: Record<string, string | undefined> = process.env): Promise<Deps> {
  cached ??= build(env).catch((error: unknown) => {
    // A failed cold start must not poison the container: the next invocation tries again.
    cached = undefined;
    throw error;
  });
  return cached;
}

async function build(env: Record<string, string | undefined>): Promise<Deps> {
  const aws = awsSchema.safeParse(env);
  if (!aws.success) {
    throw new ConfigError(
      `Invalid configuration: ${aws.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  const secrets = await loadSecrets(env);
  const config = parseConfig({ ...env, ...secrets });
  const sqs = new SQSClient({
    region: config.AWS_REGION,
    ...(aws.data.SQS_ENDPOINT ? { endpoint: aws.data.SQS_ENDPOINT } : {}),
  });
  return buildDeps(config, {
    queues: {
      dispatch: new SqsQueue<DispatchMessage>(sqs, aws.data.DISPATCH_QUEUE_URL),
      send: new SqsQueue<SendMessage>(sqs, aws.data.SEND_QUEUE_URL),
    },
  });
}
