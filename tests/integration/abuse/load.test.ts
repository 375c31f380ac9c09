// Load: 1,000 concurrent subscribe and unsubscribe requests for overlapping addresses against the
// real local server. Every address must end in the state of its last acknowledged request.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSubscriberToken } from '../../../functions/domain/subscribers/link-tokens';
import { type LocalStack, startLocalStack } from '../../../functions/local/stack';
import { activeSubscriber } from '../../support/delivery';
import { subscriberIdFor } from '../../support/ids';

const ADDRESSES = 100;
const REQUESTS = 1000;

interface Sent {
  email: string;
  op: 'subscribe' | 'unsubscribe';
  startedAt: number;
  ackedAt: number;
  status: number;
}

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({
    skipSeed: true,
    env: {
      PORT: '0',
      SES_PORT: '0',
      DYNAMODB_PORT: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'talkwatch-load-')),
      LOG_LEVEL: 'ERROR',
      RATE_LIMIT_SUBSCRIBE_PER_IP: '1000000',
      RATE_LIMIT_SUBSCRIBE_PER_ADDRESS: '1000000',
      RATE_LIMIT_TOKEN_ACTIONS_PER_IP: '1000000',
    },
  });
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

describe('concurrent subscribe and unsubscribe', () => {
  it('leaves every address in the state of its last acknowledged request', async () => {
    const emails = Array.from({ length: ADDRESSES }, (_, i) => `load${i}@load.example.org`);
    for (const email of emails) await stack.deps.subscribers.put(activeSubscriber(email));

    // A fixed pseudo-random plan so a failure can be replayed.
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const plan = Array.from({ length: REQUESTS }, () => ({
      email: emails[Math.floor(next() * ADDRESSES)]!,
      op: next() < 0.5 ? ('subscribe' as const) : ('unsubscribe' as const),
    }));

    const url = stack.appUrl;
    const sent: Sent[] = await Promise.all(
      plan.map(async ({ email, op }) => {
        const startedAt = performance.now();
        const res =
          op === 'subscribe'
            ? await fetch(`${url}/subscribe`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ email }),
              })
            : await fetch(
                `${url}/unsubscribe?token=${signSubscriberToken(stack.config.TOKEN_KEYS, 'unsubscribe', subscriberIdFor(email))}`,
                {
                  method: 'POST',
                  headers: { 'content-type': 'application/x-www-form-urlencoded' },
                  body: 'List-Unsubscribe=One-Click',
                },
              );
        await res.arrayBuffer();
        return { email, op, startedAt, ackedAt: performance.now(), status: res.status };
      }),
    );

    const failed = sent.filter((s) => s.status !== (s.op === 'subscribe' ? 202 : 200));
    expect(failed.map((f) => `${f.op} ${f.email}: ${f.status}`)).toEqual([]);
    await stack.queues.send.idle();

    const touched = new Set(plan.map((p) => p.email));
    let checked = 0;
    for (const email of touched) {
      const mine = sent.filter((s) => s.email === email);
      // The last acknowledged request, allowing for requests that overlapped it in time: any request
      // that no other request for the address started after it was acknowledged.
      const candidates = mine.filter((a) => !mine.some((b) => b !== a && b.startedAt > a.ackedAt));
      const allowed = new Set(
        candidates.map((c) => (c.op === 'unsubscribe' ? 'unsubscribed' : 'subscribed')),
      );
      const stored = await stack.deps.subscribers.get(subscriberIdFor(email));
      expect(stored, email).toBeDefined();
      const state = stored!.status === 'unsubscribed' ? 'unsubscribed' : 'subscribed';
      expect(allowed, `${email} ended ${state}`).toContain(state);
      checked++;
    }
    expect(checked).toBe(touched.size);
  }, 300_000);
});
