// The AWS composition root: secrets from Secrets Manager (read once per cold start and cached),
// configuration from the Lambda environment, SQS queues. Every Lambda entry calls awsDeps().
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { SqsQueue } from '../adapters/sqs/sqs-queue';
import { ConfigError, parseConfig } from '../config';
import { buildDeps, type Deps, type DispatchMessage, type SendMessage } from '../deps';

const awsSchema = z.object({
  SECRET_ARN: z.string().min(1),
  DISPATCH_QUEUE_URL: z.url(),
  SEND_QUEUE_URL: z.url(),
});

const secretSchema = z.object({
  WEBHOOK_SECRET: z.string(),
  ADMIN_TOKEN: z.string(),
  TOKEN_KEYS: z.string(),
});

let cached: Promise<Deps> | undefined;

export function awsDeps(env: Record<string, string | undefined> = process.env): Promise<Deps> {
  cached ??= build(env);
  return cached;
}

async function build(env: Record<string, string | undefined>): Promise<Deps> {
  const aws = awsSchema.safeParse(env);
  if (!aws.success) {
    throw new ConfigError(
      `Invalid configuration: ${aws.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  const secrets = new SecretsManagerClient({});
  const value = await secrets.send(new GetSecretValueCommand({ SecretId: aws.data.SECRET_ARN }));
  const parsed = secretSchema.safeParse(JSON.parse(value.SecretString ?? '{}'));
  if (!parsed.success) {
    throw new ConfigError(
      `Secret ${aws.data.SECRET_ARN} lacks ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  const config = parseConfig({ ...env, ...parsed.data });
  const sqs = new SQSClient({ region: config.AWS_REGION });
  return buildDeps(config, {
    queues: {
      dispatch: new SqsQueue<DispatchMessage>(sqs, aws.data.DISPATCH_QUEUE_URL),
      send: new SqsQueue<SendMessage>(sqs, aws.data.SEND_QUEUE_URL),
    },
  });
}
