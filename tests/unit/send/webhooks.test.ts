import { Hono } from 'hono';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../../functions/app/types';
import { verifyWebhook } from '../../../functions/app/webhooks';
import type { Config } from '../../../functions/config';
import type { Deps } from '../../../functions/deps';
import { generateSecrets } from '../../../functions/local/secrets';

const NOW = new Date('2025-11-20T10:00:00Z');
const oldSecret = generateSecrets().WEBHOOK_SECRET;
const newSecret = generateSecrets().WEBHOOK_SECRET;
const strangerSecret = generateSecrets().WEBHOOK_SECRET;

function appWith(secrets: string[]) {
  const config = { WEBHOOK_SECRET: secrets } as unknown as Config;
  const deps = { config, clock: { now: () => NOW } } as unknown as Deps;
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('config', config);
    await next();
  });
  app.post('/hook', verifyWebhook(), (c) => c.json(c.get('webhook')));
  return app;
}

function signed(secret: string, body: string, { id = 'msg_1', at = NOW } = {}) {
  const signature = new Webhook(secret).sign(id, at, body);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  };
}

const body = JSON.stringify({ topic: 'us-russia-ukraine', kind: 'digest' });

async function post(app: Hono<AppEnv>, headers: Record<string, string>, payload = body) {
  const res = await app.request('/hook', { method: 'POST', body: payload, headers });
  return { status: res.status, json: (await res.json()) as Record<string, string> };
}

describe('verifyWebhook (Standard Webhooks)', () => {
  it('accepts a request signed by the standardwebhooks package and exposes id and raw body', async () => {
    const res = await post(appWith([newSecret]), signed(newSecret, body));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: 'msg_1', body });
  });

  it('accepts any configured secret during rotation, and any of several v1 signatures', async () => {
    const app = appWith([newSecret, oldSecret]);
    expect((await post(app, signed(oldSecret, body))).status).toBe(200);
    const both = signed(strangerSecret, body);
    both['webhook-signature'] =
      `${both['webhook-signature']} ${signed(oldSecret, body)['webhook-signature']}`;
    expect((await post(app, both)).status).toBe(200);
  });

  it('rejects an unsigned request with a reason', async () => {
    const res = await post(appWith([newSecret]), {});
    expect(res.status).toBe(401);
    expect(res.json.error).toMatch(/Missing webhook-id/);
  });

  it('rejects a signature made with another secret', async () => {
    const res = await post(appWith([newSecret]), signed(strangerSecret, body));
    expect(res.status).toBe(401);
    expect(res.json.error).toMatch(/does not match/);
  });

  it('rejects a body changed after signing (verification is over the raw bytes)', async () => {
    const res = await post(appWith([newSecret]), signed(newSecret, body), `${body} `);
    expect(res.status).toBe(401);
  });

  it('rejects timestamps more than 5 minutes old or ahead, accepts within', async () => {
    const app = appWith([newSecret]);
    const old = await post(app, signed(newSecret, body, { at: new Date(NOW.getTime() - 301_000) }));
    expect(old).toMatchObject({ status: 401, json: { error: 'webhook-timestamp is too old' } });
    const ahead = await post(app, signed(newSecret, body, { at: new Date(NOW.getTime() + 301_000) }));
    expect(ahead).toMatchObject({ status: 401, json: { error: 'webhook-timestamp is in the future' } });
    const edge = await post(app, signed(newSecret, body, { at: new Date(NOW.getTime() - 299_000) }));
    expect(edge.status).toBe(200);
  });

  it('rejects a malformed timestamp and a header with no v1 signature', async () => {
    const app = appWith([newSecret]);
    const headers = signed(newSecret, body);
    expect((await post(app, { ...headers, 'webhook-timestamp': 'yesterday' })).json.error).toMatch(
      /unix seconds/,
    );
    const v2 = await post(app, { ...headers, 'webhook-signature': 'v2,abc' });
    expect(v2).toMatchObject({ status: 401, json: { error: 'webhook-signature has no v1 signature' } });
  });
});
