import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app/create-app';
import { type RunningSes, startSes } from '../../functions/local/emulators';
import type { SesIdentities } from '../../functions/local/ses-emulator-extras';
import { testDeps } from '../support/env';

const emulators: RunningSes[] = [];
afterAll(async () => {
  for (const ses of emulators) await ses.close();
});

/** An SES emulator that answers GetEmailIdentity like SES for these identities. */
async function sesKnowing(identities: SesIdentities): Promise<string> {
  const ses = await startSes({ port: 0, identities });
  emulators.push(ses);
  return ses.url;
}

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

  it.each<[string, SesIdentities]>([
    ['an address whose domain is not an identity', {}],
    ['a domain still pending verification', { 'news.example.org': 'PENDING' }],
  ])('answers 503 when SES would refuse the sender: %s', async (_name, identities) => {
    const deps = await testDeps({
      SES_ENDPOINT: await sesKnowing(identities),
      FROM_ADDRESS: 'Talkwatch <alerts@news.example.org>',
    });
    const res = await createApp(deps).request('/health');
    expect(res.status).toBe(503);
    // Which dependency, never why: the reason (SES's words) is logged for the operator, not shown.
    expect(await res.json()).toEqual({ status: 'unavailable', store: 'ok', mailer: 'unavailable' });
  });

  it.each<[string, SesIdentities]>([
    ['the address is verified', { 'alerts@news.example.org': 'SUCCESS' }],
    ['its domain is', { 'news.example.org': 'SUCCESS' }],
    ['a parent domain is', { 'example.org': 'SUCCESS' }],
  ])('answers 200 when %s', async (_name, identities) => {
    const deps = await testDeps({
      SES_ENDPOINT: await sesKnowing(identities),
      FROM_ADDRESS: 'Talkwatch <alerts@news.example.org>',
    });
    expect((await createApp(deps).request('/health')).status).toBe(200);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const app = createApp(await testDeps());
    const res = await app.request('/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'No route for GET /nope' });
  });
});
