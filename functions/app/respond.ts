// Answers the reader-facing routes share: pages that cache nowhere (they carry tokens and personal
// data), and the rate limit as a page for browsers (JSON clients get the central error mapping).
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { RateLimitedError } from '../domain/errors';
import { wantsJson } from './body';
import { tooManyRequestsPage } from './pages/messages';

export function page(c: Context, html: string, status: ContentfulStatusCode = 200) {
  c.header('Cache-Control', 'no-store');
  return c.html(html, status);
}

export async function htmlOnLimit(c: Context, fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof RateLimitedError) || wantsJson(c)) throw error;
    c.header('Retry-After', String(error.retryAfterSeconds));
    return page(c, tooManyRequestsPage(error.retryAfterSeconds), 429);
  }
}
