// The one place errors become HTTP answers: a status and a clear message, never a stack trace.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  ConflictError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from '../domain/errors';
import { notFoundPage } from './pages/not-found';
import type { AppEnv } from './types';

export function statusOf(error: unknown): ContentfulStatusCode {
  if (error instanceof HTTPException) return error.status as ContentfulStatusCode;
  if (error instanceof ValidationError) return 400;
  if (error instanceof UnauthorizedError) return 401;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof RateLimitedError) return 429;
  if (error instanceof UnavailableError) return 503;
  return 500;
}

export function handleError(error: Error, c: Context<AppEnv>) {
  const status = statusOf(error);
  if (status >= 500) c.get('logger')?.error('request failed', { error, path: c.req.path });
  const message = status >= 500 && status !== 503 ? 'Internal error' : error.message;
  if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
  if (status === 404 && (c.req.header('accept') ?? '').includes('text/html')) {
    return c.html(notFoundPage(), 404);
  }
  const body: { error: string; field?: string } = { error: message };
  if (error instanceof ValidationError && error.field) body.field = error.field;
  return c.json(body, status);
}
