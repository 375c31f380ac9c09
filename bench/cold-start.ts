// Cold start: each Lambda bundle's size, and the wall time of a fresh Node process that imports the
// bundle and answers one event like the one AWS sends it (against the local emulators), as a ratio
// to a bare `node -e 0`. Median of several runs each.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDynamoClients } from '../functions/adapters/dynamodb/client';
import { ensureTable } from '../functions/adapters/dynamodb/table';
import { sqsRecord } from '../functions/adapters/memory-queue/memory-queue';
import { startDynamo, startSes } from '../functions/local/emulators';
import { LOCAL_CREDENTIALS } from '../functions/local/stack';
import { buildBundles, FUNCTIONS, type FunctionName } from './bundles';
import { startFakeSqs } from './fake-sqs';
import { median, note, round } from './support';

const RUNNER = `
const { handler } = await import(process.argv[1]);
const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 30000 };
await handler(JSON.parse(process.env.BENCH_EVENT), context);
`;

function timeProcess(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise(performance.now() - start);
      else reject(new Error(`${args.at(-1)} exited with ${code}: ${stderr.slice(0, 2000)}`));
    });
  });
}

function sqs(body: object) {
  return {
    Records: [sqsRecord(JSON.stringify(body), { queueArn: 'arn:aws:sqs:eu-west-1:123456789012:bench' })],
  };
}

/** A first event each function gets in AWS; each reaches the table, SES or (the fake) SQS. */
function firstEvent(name: FunctionName): object {
  const now = new Date();
  switch (name) {
    case 'api':
      return {
        version: '2.0',
        routeKey: '$default',
        rawPath: '/health',
        rawQueryString: '',
        headers: { host: 'abc.execute-api.eu-west-1.amazonaws.com', 'x-forwarded-proto': 'https' },
        requestContext: {
          accountId: '123456789012',
          apiId: 'abc',
          domainName: 'abc.execute-api.eu-west-1.amazonaws.com',
          domainPrefix: 'abc',
          http: {
            method: 'GET',
            path: '/health',
            protocol: 'HTTP/1.1',
            sourceIp: '203.0.113.7',
            userAgent: 'bench',
          },
          requestId: randomUUID(),
          routeKey: '$default',
          stage: '$default',
          time: now.toUTCString(),
          timeEpoch: now.getTime(),
        },
        isBase64Encoded: false,
      };
    case 'dispatch':
      return sqs({ type: 'dispatch', issueId: 'no-such-issue' });
    case 'send':
      return sqs({ type: 'deliver', issueId: 'no-such-issue', recipients: [] });
    case 'feedback':
      return {
        Records: [
          {
            EventSource: 'aws:sns',
            Sns: {
              Type: 'Notification',
              MessageId: randomUUID(),
              TopicArn: 'arn:aws:sns:eu-west-1:123456789012:feedback',
              Message: JSON.stringify({
                eventType: 'Delivery',
                mail: {
                  timestamp: now.toISOString(),
                  messageId: randomUUID(),
                  destination: ['a@example.org'],
                },
                delivery: { timestamp: now.toISOString(), recipients: ['a@example.org'] },
              }),
              Timestamp: now.toISOString(),
            },
          },
        ],
      };
    case 'schedule':
      return { frequency: 'weekly' };
    case 'poll-feeds':
      return { 'detail-type': 'Scheduled Event', source: 'aws.events', time: now.toISOString(), detail: {} };
    case 'ingest':
      return sqs({ type: 'summarise', developmentId: 'no-such-development' });
  }
}

export async function benchColdStart(options: { runs: number }) {
  const outdir = mkdtempSync(join(tmpdir(), 'talkwatch-bench-cdk-'));
  const [dynamo, ses, sqs] = await Promise.all([
    startDynamo({ port: 0 }),
    startSes({ port: 0 }),
    startFakeSqs(),
  ]);
  try {
    note('cold start: synthesising the CDK app with bundling');
    const bundles = buildBundles(outdir);
    const table = 'bench-cold';
    const clients = createDynamoClients({
      region: 'eu-west-1',
      endpoint: dynamo.url,
      credentials: LOCAL_CREDENTIALS,
    });
    await ensureTable(clients.client, table);
    clients.client.destroy();
    const env = {
      TABLE_NAME: table,
      DYNAMODB_ENDPOINT: dynamo.url,
      SES_ENDPOINT: ses.url,
      SQS_ENDPOINT: sqs.endpoint,
      DISPATCH_QUEUE_URL: `${sqs.endpoint}/123456789012/dispatch`,
      SEND_QUEUE_URL: `${sqs.endpoint}/123456789012/send`,
      INGEST_QUEUE_URL: `${sqs.endpoint}/123456789012/ingest`,
      PUBLIC_URL: 'https://talkwatch.example',
      MAX_SEND_RATE: '14',
      LOG_LEVEL: 'ERROR',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      SECRETS_JSON: JSON.stringify({ seed: randomUUID().replaceAll('-', '') }),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const bare: number[] = [];
    for (let i = 0; i < options.runs; i++) bare.push(await timeProcess(['-e', '0'], {}));
    const bareMs = median(bare);
    const bundleKb = {} as Record<FunctionName, number>;
    const coldStartMs = {} as Record<FunctionName, number>;
    const coldStartRatio = {} as Record<FunctionName, number>;
    for (const name of FUNCTIONS) {
      bundleKb[name] = round(statSync(bundles[name]).size / 1024, 1);
      const times: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        times.push(
          await timeProcess(['--input-type=module', '-e', RUNNER, pathToFileURL(bundles[name]).href], {
            ...env,
            BENCH_EVENT: JSON.stringify(firstEvent(name)),
          }),
        );
      }
      coldStartMs[name] = round(median(times));
      coldStartRatio[name] = round(median(times) / bareMs, 2);
      note(
        `cold start: ${name} ${bundleKb[name]} KB, ${coldStartMs[name]} ms (${coldStartRatio[name]}× node -e 0)`,
      );
    }
    return { bundleKb, coldStartMs, coldStartRatio, bareNodeMs: round(bareMs), coldStartRuns: options.runs };
  } finally {
    await Promise.all([dynamo.close(), ses.close(), sqs.close()]);
    rmSync(outdir, { recursive: true, force: true });
  }
}
