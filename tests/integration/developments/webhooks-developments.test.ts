// POST /webhooks/developments, signed by an independent Standard Webhooks implementation.
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/app/create-app';
import { parseDevelopmentText } from '../../../functions/domain/developments/input';
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
  it('accepts a signed development, requests an alert, and treats a redelivery as the same result', async () => {
    const deps = await testDeps();
    const alerts: unknown[] = [];
    deps.queues.dispatch.send = async (m) => void alerts.push(...m);
    const app = createApp(deps);
    const body = JSON.stringify(seed);
    const first = await app.request('/webhooks/developments', signed(body, 'msg_same'));
    expect(first.status).toBe(202);
    const firstJson = await first.json();
    expect(firstJson.results).toEqual([expect.objectContaining({ created: true, alert: true })]);

    const again = await app.request('/webhooks/developments', signed(body, 'msg_same'));
    expect(again.status).toBe(200);
    expect((await again.json()).results).toEqual([
      expect.objectContaining({ id: firstJson.results[0].id, created: false }),
    ]);
    expect(alerts).toEqual([
      { type: 'alert-request', topic: 'us-russia-ukraine', developmentId: firstJson.results[0].id },
    ]);
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
