// Smoke test of the deployable artefacts: synthesise the app as `npx cdk synth` does (esbuild bundles,
// cdk-nag), then load every bundle from the cloud assembly and invoke its
// handler with the event AWS would send (API Gateway v2 HTTP, SQS batch, SNS, EventBridge) against
// the local emulators. Queue URLs point at a recording stand-in for SQS.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, SNSEvent, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { bundlePaths, FUNCTIONS, type FunctionName } from '../../cdk/bundle-paths';
import { ESM_REQUIRE_BANNER } from '../../cdk/constructs/node-function';
import { sqsRecord } from '../../functions/adapters/memory-queue/memory-queue';
import { deriveSecrets } from '../../functions/aws/secrets';
import { receiveDevelopment } from '../../functions/domain/developments/ingest';
import { parseDevelopmentText } from '../../functions/domain/developments/input';
import { signedHeaders } from '../support/delivery';
import { sesEmails, type TestDeps, testDeps } from '../support/env';
import { startFakeConverse, toolAnswer } from '../support/fake-converse';
import { subscriberIdFor } from '../support/ids';
import { type FakeSqs, startFakeSqs } from './support/fake-sqs';
import { invokeBundle } from './support/invoke';
import { buildStack } from './support/synth';

const NAMES = FUNCTIONS;
type Name = FunctionName;

let outdir: string;
let sqs: FakeSqs;
let deps: TestDeps;
let env: Record<string, string>;
const bundles = {} as Record<Name, string>;

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'talkwatch-cdk-'));
  const { app, stack } = buildStack({ bundle: true, outdir });
  const assembly = app.synth();
  const resources = assembly.getStackByName(stack.stackName).template.Resources;
  Object.assign(bundles, bundlePaths(stack, resources, outdir));

  sqs = await startFakeSqs();
  deps = await testDeps();
  env = {
    TABLE_NAME: deps.config.TABLE_NAME,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    SES_ENDPOINT: inject('sesEndpoint'),
    SQS_ENDPOINT: sqs.endpoint,
    DISPATCH_QUEUE_URL: sqs.queueUrl('dispatch'),
    SEND_QUEUE_URL: sqs.queueUrl('send'),
    INGEST_QUEUE_URL: sqs.queueUrl('ingest'),
    PUBLIC_URL: 'https://talkwatch.test',
    FROM_ADDRESS: 'Talkwatch <alerts@talkwatch.test>',
    MAX_SEND_RATE: '1000',
    LOG_LEVEL: 'ERROR',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    // What Secrets Manager holds after deploy: a generated seed the runtime derives the secrets from.
    SECRETS_JSON: JSON.stringify({ seed: randomUUID().replaceAll('-', '') }),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}, 120_000);

afterAll(async () => {
  await sqs?.close();
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

/** The id the deployed functions give an address (keyed with the key derived from the seed). */
function deployedId(email: string): string {
  return subscriberIdFor(email, deriveSecrets(JSON.parse(env.SECRETS_JSON!).seed).SUBSCRIBER_ID_KEY);
}

async function invoke<T>(name: Name, event: unknown): Promise<T> {
  return (await invokeBundle<T>(bundles[name], event, env)).result;
}

function httpEvent(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: {
      host: 'abc123.execute-api.eu-west-1.amazonaws.com',
      'user-agent': 'Mozilla/5.0 (smoke test)',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'https',
      ...headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'Mozilla/5.0' },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body,
    isBase64Encoded: false,
  } satisfies APIGatewayProxyEventV2;
}

function sqsEvent(queue: string, bodies: string[]): SQSEvent {
  return {
    Records: bodies.map((body) =>
      sqsRecord(body, { queueArn: `arn:aws:sqs:eu-west-1:123456789012:${queue}` }),
    ),
  };
}

function snsEvent(message: object): SNSEvent {
  const topic = 'arn:aws:sns:eu-west-1:123456789012:Talkwatch-FeedbackTopic';
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topic}:${randomUUID()}`,
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: topic,
          Subject: 'Amazon SES Email Event Notification',
          Message: JSON.stringify(message),
          Timestamp: new Date().toISOString(),
          SignatureVersion: '1',
          Signature: 'EXAMPLE',
          SigningCertUrl: 'https://sns.eu-west-1.amazonaws.com/cert.pem',
          UnsubscribeUrl: 'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe',
          MessageAttributes: {},
        },
      },
    ],
  };
}

const scheduledEvent = () => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: new Date().toISOString(),
  region: 'eu-west-1',
  resources: ['arn:aws:events:eu-west-1:123456789012:rule/Talkwatch-FeedPoll'],
  detail: {},
});

describe('bundles', () => {
  test('each function is one minified ESM file with a source map and the require banner', () => {
    for (const name of NAMES) {
      const code = readFileSync(bundles[name], 'utf8');
      expect(code.startsWith(ESM_REQUIRE_BANNER), name).toBe(true);
      // Minified: thousands of characters per line (template literals keep their own newlines).
      expect(code.length / code.split('\n').length, name).toBeGreaterThan(2000);
      expect(code, name).toContain('//# sourceMappingURL=index.mjs.map');
      expect(existsSync(`${bundles[name]}.map`), name).toBe(true);
    }
  });

  test('the api and feedback bundles contain no React; the send bundle (emails) does', () => {
    const hasReact = (name: Name) =>
      /react-dom|react\.(transitional\.)?element/.test(readFileSync(bundles[name], 'utf8'));
    expect(hasReact('send')).toBe(true);
    expect(hasReact('api')).toBe(false);
    expect(hasReact('feedback')).toBe(false);
  });

  test('only the ingest bundle carries the summariser and its language model; only poll-feeds the feed parser', () => {
    const holds = (name: Name, pattern: RegExp) => pattern.test(readFileSync(bundles[name], 'utf8'));
    for (const name of FUNCTIONS) {
      expect(holds(name, /wink/), name).toBe(name === 'ingest');
      expect(holds(name, /feedUrl/), name).toBe(name === 'poll-feeds');
    }
  });

  test('no bundle holds code from a development-only package (the emulators, CDK, test tools)', () => {
    // package-lock.json marks every package reachable only from devDependencies with `dev: true`; its
    // keys are install paths (`node_modules/a/node_modules/b`), which the source maps also show.
    const lock = JSON.parse(readFileSync(join(import.meta.dirname, '../../package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const devOnly = new Set(Object.keys(lock.packages).filter((path) => path && lock.packages[path]!.dev));
    expect(devOnly).toContain('node_modules/dynalite');
    expect(devOnly).toContain('node_modules/aws-ses-v2-local');
    for (const name of NAMES) {
      const map = JSON.parse(readFileSync(`${bundles[name]}.map`, 'utf8')) as { sources: string[] };
      const installed = new Set(
        map.sources.flatMap((source) => {
          const m = /(?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+/.exec(source);
          return m ? [m[0].slice(0, -1)] : [];
        }),
      );
      expect(installed.size, name).toBeGreaterThan(5);
      expect(
        [...installed].filter((path) => devOnly.has(path)),
        name,
      ).toEqual([]);
    }
  });
});

describe('handlers, invoked as AWS would', () => {
  const email = `smoke-${randomUUID().slice(0, 8)}@example.com`;

  test('api: GET /health through API Gateway v2 reaches the table and SES', async () => {
    const res = await invoke<{ statusCode: number; body: string }>('api', httpEvent('GET', '/health'));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: 'ok', store: 'ok', mailer: 'ok' });
  });

  test('api: POST /webhooks/ses is not mounted in AWS, whatever secret signs it', async () => {
    const body = JSON.stringify({ notificationType: 'Complaint', complaint: { complainedRecipients: [] } });
    const seed = JSON.parse(env.SECRETS_JSON!).seed as string;
    const { WEBHOOK_SECRET_DEVELOPMENTS, WEBHOOK_SECRET_SEND } = deriveSecrets(seed);
    for (const secret of [WEBHOOK_SECRET_DEVELOPMENTS, WEBHOOK_SECRET_SEND]) {
      const headers = signedHeaders(body, { secret });
      const res = await invoke<{ statusCode: number }>(
        'api',
        httpEvent('POST', '/webhooks/ses', body, headers),
      );
      expect(res.statusCode).toBe(404);
    }
  });

  test('api: POST /subscribe answers 202 and enqueues the confirmation email', async () => {
    const body = JSON.stringify({ email, topics: ['us-russia-ukraine'], frequency: 'daily' });
    const headers = { 'content-type': 'application/json', accept: 'application/json' };
    const res = await invoke<{ statusCode: number }>('api', httpEvent('POST', '/subscribe', body, headers));
    expect(res.statusCode).toBe(202);
    const queued = sqs.messages('send').map((m) => JSON.parse(m));
    expect(queued).toContainEqual(
      expect.objectContaining({
        type: 'transactional',
        template: 'confirm',
        subscriberId: deployedId(email),
      }),
    );
    // Ids and a sealed token only: no address, no token anyone could use, in the queue.
    expect(sqs.messages('send').join('\n')).not.toContain('@');
  });

  test('send: an SQS batch with that message sends the confirmation through SES', async () => {
    const bodies = sqs.messages('send').filter((m) => m.includes(deployedId(email)));
    expect(bodies).toHaveLength(1);
    const res = await invoke<{ batchItemFailures: unknown[] }>('send', sqsEvent('send', bodies));
    expect(res.batchItemFailures).toEqual([]);
    const sent = (await sesEmails()).filter((e) => e.destination.to.some((to) => to.includes(email)));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body.text).toContain('https://talkwatch.test/confirm');
  });

  test('feedback: an SES permanent bounce through SNS suppresses the address', async () => {
    await invoke(
      'feedback',
      snsEvent({
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [{ emailAddress: email, action: 'failed', status: '5.1.1' }],
          timestamp: new Date().toISOString(),
          feedbackId: randomUUID(),
        },
        mail: {
          timestamp: new Date().toISOString(),
          messageId: randomUUID(),
          destination: [email],
          // Event publishing echoes the tags every email carries; the reader's id is one of them.
          tags: { 'ses:configuration-set': ['talkwatch'], subscriber: [subscriberIdFor(email)] },
        },
      }),
    );
    expect(await deps.subscribers.isSuppressed(subscriberIdFor(email))).toBe(true);
  });

  test('dispatch: an SQS batch gets a partial batch response', async () => {
    const event = sqsEvent('dispatch', [JSON.stringify({ type: 'dispatch', issueId: 'no-such-issue' })]);
    const res = await invoke<{ batchItemFailures: Array<{ itemIdentifier: string }> }>('dispatch', event);
    expect(Array.isArray(res.batchItemFailures)).toBe(true);
    for (const failure of res.batchItemFailures) {
      expect(event.Records.map((r) => r.messageId)).toContain(failure.itemIdentifier);
    }
  });

  test('ingest: an SQS batch for a development no longer there is done, not retried', async () => {
    const event = sqsEvent('ingest', [JSON.stringify({ type: 'summarise', developmentId: 'dev_gone' })]);
    const res = await invoke<{ batchItemFailures: unknown[] }>('ingest', event);
    expect(res.batchItemFailures).toEqual([]);
  });

  test('ingest with SUMMARISER=bedrock: the bundled Bedrock client asks Converse, and the answer is judged', async () => {
    const converse = await startFakeConverse();
    try {
      // An answer naming someone the report never mentions: asked, judged, and the offline summary kept.
      converse.otherwise(
        toolAnswer({
          headline: 'Boris Johnson met Putin in Moscow.',
          keyPoints: ['One point here.', 'Another point here.', 'A third point here.'],
          whatsNext: null,
          speakers: [],
        }),
      );
      const report = parseDevelopmentText(
        readFileSync('data/developments/2025-12-02-witkoff-putin-moscow.md', 'utf8'),
      );
      const url = `https://bundle.example/${randomUUID()}`;
      const { id } = await receiveDevelopment(
        { ...deps, dispatch: deps.queues.dispatch, ingest: { send: async () => undefined } },
        { ...report, url, body: `${report.body}\n\n${url}` },
      );
      const event = sqsEvent('ingest', [JSON.stringify({ type: 'summarise', developmentId: id })]);
      const { result } = await invokeBundle<{ batchItemFailures: unknown[] }>(bundles.ingest, event, {
        ...env,
        SUMMARISER: 'bedrock',
        BEDROCK_ENDPOINT: converse.url,
        BEDROCK_MODEL_ID: 'anthropic.claude-test-v1:0',
      });
      expect(result.batchItemFailures).toEqual([]);
      expect(converse.calls).toHaveLength(1);
      const stored = await deps.developments.get(id);
      expect(stored?.summary.generator).toBe('offline');
      expect(stored?.summary.fallbackReason).toBe(
        'the headline names "Boris Johnson", which is not in the report',
      );
    } finally {
      await converse.close();
    }
  });

  test('schedule: the weekly rule input asks for the weekly digests', async () => {
    const res = await invoke<{ frequency: string }>('schedule', { frequency: 'weekly' });
    expect(res.frequency).toBe('weekly');
  });

  test('poll-feeds: a scheduled event runs one polling round (feeds unreachable offline)', async () => {
    await expect(invoke('poll-feeds', scheduledEvent())).resolves.toBeDefined();
  });
});
