// Binds the composed Deps to the ports the subscription use cases take: the routes build
// SubscriptionPorts per request (the send worker wires the transactional emails itself).
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Config } from '../config';
import type { Deps } from '../deps';
import { RateLimitedError, ValidationError } from '../domain/errors';
import { DEFAULT_LIMITS, type SubscriptionPorts } from '../domain/subscribers/ports';
import { signSubscriberToken } from '../domain/subscribers/tokens';
import { tooManyRequestsPage } from './pages/messages';

export function subscriptionPorts(deps: Deps): SubscriptionPorts {
  return {
    subscribers: deps.subscribers,
    rateLimiter: deps.rateLimiter,
    outbox: deps.queues.send,
    clock: deps.clock,
    topics: deps.topics,
    idKey: deps.config.SUBSCRIBER_ID_KEY,
    limits: {
      subscribePerIp: { ...DEFAULT_LIMITS.subscribePerIp, limit: deps.config.RATE_LIMIT_SUBSCRIBE_PER_IP },
      subscribePerAddress: {
        ...DEFAULT_LIMITS.subscribePerAddress,
        limit: deps.config.RATE_LIMIT_SUBSCRIBE_PER_ADDRESS,
      },
      tokenActionsPerIp: {
        ...DEFAULT_LIMITS.tokenActionsPerIp,
        limit: deps.config.RATE_LIMIT_TOKEN_ACTIONS_PER_IP,
      },
    },
  };
}

/** Request and response helpers the subscription routes share. */
export const MAX_BODY_BYTES = 16 * 1024;

export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => c.json({ error: 'The request body is larger than 16 KB.' }, 413),
});

export function wantsJson(c: Context): boolean {
  const type = c.req.header('content-type') ?? '';
  const accept = c.req.header('accept') ?? '';
  return (
    type.includes('application/json') ||
    (accept.includes('application/json') && !accept.includes('text/html'))
  );
}

/** Form (urlencoded or multipart) or JSON body as plain values; files are ignored. */
export async function readBody(c: Context): Promise<Record<string, unknown>> {
  if ((c.req.header('content-type') ?? '').includes('application/json')) {
    const body = await c.req.json().catch(() => undefined);
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new ValidationError('body must be a JSON object', 'body');
    }
    return body as Record<string, unknown>;
  }
  const form = await c.req.parseBody({ all: true });
  return Object.fromEntries(
    Object.entries(form)
      .map(([k, v]) => [k, Array.isArray(v) ? v.filter((x) => typeof x === 'string') : v] as const)
      .filter(([, v]) => typeof v === 'string' || Array.isArray(v)),
  );
}

/** An HTML answer that caches nowhere (these pages carry tokens and personal data). */
export function page(c: Context, html: string, status: ContentfulStatusCode = 200) {
  c.header('Cache-Control', 'no-store');
  return c.html(html, status);
}

/** RateLimitedError as a page for browsers (JSON clients get the central error mapping). */
export async function htmlOnLimit(c: Context, fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof RateLimitedError) || wantsJson(c)) throw error;
    c.header('Retry-After', String(error.retryAfterSeconds));
    return page(c, tooManyRequestsPage(error.retryAfterSeconds), 429);
  }
}

export function preferencesUrl(config: Config, subscriberId: string): string {
  return `/preferences?token=${signSubscriberToken(config.TOKEN_KEYS, 'preferences', subscriberId)}`;
}

export const whatNext = {
  instant: 'Alerts arrive as soon as something significant happens.',
  daily: 'Your first daily digest arrives with the next edition.',
  weekly: 'Your first weekly digest arrives at the end of the week.',
} as const;
