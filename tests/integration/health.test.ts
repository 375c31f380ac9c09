import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app/create-app';
import { testDeps } from '../support/env';

describe('GET /health', () => {
  it('answers 200 when the store and the mailer are reachable', async () => {
    const app = createApp(await testDeps());
    const res = await app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: 'ok', mailer: 'ok' });
  });

  it('answers 503 and names the dependency that is down', async () => {
    const app = createApp(await testDeps({ SES_ENDPOINT: 'http://127.0.0.1:9' }));
    const res = await app.request('/health');
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({ store: 'ok', mailer: 'unavailable' });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const app = createApp(await testDeps());
    const res = await app.request('/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'No route for GET /nope' });
  });
});
