// POST /webhooks/developments, signed by an independent Standard Webhooks implementation.
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/app/create-app';
import { MAX_BODY_CHARS, parseDevelopmentText } from '../../../functions/domain/developments/input';
import { createIngestHandler } from '../../../functions/workers/ingest-worker';
import { TEST_SECRETS, testDeps } from '../../support/env';

const seed = parseDevelopmentText(
  readFileSync('data/developments/2025-12-02-witkoff-putin-moscow.md', 'utf8'),
);

function signed(body: string, id = `msg_${Math.random().toString(36).slice(2)}`) {
  const now = new Date();
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(TEST_SECRETS.WEBHOOK_SECRET_DEVELOPMENTS).sign(id, now, body),
    },
    body,
  };
}

describe('POST /webhooks/developments', () => {
  it('stores and queues a signed development, the ingest consumer summarises it and requests an alert, and a redelivery is the same result', async () => {
    const deps = await testDeps();
    const alerts: unknown[] = [];
    deps.queues.dispatch.send = async (m) => void alerts.push(...m);
    const app = createApp(deps);
    const body = JSON.stringify(seed);
    const first = await app.request('/webhooks/developments', signed(body, 'msg_same'));
    expect(first.status).toBe(202);
    const firstJson = await first.json();
    expect(firstJson.results).toEqual([expect.objectContaining({ created: true, outcome: 'new' })]);
    const id = firstJson.results[0].id;
    expect(deps.queues.ingest.depth).toBe(1);

    deps.queues.ingest.consume(createIngestHandler(deps));
    await deps.queues.ingest.idle();
    expect((await deps.developments.get(id))?.summary.quotes.length).toBeGreaterThan(0);
    expect(alerts).toEqual([{ type: 'alert-request', topic: 'us-russia-ukraine', developmentId: id }]);

    const again = await app.request('/webhooks/developments', signed(body, 'msg_same'));
    expect(again.status).toBe(200);
    expect((await again.json()).results).toEqual([expect.objectContaining({ id, created: false })]);
    await deps.queues.ingest.idle();
    expect(alerts).toHaveLength(1);
  });

  it('answers a huge, slow-to-summarise body before any text analysis: GET /health is not held up', async () => {
    const deps = await testDeps();
    const app = createApp(deps);
    // The inputs that took the old inline summariser seconds: 60,000 characters of "Aa " and of "(".
    for (const [name, text] of [
      ['Aa', 'Aa '.repeat(MAX_BODY_CHARS / 3)],
      ['parens', `Talks. ${'('.repeat(MAX_BODY_CHARS - 7)}`],
    ] as const) {
      const report = { ...seed, url: `https://example.org/${name}`, body: text.slice(0, MAX_BODY_CHARS) };
      const health = app.request('/health');
      const res = await app.request('/webhooks/developments', signed(JSON.stringify(report)));
      expect(res.status, name).toBe(202);
      expect((await health).status, name).toBe(200);
      // Stored and queued, not summarised: that work waits for the ingest consumer (its own Lambda in
      // AWS), so the API answered without it.
      const { id } = (await res.json()).results[0];
      expect(await deps.developments.get(id), name).toBeUndefined();
      expect(await deps.developments.getStored(id), name).toMatchObject({ pending: { summary: true } });
    }
    expect(deps.queues.ingest.depth).toBe(2);
    expect((await app.request('/health')).status).toBe(200);
  });

  it('refuses a body over the length limit with 400 naming the field', async () => {
    const app = createApp(await testDeps());
    const report = { ...seed, body: 'word '.repeat(MAX_BODY_CHARS / 5 + 1) };
    const res = await app.request('/webhooks/developments', signed(JSON.stringify(report)));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: `body: must be at most ${MAX_BODY_CHARS} characters`,
      field: 'body',
    });
  });

  it('accepts a list and names the field of a bad item without storing any', async () => {
    const deps = await testDeps();
    const app = createApp(deps);
    const list = [seed, { ...seed, url: 'not a url' }];
    const res = await app.request('/webhooks/developments', signed(JSON.stringify(list)));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: '[1].url: must be an absolute http(s) URL', field: '[1].url' });
    expect(await deps.developments.listByTopic('us-russia-ukraine')).toEqual([]);
  });

  it('rejects a body that is not JSON with 400, and an unsigned request with 401', async () => {
    const app = createApp(await testDeps());
    const bad = await app.request('/webhooks/developments', signed('{nope'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).field).toBe('body');
    const unsigned = await app.request('/webhooks/developments', {
      method: 'POST',
      body: JSON.stringify(seed),
    });
    expect(unsigned.status).toBe(401);
  });
});

describe('GET /developments/:id', () => {
  it('tells an operator whether a received report is summarised yet, behind the admin token', async () => {
    const deps = await testDeps();
    const app = createApp(deps);
    const res = await app.request('/webhooks/developments', signed(JSON.stringify(seed)));
    const id = (await res.json()).results[0].id as string;
    const admin = { headers: { authorization: `Bearer ${deps.config.ADMIN_TOKEN}` } };

    expect((await app.request(`/developments/${id}`)).status).toBe(401);
    expect(await (await app.request(`/developments/${id}`, admin)).json()).toMatchObject({
      id,
      status: 'received',
      level: null,
    });
    deps.queues.ingest.consume(createIngestHandler(deps));
    await deps.queues.ingest.idle();
    expect(await (await app.request(`/developments/${id}`, admin)).json()).toMatchObject({
      status: 'summarised',
      level: expect.stringMatching(/^(?:alert|digest)$/),
    });
    expect((await app.request(`/developments/dev_${'x'.repeat(3000)}`, admin)).status).toBe(404);
    expect((await app.request('/developments/dev_unknown', admin)).status).toBe(404);
  });
});
