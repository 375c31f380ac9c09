// POST /webhooks/send, GET /issues/:id, the archive and the feed, against the real store.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/app/create-app';
import { createDispatchHandler } from '../../../functions/handlers/dispatch-handler';
import { createSendHandler } from '../../../functions/handlers/send-handler';
import { generateSecrets } from '../../../functions/local/secrets';
import { seedSubscribers, signedHeaders } from '../../support/delivery';
import { sampleDevelopment } from '../../support/development-store-contract';
import { TEST_SECRETS, type TestDeps, testDeps } from '../../support/env';

const digest = JSON.stringify({ topic: 'us-russia-ukraine', kind: 'digest', since: '2025-12-01T00:00:00Z' });

async function setup() {
  const deps = await testDeps();
  return { deps, app: createApp(deps) };
}

async function settle(deps: TestDeps) {
  for (let i = 0; i < 3; i++) {
    await deps.queues.dispatch.idle();
    await deps.queues.send.idle();
  }
}

function post(app: ReturnType<typeof createApp>, body: string, headers: Record<string, string>) {
  return app.request('/webhooks/send', { method: 'POST', body, headers });
}

describe('POST /webhooks/send', () => {
  it('answers 202 with the issue id once the issue is stored and its dispatch enqueued', async () => {
    const { deps, app } = await setup();
    const res = await post(app, digest, signedHeaders(digest));
    expect(res.status).toBe(202);
    const { issueId } = (await res.json()) as { issueId: string };
    const issue = await deps.issues.get(issueId);
    expect(issue).toMatchObject({ topic: 'us-russia-ukraine', kind: 'digest', status: 'requested' });
    expect(deps.queues.dispatch.depth).toBe(1);
  });

  it('makes one issue when the same webhook-id arrives twice', async () => {
    const { deps, app } = await setup();
    const headers = signedHeaders(digest, { id: 'msg_same' });
    const first = (await (await post(app, digest, headers)).json()) as { issueId: string };
    const again = await post(app, digest, signedHeaders(digest, { id: 'msg_same' }));
    expect(again.status).toBe(202);
    expect(((await again.json()) as { issueId: string }).issueId).toBe(first.issueId);
    expect(await deps.issues.listOpen()).toHaveLength(1);
  });

  it.each([
    ['unsigned', () => ({ 'content-type': 'application/json' }), 401, /Missing webhook-id/],
    [
      'signed with another secret',
      () => signedHeaders(digest, { secret: generateSecrets().WEBHOOK_SECRET_SEND }),
      401,
      /does not match/,
    ],
    ['stale', () => signedHeaders(digest, { at: new Date(Date.now() - 10 * 60_000) }), 401, /too old/],
  ])('rejects a %s request with a reason and changes nothing', async (_name, headers, status, reason) => {
    const { deps, app } = await setup();
    const res = await post(app, digest, headers() as Record<string, string>);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(reason);
    expect(await deps.issues.listOpen()).toEqual([]);
    expect(deps.queues.dispatch.depth).toBe(0);
  });

  it.each([
    ['not JSON', '{nope', /JSON/],
    ['an unknown kind', JSON.stringify({ topic: 'us-russia-ukraine', kind: 'weekly' }), /kind/],
    ['an unknown topic', JSON.stringify({ topic: 'mars', kind: 'digest' }), /unknown topic/],
    [
      'a bad since',
      JSON.stringify({ topic: 'us-russia-ukraine', kind: 'digest', since: 'yesterday' }),
      /since/,
    ],
    [
      'an unknown field',
      JSON.stringify({ topic: 'us-russia-ukraine', kind: 'digest', to: 'all' }),
      /to|Unrecognized/,
    ],
  ])('rejects a signed body with %s with 400 and changes nothing', async (_name, body, reason) => {
    const { deps, app } = await setup();
    const res = await post(app, body, signedHeaders(body));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(reason);
    expect(await deps.issues.listOpen()).toEqual([]);
  });

  it('a dry run renders the issue but mails nobody', async () => {
    const { deps, app } = await setup();
    deps.queues.dispatch.consume(createDispatchHandler(deps));
    deps.queues.send.consume(createSendHandler(deps));
    await deps.developments.add(sampleDevelopment());
    await seedSubscribers(deps.subscribers, 3);
    const body = JSON.stringify({
      topic: 'us-russia-ukraine',
      kind: 'digest',
      since: '2025-12-01T00:00:00Z',
      dryRun: true,
    });
    const { issueId } = (await (await post(app, body, signedHeaders(body))).json()) as { issueId: string };
    await settle(deps);
    const status = await app.request(`/issues/${issueId}`, {
      headers: { authorization: `Bearer ${deps.config.ADMIN_TOKEN}` },
    });
    // Recipients: who would get it; nobody did.
    expect(await status.json()).toMatchObject({ status: 'dry-run', counts: { recipients: 3, sent: 0 } });
    expect(await deps.issues.getTemplate(issueId)).toMatchObject({
      subject: expect.any(String),
    });
  });
});

describe('GET /issues/:id', () => {
  it('needs the admin bearer token', async () => {
    const { app } = await setup();
    expect((await app.request('/issues/x')).status).toBe(401);
    const wrong = await app.request('/issues/x', { headers: { authorization: `Bearer ${'x'.repeat(32)}` } });
    expect(wrong.status).toBe(401);
  });

  it('404s an unknown issue', async () => {
    const { deps, app } = await setup();
    const res = await app.request('/issues/nope', {
      headers: { authorization: `Bearer ${deps.config.ADMIN_TOKEN}` },
    });
    expect(res.status).toBe(404);
  });
});

describe('archive and feed', () => {
  it('lists sent issues, shows each web version escaped, and publishes them as Atom', async () => {
    const { deps, app } = await setup();
    deps.queues.dispatch.consume(createDispatchHandler(deps));
    deps.queues.send.consume(createSendHandler(deps));
    await deps.developments.add(
      sampleDevelopment({
        title: 'Envoys <script>alert(1)</script> meet',
        publishedAt: '2025-12-02T10:00:00.000Z',
      }),
    );
    await seedSubscribers(deps.subscribers, 2);
    const { issueId } = (await (await post(app, digest, signedHeaders(digest))).json()) as {
      issueId: string;
    };
    await settle(deps);

    const index = await app.request('/archive');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain(`/archive/${issueId}`);
    const page = await app.request(`/archive/${issueId}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Envoys &lt;script&gt;alert(1)&lt;/script&gt; meet');
    expect(html).not.toContain('<script>alert(1)');
    expect((await app.request('/archive/unknown')).status).toBe(404);

    const feed = await app.request('/feed.xml');
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await feed.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toContain(`${deps.config.PUBLIC_URL}/archive/${issueId}`);
    expect(TEST_SECRETS.WEBHOOK_SECRET_SEND).toMatch(/^whsec_/);
  });
});
