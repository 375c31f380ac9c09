// API benchmark: POST /subscribe under autocannon (a unique address per request) against the local
// server in a child process; requests/s, p99 latency, errors; then every accepted (2xx) address is
// looked up in the store: its PROFILE item must exist exactly once with that address.
import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { createDynamoClients } from '../functions/adapters/dynamodb/client';
import { subscriberIdFor } from '../functions/domain/subscribers/email';
import { LOCAL_CREDENTIALS } from '../functions/local/stack';
import { runChild } from './processes';
import { note, rawStoreOpsPerSecond, round, TOPIC } from './support';

interface ServerInfo {
  appUrl?: string;
  queued?: number;
  storeCalls?: number;
  serverCpuMs?: number;
  dynamoEndpoint: string;
  table: string;
  /** The server's SUBSCRIBER_ID_KEY, to find the records it stored. */
  idKey: string;
}

/**
 * `amount` (the smoke run) makes that many requests whatever the time they take, so a loaded CI
 * machine still gets answers to check; the measured run loads for `seconds`.
 */
export async function benchApi(options: { connections: number; seconds: number; amount?: number }) {
  const server = runChild<ServerInfo>('api-server.ts');
  try {
    const info = await server.ready;
    const domain = `load-${randomUUID().slice(0, 8)}.example.org`;
    let counter = 0;
    const accepted: string[] = [];
    // One request first, so the server's first-call costs (lazy imports, JIT) stay out of the figures.
    await fetch(`${info.appUrl}/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email: `warmup@${domain}`, topics: [TOPIC], frequency: 'daily' }),
    });
    const load = options.amount ? `${options.amount} requests` : `${options.seconds} s`;
    note(`api: POST /subscribe, ${options.connections} connections, ${load}`);
    const result = await autocannon({
      url: info.appUrl!,
      connections: options.connections,
      ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
      requests: [
        {
          method: 'POST',
          path: '/subscribe',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          setupRequest: (req, context) => {
            const email = `reader${counter++}@${domain}`;
            (context as { email?: string }).email = email;
            return { ...req, body: JSON.stringify({ email, topics: [TOPIC], frequency: 'daily' }) };
          },
          onResponse: (status, _body, context) => {
            if (status >= 200 && status < 300) accepted.push((context as { email: string }).email);
          },
        },
      ],
    });
    const errors = result.non2xx + result.errors + result.timeouts;
    note(`api: checking ${accepted.length} accepted addresses in the store`);
    const lostOrDoubled = await checkStored(info, accepted);
    note('api: the store alone, raw UpdateItem calls at the same concurrency');
    const storeOpsPerSecond = await rawStoreOpsPerSecond(
      info.dynamoEndpoint,
      info.table,
      options.connections,
      Math.min(options.seconds, 5),
    );
    // Requests autocannon gave up on at the end of the run may still be finishing.
    await new Promise((r) => setTimeout(r, 1000));
    await server.stop();
    const { queued, storeCalls, serverCpuMs } = await server.done;
    const callsPerRequest = (storeCalls ?? 0) / Math.max(1, queued ?? 0);
    return {
      apiConnections: options.connections,
      apiSeconds: options.amount ? round(result.duration, 1) : options.seconds,
      apiRequestsPerSecond: round(result.requests.average),
      apiP99Ms: round(result.latency.p99, 1),
      apiErrors: errors,
      apiAccepted: accepted.length,
      apiLostOrDoubled: lostOrDoubled,
      apiConfirmationsQueued: queued ?? 0,
      apiStoreOpsPerSecond: round(storeOpsPerSecond),
      apiStoreCallsPerRequest: round(callsPerRequest, 1),
      storeCallsPerSubscribe: round(callsPerRequest, 1),
      // The API process's own CPU per subscribe (warm-up request included): with the store's CPU per
      // call, what bounds requests/s on a machine this size whatever else runs on it.
      apiServerCpuMsPerSubscribe: round((serverCpuMs ?? 0) / Math.max(1, queued ?? 0), 2),
      // Requests/s times store calls per request near the store's ceiling: the emulator is the limit.
      apiBottleneck:
        result.requests.average * callsPerRequest >= storeOpsPerSecond * 0.7
          ? 'DynamoDB emulator'
          : 'Talkwatch',
    };
  } finally {
    await server.stop();
  }
}

/** Addresses whose profile is missing, stored more than once, or stored under another address. */
async function checkStored(info: ServerInfo, emails: string[]): Promise<number> {
  const clients = createDynamoClients({
    region: 'eu-west-1',
    endpoint: info.dynamoEndpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  let bad = new Set(emails).size === emails.length ? 0 : emails.length - new Set(emails).size;
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < emails.length) {
        const email = emails[next++]!;
        const out = await clients.doc.send(
          new QueryCommand({
            TableName: info.table,
            KeyConditionExpression: 'pk = :pk AND sk = :sk',
            ExpressionAttributeValues: {
              ':pk': `SUB#${subscriberIdFor(email, info.idKey)}`,
              ':sk': 'PROFILE',
            },
            ConsistentRead: true,
          }),
        );
        const items = out.Items ?? [];
        if (items.length !== 1 || items[0]!.email !== email) bad++;
      }
    }),
  );
  clients.client.destroy();
  return bad;
}
