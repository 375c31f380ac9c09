import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type ClientIpResolver, clientIp } from '../../../functions/app/client-ip';

const app = (resolvers?: ClientIpResolver[]) =>
  new Hono().get('/', (c) => c.text(resolvers ? clientIp(c, resolvers) : clientIp(c)));

describe('clientIp', () => {
  it('uses the source IP API Gateway (HTTP API) reports', async () => {
    const res = await app().request('/', {}, { requestContext: { http: { sourceIp: '203.0.113.7' } } });
    expect(await res.text()).toBe('203.0.113.7');
  });

  it('uses the REST API identity when that is what the event carries', async () => {
    const res = await app().request('/', {}, { requestContext: { identity: { sourceIp: '198.51.100.1' } } });
    expect(await res.text()).toBe('198.51.100.1');
  });

  it('does not trust X-Forwarded-For, which any client can set', async () => {
    const res = await app().request('/', { headers: { 'x-forwarded-for': '1.2.3.4' } });
    expect(await res.text()).toBe('unknown');
  });

  it('takes the first resolver that answers and unwraps IPv4-mapped IPv6', async () => {
    const res = await app([() => undefined, () => '::ffff:192.0.2.33']).request('/');
    expect(await res.text()).toBe('192.0.2.33');
  });
});
