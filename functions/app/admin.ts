// The operators' routes (GET /issues/:id, GET /developments/:id) take `Authorization: Bearer
// $ADMIN_TOKEN`, compared in constant time.
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { UnauthorizedError } from '../domain/errors';
import type { AppEnv } from './types';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  // Compare equal-length buffers only; a length mismatch still costs one comparison.
  if (a.length !== b.length) {
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}

export function requireAdmin(c: Context<AppEnv>): void {
  const header = c.req.header('authorization') ?? '';
  const token = /^Bearer (.+)$/.exec(header)?.[1];
  if (!token || !sameToken(token, c.get('config').ADMIN_TOKEN)) {
    c.header('WWW-Authenticate', 'Bearer');
    throw new UnauthorizedError('A valid admin bearer token is required');
  }
}
