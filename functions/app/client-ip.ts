// The client's IP for abuse limits and the consent record. Behind API Gateway it is the source IP
// API Gateway saw (X-Forwarded-For is client-controlled, so it is not trusted: anyone could rotate
// it to dodge the per-IP limit); on the local Node server it is the socket's remote address.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export type ClientIpResolver = (c: Context) => string | undefined;

/** API Gateway (HTTP API v2 and REST v1) as passed by hono/aws-lambda in `c.env`. */
export const fromLambdaEvent: ClientIpResolver = (c) => {
  const ctx = (
    c.env as { requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } } }
  )?.requestContext;
  return ctx?.http?.sourceIp ?? ctx?.identity?.sourceIp;
};

/** @hono/node-server: the socket's peer address. */
export const fromNodeSocket: ClientIpResolver = (c) => {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
};

export function clientIp(
  c: Context,
  resolvers: readonly ClientIpResolver[] = [fromLambdaEvent, fromNodeSocket],
) {
  for (const resolve of resolvers) {
    const ip = resolve(c);
    if (ip) return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  }
  return 'unknown';
}
