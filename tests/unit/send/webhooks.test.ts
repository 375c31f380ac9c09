import { Hono } from 'hono';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../../functions/app/types';
import { verifyWebhook, WEBHOOK_BODY_LIMITS, type WebhookRoute } from '../../../functions/app/webhooks';
import type { Config } from '../../../functions/config';
import type { Deps } from '../../../functions/deps';
import { generateSecrets } from '../../../functions/local/secrets';

const NOW = new Date('2025-11-20T10:00:00Z');
const oldSecret = generateSecrets().WEBHOOK_SECRET_SEND;
const newSecret = generateSecrets().WEBHOOK_SECRET_SEND;
const strangerSecret = generateSecrets().WEBHOOK_SECRET_SEND;
const routeSecrets = generateSecrets();

function appWith(secrets: string[]) {
  const config = { WEBHOOK_SECRET_SEND: secrets } as unknown as Config;
  const deps = { config, clock: { now: () => NOW } } as unknown as Deps;
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('config', config);
    await next();
  });
  app.post('/hook', verifyWebhook('send'), (c) => c.json(c.get('webhook')));
  return app;
}

/** One app with the three webhook routes, each behind its own secret, as the local stack has them. */
function appWithRoutes() {
  const config = {
    WEBHOOK_SECRET_DEVELOPMENTS: [routeSecrets.WEBHOOK_SECRET_DEVELOPMENTS],
    WEBHOOK_SECRET_SEND: [routeSecrets.WEBHOOK_SECRET_SEND],
    WEBHOOK_SECRET_SES: [routeSecrets.WEBHOOK_SECRET_SES],
  } as unknown as Config;
  const deps = { config, clock: { now: () => NOW } } as unknown as Deps;
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('config', config);
    await next();
  });
  for (const route of ['developments', 'send', 'ses'] as const) {
    app.post(`/${route}`, verifyWebhook(route), (c) => c.json(c.get('webhook')));
  }
  return app;
}

/** A chunked body (no Content-Length) of `total` bytes that counts how much the server pulled. */
function countingBody(total: number, chunk = 64 * 1024) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(120));
    },
  });
  return { stream, counter };
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

  it("refuses on every other route a request signed with one route's secret", async () => {
    const app = appWithRoutes();
    const secretOf: Record<WebhookRoute, string> = {
      developments: routeSecrets.WEBHOOK_SECRET_DEVELOPMENTS,
      send: routeSecrets.WEBHOOK_SECRET_SEND,
      ses: routeSecrets.WEBHOOK_SECRET_SES,
    };
    for (const signer of ['developments', 'send', 'ses'] as const) {
      for (const route of ['developments', 'send', 'ses'] as const) {
        const res = await app.request(`/${route}`, {
          method: 'POST',
          body,
          headers: signed(secretOf[signer], body),
        });
        expect(res.status, `${signer} secret on /${route}`).toBe(signer === route ? 200 : 401);
      }
    }
  });

  it('stops reading an unsigned chunked body at the route limit and answers 413', async () => {
    for (const route of ['developments', 'send', 'ses'] as const) {
      const { stream, counter } = countingBody(50 * 1024 * 1024);
      const res = await appWithRoutes().request(`/${route}`, {
        method: 'POST',
        body: stream,
        headers: { 'content-type': 'application/json' },
        duplex: 'half',
      } as RequestInit);
      expect(res.status, route).toBe(413);
      expect((await res.json()).error).toMatch(/Webhook body over/);
      // The 50 MB the sender offered stayed on the wire: at most the limit and one chunk were read.
      expect(counter.pulled, route).toBeLessThanOrEqual(WEBHOOK_BODY_LIMITS[route] + 2 * 64 * 1024);
    }
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const { stream, counter } = countingBody(WEBHOOK_BODY_LIMITS.send + 1);
    const res = await appWithRoutes().request('/send', {
      method: 'POST',
      body: stream,
      headers: { 'content-length': String(WEBHOOK_BODY_LIMITS.send + 1) },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024);
  });
});
