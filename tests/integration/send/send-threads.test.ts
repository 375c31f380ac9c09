// The local stack's send queue on worker threads (functions/local/send-threads.ts): a digest reaches
// every reader exactly once when several threads share the send rate, and the threads, not the main
// thread, send it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSes } from '../../../functions/local/emulators';
import { generateSecrets } from '../../../functions/local/secrets';
import { type LocalStack, startLocalStack } from '../../../functions/local/stack';
import { seedSubscribers, signedHeaders } from '../../support/delivery';
import { until } from '../../support/until';

const N = 60;
const cleanup: Array<() => Promise<unknown> | unknown> = [];
afterAll(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('send threads', () => {
  it('mail every reader of a digest exactly once, from two threads sharing the rate', async () => {
    const ses = await startSes({ port: 0 });
    cleanup.push(() => ses.close());
    const dataDir = mkdtempSync(join(tmpdir(), 'talkwatch-threads-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const stack: LocalStack = await startLocalStack({
      env: {
        ...generateSecrets(),
        PORT: '0',
        DYNAMODB_PORT: '0',
        DATA_DIR: dataDir,
        SES_ENDPOINT: ses.url,
        MAX_SEND_RATE: '30',
        SEND_THREADS: '2',
        LOG_LEVEL: 'ERROR',
      },
    });
    cleanup.push(() => stack.close());
    const threads = await stack.sendThreads;
    expect(threads?.count).toBe(2);

    const subscribers = await seedSubscribers(stack.deps.subscribers, N);
    const domain = subscribers[0]!.email.split('@')[1]!;
    const body = JSON.stringify({
      topic: 'us-russia-ukraine',
      kind: 'digest',
      since: '2025-01-01T00:00:00Z',
    });
    const res = await fetch(`${stack.appUrl}/webhooks/send`, {
      method: 'POST',
      body,
      headers: signedHeaders(body, { secret: stack.config.WEBHOOK_SECRET_SEND[0]! }),
    });
    expect(res.status).toBe(202);

    const mailed = await until('every reader mailed', async () => {
      const { emails } = (await (await fetch(`${ses.url}/store`)).json()) as {
        emails: Array<{ destination: { to: string[] } }>;
      };
      const to = emails.flatMap((e) => e.destination.to).filter((a) => a.endsWith(`@${domain}`));
      return to.length >= N ? to : undefined;
    });
    await stack.queues.send.idle();
    const perReader = new Map<string, number>();
    for (const a of mailed) perReader.set(a, (perReader.get(a) ?? 0) + 1);
    expect([...perReader.keys()].sort()).toEqual(subscribers.map((s) => s.email).sort());
    expect([...perReader.values()].every((n) => n === 1)).toBe(true);
    // The claims and outcomes went through the threads' own store clients.
    expect(await threads!.storeRequests()).toBeGreaterThanOrEqual(N);
  }, 120_000);
});
