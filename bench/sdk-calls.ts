// The client-side CPU of the two SDK calls every email makes: the SES send of a digest-sized copy and
// the delivery claim, each against a server in another process that answers at once
// (bench/noop-aws.ts), so all the CPU this process spends is the SDK's, Node's HTTP and ours. Each is
// measured through the project's clients (SesMailer.sendRaw, the store's claim) and, for comparison,
// through the same clients with the SDK's default middleware (no `leanMiddleware`) and with our
// middleware but the SDK's serialiser (no hand-written bodies, `fast-requests.ts`), in alternating
// rounds so a busy machine weighs on all alike. The message is rendered in the server's process, as
// React switches on async hooks for good in a process that renders.
// `node --import tsx bench/sdk-calls.ts [calls=3000] [rounds=5]`; add `--cpu-prof
// --cpu-prof-dir=/tmp/prof` before `--import` for a profile. Prints one JSON line: median ms per call.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { requestHandlerOptions, reuseSigner } from '../functions/adapters/aws-client';
import { createDynamoClients, type DynamoClients } from '../functions/adapters/dynamodb/client';
import { DeliveryItems } from '../functions/adapters/dynamodb/delivery-items';
import { leanMiddleware } from '../functions/adapters/lean-middleware';
import { composeMime, SesMailer } from '../functions/adapters/ses/ses-mailer';
import { LOCAL_CREDENTIALS } from '../functions/local/stack';
import { runChild } from './processes';
import { median, round } from './support';

const calls = Number(process.argv[2] ?? 3000);
const rounds = Number(process.argv[3] ?? 5);
const CONCURRENCY = 16;
const server = runChild<{ url: string; html: string }>('noop-aws.ts');
const { url, html } = await server.ready;
const settings = { region: 'eu-west-1', endpoint: url, credentials: LOCAL_CREDENTIALS };

/** Runs `call` `n` times, CONCURRENCY at a time; returns CPU ms per call. */
async function cpuPerCall(call: (i: number) => Promise<unknown>, n: number): Promise<number> {
  const before = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) await call(next++);
    }),
  );
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / n;
}

type Variant = 'sdkDefaults' | 'sdkSerialiser';

/** SesMailer's send with the v1 client rebuilt: the SDK's default middleware, or ours without `fast`. */
function otherMailer(variant: Variant): SesMailer {
  const mailer = new SesMailer(settings);
  const v1 = new SESClient({
    ...settings,
    maxAttempts: 1,
    requestHandler: requestHandlerOptions(),
    cacheMiddleware: true,
  });
  reuseSigner(v1.config);
  if (variant === 'sdkSerialiser') leanMiddleware(v1, { retries: 'ours' });
  Object.assign(mailer, { v1 });
  return mailer;
}

/** The store's clients with the claim's client rebuilt the same way. */
function otherStore(variant: Variant): DynamoClients {
  const clients = createDynamoClients(settings);
  const fast = new DynamoDBClient({
    ...settings,
    requestHandler: clients.client.config.requestHandler,
    cacheMiddleware: true,
  });
  reuseSigner(fast.config);
  if (variant === 'sdkSerialiser') leanMiddleware(fast, { retries: 'sdk' });
  return { ...clients, fast };
}

try {
  // A digest copy as MailComposer builds it (about 20 KB of MIME).
  const raw = await composeMime({
    from: 'Talkwatch <alerts@talkwatch.example>',
    to: 'reader@example.org',
    subject: 'Digest',
    html,
    text: html.replace(/<[^>]+>/g, ' '),
  });
  const tags = { issue: 'bench', kind: 'digest' };
  const at = new Date().toISOString();
  const sends = {
    project: new SesMailer(settings),
    sdkDefaults: otherMailer('sdkDefaults'),
    sdkSerialiser: otherMailer('sdkSerialiser'),
  };
  const claims = {
    project: new DeliveryItems(createDynamoClients(settings), 'bench'),
    sdkDefaults: new DeliveryItems(otherStore('sdkDefaults'), 'bench'),
    sdkSerialiser: new DeliveryItems(otherStore('sdkSerialiser'), 'bench'),
  };
  const variants: Record<string, (i: number) => Promise<unknown>> = {};
  for (const which of ['project', 'sdkDefaults', 'sdkSerialiser'] as const) {
    variants[`ses.${which}`] = (i) => sends[which].sendRaw(raw, { tags: { ...tags, subscriber: `s${i}` } });
    variants[`claim.${which}`] = (i) => claims[which].claim('bench', `s${i}`, randomUUID(), at);
  }
  const samples: Record<string, number[]> = Object.fromEntries(
    Object.keys(variants).map((name) => [name, []]),
  );
  for (const call of Object.values(variants)) await cpuPerCall(call, Math.min(500, calls));
  for (let r = 0; r < rounds; r++) {
    for (const [name, call] of Object.entries(variants)) {
      samples[name]!.push(await cpuPerCall(call, calls));
    }
  }
  const result = Object.fromEntries(
    Object.entries(samples).map(([name, values]) => [name, round(median(values), 3)]),
  );
  process.stdout.write(
    `${JSON.stringify({ cpuMsPerCall: result, messageBytes: raw.length, calls, rounds })}\n`,
  );
} finally {
  await server.stop();
}
