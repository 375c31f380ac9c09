// The bad-input corpus: hostile or malformed requests across every route. Each must get a 4xx with a
// clear message — never a 5xx, never a stack trace — and leave the store as it was.
import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/app/create-app';
import type { SendMessage } from '../../../functions/domain/queue-messages';
import { unsealConfirmToken } from '../../../functions/domain/subscribers/confirm-token';
import { signSubscriberToken } from '../../../functions/domain/subscribers/link-tokens';
import { activeSubscriber, signedHeaders } from '../../support/delivery';
import { TEST_SECRETS, type TestDeps, testDeps } from '../../support/env';
import { subscriberIdFor } from '../../support/ids';

type Req = { path: string; init?: RequestInit };
interface Case {
  name: string;
  request: () => Req;
  status?: number | number[];
}

let deps: TestDeps;
let app: ReturnType<typeof createApp>;
const captured: SendMessage[] = [];
const tokens = {} as Record<'usedConfirm' | 'pendingConfirm' | 'unsub' | 'prefs', string>;

const json = (path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST'): Req => ({
  path,
  init: {
    method,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  },
});
const form = (path: string, body: string, headers: Record<string, string> = {}): Req => ({
  path,
  init: {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  },
});
/** Each webhook route has its own secret: sign with the one the path's route expects. */
const routeOf = (path: string) =>
  (path.split('?')[0]!.split('/')[2] ?? 'send') as 'send' | 'developments' | 'ses';
const signed = (path: string, body: string, options: Parameters<typeof signedHeaders>[1] = {}): Req => ({
  path,
  init: { method: 'POST', body, headers: signedHeaders(body, { route: routeOf(path), ...options }) },
});
const staleAt = () => new Date(Date.now() - 6 * 60_000);
const futureAt = () => new Date(Date.now() + 6 * 60_000);
const big = (kb: number) => 'x'.repeat(kb * 1024);
const flipLast = (token: string) => token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
const subscribePaths = [
  ['JSON', (b: unknown) => json('/subscribe', b)],
  ['form', (b: Record<string, string>) => form('/subscribe', new URLSearchParams(b).toString())],
] as const;

const badEmails: Array<[string, string]> = [
  ['empty', ''],
  ['no @', 'reader.example.org'],
  ['two @', 'a@b@example.org'],
  ['CRLF header injection', 'reader@example.org\r\nBcc: victim@example.org'],
  ['LF injection', 'reader@example.org\nSubject: spam'],
  ['NUL byte', 'reader\u0000@example.org'],
  ['tab', 'reader\t@example.org'],
  ['DEL control char', 'reader\u007f@example.org'],
  ['too long (255)', `${'a'.repeat(243)}@example.org`],
  ['spaces inside', 'rea der@example.org'],
  ['script tag', '<script>alert(1)</script>@example.org'],
  ['angle brackets', 'Reader <reader@example.org>'],
  ['no domain', 'reader@'],
  ['no local part', '@example.org'],
  ['domain with space', 'reader@exa mple.org'],
  ['unicode RTL override', 'reader\u202e@example.org'],
  ['zero-width space', 'rea\u200bder@example.org'],
  ['comma list', 'a@example.org,b@example.org'],
  ['semicolon list', 'a@example.org;b@example.org'],
];

const cases: Case[] = [
  // POST /subscribe: broken bodies and wrong types
  { name: 'subscribe: broken JSON', request: () => json('/subscribe', '{"email": "a@example.org"') },
  { name: 'subscribe: JSON array', request: () => json('/subscribe', '[]') },
  { name: 'subscribe: JSON string', request: () => json('/subscribe', '"a@example.org"') },
  { name: 'subscribe: JSON null', request: () => json('/subscribe', 'null') },
  { name: 'subscribe: JSON number', request: () => json('/subscribe', '42') },
  { name: 'subscribe: empty JSON body', request: () => json('/subscribe', '') },
  { name: 'subscribe: missing email', request: () => json('/subscribe', {}) },
  { name: 'subscribe: email is a number', request: () => json('/subscribe', { email: 42 }) },
  { name: 'subscribe: email is an object', request: () => json('/subscribe', { email: { $ne: null } }) },
  { name: 'subscribe: email is an array', request: () => json('/subscribe', { email: ['a@example.org'] }) },
  {
    name: 'subscribe: unknown topic',
    request: () => json('/subscribe', { email: 'a@example.org', topics: ['nope'] }),
  },
  {
    name: 'subscribe: topics not a list',
    request: () => json('/subscribe', { email: 'a@example.org', topics: 7 }),
  },
  {
    name: 'subscribe: topic with script',
    request: () => json('/subscribe', { email: 'a@example.org', topics: ['<script>x</script>'] }),
  },
  {
    name: 'subscribe: unknown frequency',
    request: () => json('/subscribe', { email: 'a@example.org', frequency: 'hourly' }),
  },
  {
    name: 'subscribe: frequency number',
    request: () => json('/subscribe', { email: 'a@example.org', frequency: 1 }),
  },
  {
    name: 'subscribe: body over 16 KB (JSON)',
    request: () => json('/subscribe', { email: 'a@example.org', pad: big(17) }),
    status: 413,
  },
  {
    name: 'subscribe: body over 16 KB (form)',
    request: () => form('/subscribe', `email=a%40example.org&pad=${big(17)}`),
    status: 413,
  },
  {
    name: 'subscribe: body over 16 KB, no content-length',
    request: () => ({
      path: '/subscribe',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({
          start(controller) {
            controller.enqueue(
              new TextEncoder().encode(JSON.stringify({ email: 'a@example.org', pad: big(20) })),
            );
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit,
    }),
    status: 413,
  },
  { name: 'subscribe: form without email', request: () => form('/subscribe', 'frequency=daily') },
  {
    name: 'subscribe: form with two emails',
    request: () => form('/subscribe', 'email=a%40example.org&email=b%40example.org'),
  },
  ...subscribePaths.flatMap(([kind, build]) =>
    badEmails.map(([label, email]) => ({
      name: `subscribe (${kind}): email ${label}`,
      request: () => build({ email }),
    })),
  ),

  // /confirm: forged, used and malformed tokens
  { name: 'confirm GET: no token', request: () => ({ path: '/confirm' }) },
  { name: 'confirm GET: garbage token', request: () => ({ path: '/confirm?token=%3Cscript%3E' }) },
  { name: 'confirm POST: no token', request: () => form('/confirm', '') },
  { name: 'confirm POST: forged token', request: () => form('/confirm', `token=${randomUUID()}`) },
  { name: 'confirm POST: used token', request: () => form('/confirm', `token=${tokens.usedConfirm}`) },
  {
    name: 'confirm POST: pending token with a flipped character',
    request: () => form('/confirm', `token=${flipLast(tokens.pendingConfirm)}`),
  },
  { name: 'confirm POST: 10 KB token', request: () => form('/confirm', `token=${big(10)}`) },
  {
    name: 'confirm POST: unsubscribe token used to confirm',
    request: () => form('/confirm', `token=${tokens.unsub}`),
  },
  { name: 'confirm POST: body over 16 KB', request: () => form('/confirm', `token=${big(17)}`), status: 413 },

  // /unsubscribe and /preferences: forged, other-purpose and rotated-out tokens
  { name: 'unsubscribe GET: no token', request: () => ({ path: '/unsubscribe' }) },
  {
    name: 'unsubscribe GET: forged token',
    request: () => ({ path: `/unsubscribe?token=${flipLast(tokens.unsub)}` }),
  },
  {
    name: 'unsubscribe POST: forged token',
    request: () => form(`/unsubscribe?token=${flipLast(tokens.unsub)}`, 'List-Unsubscribe=One-Click'),
  },
  {
    name: 'unsubscribe POST: preferences token',
    request: () => form(`/unsubscribe?token=${tokens.prefs}`, 'List-Unsubscribe=One-Click'),
  },
  { name: 'unsubscribe POST: no token', request: () => form('/unsubscribe', 'List-Unsubscribe=One-Click') },
  {
    name: 'unsubscribe POST: token under a removed key version',
    request: () =>
      form(
        `/unsubscribe?token=${signSubscriberToken([{ version: '99', key: Buffer.alloc(32, 7).toString('base64') }], 'unsubscribe', subscriberIdFor('victim@example.org'))}`,
        'List-Unsubscribe=One-Click',
      ),
  },
  {
    name: 'unsubscribe POST: token minted with a guessed key',
    request: () =>
      form(
        `/unsubscribe?token=${signSubscriberToken([{ version: '1', key: Buffer.alloc(32).toString('base64') }], 'unsubscribe', subscriberIdFor('victim@example.org'))}`,
        'List-Unsubscribe=One-Click',
      ),
  },
  {
    name: 'unsubscribe POST: body over 16 KB',
    request: () => form(`/unsubscribe?token=${tokens.unsub}`, `x=${big(17)}`),
    status: 413,
  },
  { name: 'preferences GET: no token', request: () => ({ path: '/preferences' }) },
  {
    name: 'preferences GET: unsubscribe token',
    request: () => ({ path: `/preferences?token=${tokens.unsub}` }),
  },
  {
    name: 'preferences GET: forged token',
    request: () => ({ path: `/preferences?token=${flipLast(tokens.prefs)}` }),
  },
  {
    name: 'preferences POST: forged token',
    request: () => form(`/preferences?token=${flipLast(tokens.prefs)}`, 'action=delete'),
  },
  {
    name: 'preferences POST: unknown frequency',
    request: () =>
      form(`/preferences?token=${tokens.prefs}`, 'action=update&frequency=hourly&topics=us-russia-ukraine'),
  },
  {
    name: 'preferences POST: unknown topic',
    request: () => form(`/preferences?token=${tokens.prefs}`, 'action=update&frequency=daily&topics=nope'),
  },
  {
    name: 'preferences POST: unknown action',
    request: () => form(`/preferences?token=${tokens.prefs}`, 'action=drop-table'),
  },
  {
    name: 'preferences POST: broken JSON',
    request: () => json(`/preferences?token=${tokens.prefs}`, '{"action":'),
  },
  {
    name: 'preferences POST: body over 16 KB',
    request: () => form(`/preferences?token=${tokens.prefs}`, `action=update&x=${big(17)}`),
    status: 413,
  },

  // Signed webhooks: unsigned, wrongly signed, stale, future, replayed, malformed
  ...(['/webhooks/send', '/webhooks/developments', '/webhooks/ses'] as const).flatMap((path) => {
    const body =
      path === '/webhooks/send' ? JSON.stringify({ topic: 'us-russia-ukraine', kind: 'digest' }) : '{}';
    return [
      { name: `${path}: unsigned`, request: () => json(path, body), status: 401 },
      ...(['send', 'developments', 'ses'] as const)
        .filter((other) => other !== routeOf(path))
        .map((other) => ({
          name: `${path}: signed with the ${other} webhook's secret`,
          request: () => ({
            path,
            init: { method: 'POST', body, headers: signedHeaders(body, { route: other }) },
          }),
          status: 401,
        })),
      {
        name: `${path}: wrong secret`,
        request: () => signed(path, body, { secret: `whsec_${Buffer.alloc(24, 1).toString('base64')}` }),
        status: 401,
      },
      {
        name: `${path}: body changed after signing`,
        request: () => ({
          path,
          init: { method: 'POST', body: `${body} `, headers: signedHeaders(body, { route: routeOf(path) }) },
        }),
        status: 401,
      },
      {
        name: `${path}: stale timestamp (replay after 6 min)`,
        request: () => signed(path, body, { at: staleAt() }),
        status: 401,
      },
      {
        name: `${path}: timestamp 6 min ahead`,
        request: () => signed(path, body, { at: futureAt() }),
        status: 401,
      },
      {
        name: `${path}: non-numeric timestamp`,
        request: () => ({
          path,
          init: {
            method: 'POST',
            body,
            headers: { ...signedHeaders(body, { route: routeOf(path) }), 'webhook-timestamp': 'soon' },
          },
        }),
        status: 401,
      },
      {
        name: `${path}: signature without v1 prefix`,
        request: () => {
          const headers = signedHeaders(body, { route: routeOf(path) });
          return {
            path,
            init: {
              method: 'POST',
              body,
              headers: { ...headers, 'webhook-signature': headers['webhook-signature'].slice(3) },
            },
          };
        },
        status: 401,
      },
      { name: `${path}: signed broken JSON`, request: () => signed(path, '{"topic":'), status: 400 },
      { name: `${path}: signed JSON array of numbers`, request: () => signed(path, '[1,2,3]'), status: 400 },
    ];
  }),
  {
    name: 'webhooks/send: unknown kind',
    request: () => signed('/webhooks/send', JSON.stringify({ topic: 'us-russia-ukraine', kind: 'spam' })),
  },
  {
    name: 'webhooks/send: unknown topic',
    request: () => signed('/webhooks/send', JSON.stringify({ topic: 'nope', kind: 'digest' })),
  },
  {
    name: 'webhooks/send: since not a date',
    request: () =>
      signed(
        '/webhooks/send',
        JSON.stringify({ topic: 'us-russia-ukraine', kind: 'digest', since: 'yesterday' }),
      ),
  },
  {
    name: 'webhooks/send: developmentIds not a list',
    request: () =>
      signed(
        '/webhooks/send',
        JSON.stringify({ topic: 'us-russia-ukraine', kind: 'alert', developmentIds: 'x' }),
      ),
  },
  {
    name: 'webhooks/send: subject with CRLF',
    request: () =>
      signed('/webhooks/send', JSON.stringify({ topic: 'us-russia-ukraine\r\nBcc: x@y.z', kind: 'digest' })),
  },
  {
    name: 'webhooks/send: dryRun not boolean',
    request: () =>
      signed('/webhooks/send', JSON.stringify({ topic: 'us-russia-ukraine', kind: 'digest', dryRun: 'yes' })),
  },
  {
    name: 'webhooks/send: body over 1 MB',
    request: () =>
      signed(
        '/webhooks/send',
        JSON.stringify({ topic: 'us-russia-ukraine', kind: 'digest', pad: big(1100) }),
      ),
    status: 413,
  },
  {
    name: 'webhooks/developments: missing title and url',
    request: () => signed('/webhooks/developments', JSON.stringify({ body: 'text' })),
  },
  {
    name: 'webhooks/developments: url not http(s)',
    request: () =>
      signed(
        '/webhooks/developments',
        JSON.stringify({
          title: 'T',
          url: 'javascript:alert(1)',
          source: 'X',
          publishedAt: '2025-12-02T10:00:00Z',
          topic: 'us-russia-ukraine',
          body: 'Witkoff met Putin.',
        }),
      ),
  },
  {
    name: 'webhooks/developments: publishedAt not a date',
    request: () =>
      signed(
        '/webhooks/developments',
        JSON.stringify({
          title: 'T',
          url: 'https://example.org/a',
          source: 'X',
          publishedAt: 'Tuesday',
          topic: 'us-russia-ukraine',
          body: 'Witkoff met Putin.',
        }),
      ),
  },
  {
    name: 'webhooks/developments: unknown topic',
    request: () =>
      signed(
        '/webhooks/developments',
        JSON.stringify({
          title: 'T',
          url: 'https://example.org/a',
          source: 'X',
          publishedAt: '2025-12-02T10:00:00Z',
          topic: 'nope',
          body: 'Witkoff met Putin.',
        }),
      ),
  },
  { name: 'webhooks/developments: empty list', request: () => signed('/webhooks/developments', '[]') },
  {
    name: 'webhooks/ses: not an SNS or SES notification',
    request: () => signed('/webhooks/ses', JSON.stringify({ hello: 'world' })),
  },

  // Admin and archive
  { name: 'issues: no Authorization', request: () => ({ path: '/issues/anything' }), status: 401 },
  {
    name: 'issues: wrong bearer token',
    request: () => ({ path: '/issues/anything', init: { headers: { authorization: 'Bearer nope' } } }),
    status: 401,
  },
  {
    name: 'issues: Basic auth with the admin token',
    request: () => ({
      path: '/issues/anything',
      init: { headers: { authorization: `Basic ${TEST_SECRETS.ADMIN_TOKEN}` } },
    }),
    status: 401,
  },
  {
    name: 'issues: unknown id with a good token',
    request: () => ({
      path: '/issues/does-not-exist',
      init: { headers: { authorization: `Bearer ${TEST_SECRETS.ADMIN_TOKEN}` } },
    }),
    status: 404,
  },
  { name: 'archive: unknown issue', request: () => ({ path: '/archive/does-not-exist' }), status: 404 },
  {
    name: 'archive: script in id',
    request: () => ({ path: '/archive/%3Cscript%3Ealert(1)%3C%2Fscript%3E' }),
    status: 404,
  },
  {
    name: 'archive: path traversal',
    request: () => ({ path: '/archive/..%2F..%2Fetc%2Fpasswd' }),
    status: 404,
  },
  { name: 'unknown route', request: () => ({ path: '/wp-login.php' }), status: 404 },
  {
    name: 'PUT /subscribe',
    request: () => json('/subscribe', { email: 'a@example.org' }, {}, 'PUT'),
    status: [404, 405],
  },
  {
    name: 'DELETE /unsubscribe',
    request: () => ({ path: '/unsubscribe', init: { method: 'DELETE' } }),
    status: [404, 405],
  },
];

async function snapshot(): Promise<string[]> {
  const items: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.dynamo.doc.send(
      new ScanCommand({ TableName: deps.config.TABLE_NAME, ExclusiveStartKey }),
    );
    for (const item of page.Items ?? []) {
      // Abuse counters are meant to move with every request; everything else must not.
      if (!String(item.pk).startsWith('RATE#')) items.push(JSON.stringify(item, Object.keys(item).sort()));
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort();
}

beforeAll(async () => {
  deps = await testDeps();
  // The local stack's app: it also mounts POST /webhooks/ses.
  app = createApp(deps, { sesWebhook: true });
  deps.queues.send.consume(async (event) => {
    for (const r of event.Records) captured.push(JSON.parse(r.body));
  });
  const subscribeAndCapture = async (email: string) => {
    const res = await app.request('/subscribe', {
      method: 'POST',
      body: JSON.stringify({ email }),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${captured.length + 1}` },
    });
    expect(res.status).toBe(202);
    await deps.queues.send.idle();
    const message = captured.findLast(
      (m) => m.type === 'transactional' && m.subscriberId === subscriberIdFor(email) && m.sealedToken,
    );
    return message?.type === 'transactional'
      ? (unsealConfirmToken(message.sealedToken, deps.config.SUBSCRIBER_ID_KEY) ?? '')
      : '';
  };
  tokens.usedConfirm = await subscribeAndCapture(`used-${randomUUID()}@example.org`);
  const confirmed = await app.request('/confirm', {
    method: 'POST',
    body: `token=${encodeURIComponent(tokens.usedConfirm)}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(confirmed.status).toBe(200);
  tokens.pendingConfirm = await subscribeAndCapture(`pending-${randomUUID()}@example.org`);
  const active = activeSubscriber(`active-${randomUUID()}@example.org`);
  await deps.subscribers.put(active);
  tokens.unsub = signSubscriberToken(deps.config.TOKEN_KEYS, 'unsubscribe', active.id);
  tokens.prefs = signSubscriberToken(deps.config.TOKEN_KEYS, 'preferences', active.id);
  expect(tokens.usedConfirm && tokens.pendingConfirm).toBeTruthy();
}, 60_000);

describe('bad-input corpus', () => {
  it('has at least 100 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s → 4xx, clear message, store unchanged',
    async (_, c) => {
      const before = await snapshot();
      const { path, init } = c.request();
      const res = await app.request(path, init);
      const text = await res.text();
      if (c.status !== undefined) expect([c.status].flat()).toContain(res.status);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(text.length).toBeGreaterThan(0);
      // No stack trace: no frames, no source positions, no dependency paths.
      expect(text).not.toMatch(/\n\s+at \S+ \(|\.(ts|js|mjs):\d+:\d+|node_modules/);
      expect(text).not.toMatch(/<script>alert/);
      if ((res.headers.get('content-type') ?? '').includes('application/json')) {
        expect(JSON.parse(text).error).toEqual(expect.any(String));
      }
      await deps.queues.send.idle();
      expect(await snapshot()).toEqual(before);
    },
  );
});
