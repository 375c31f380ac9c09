// Standard Webhooks verification (https://www.standardwebhooks.com): every webhook route sits behind
// this middleware, so a request that is unsigned, wrongly signed or stale never reaches a handler.
// Each route has its own secret (a sender trusted to post developments cannot order a send); several
// configured secrets (rotation) × several `v1,` signatures in the header are all tried. The body is
// read through a streaming limit first, so an unsigned sender cannot make the server hold more than
// the route's limit, whatever Content-Length says or when there is none (chunked).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Config } from '../config';
import type { AppEnv } from './types';

export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export type WebhookRoute = 'developments' | 'send' | 'ses';

/** Largest body each route reads: a batch of reports, a send request, one SES notification. */
export const WEBHOOK_BODY_LIMITS: Record<WebhookRoute, number> = {
  developments: 1024 * 1024,
  send: 16 * 1024,
  ses: 64 * 1024,
};

/** The secrets that may sign requests to one route (none: the route refuses everything). */
export function webhookSecrets(config: Config, route: WebhookRoute): readonly string[] {
  if (route === 'developments') return config.WEBHOOK_SECRET_DEVELOPMENTS;
  if (route === 'send') return config.WEBHOOK_SECRET_SEND;
  return config.WEBHOOK_SECRET_SES ?? [];
}

export class WebhookVerificationFailure extends Error {
  override name = 'WebhookVerificationFailure';
}

function secretBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

export function signatureFor(secret: string, id: string, timestamp: string, body: string): Buffer {
  return createHmac('sha256', secretBytes(secret)).update(`${id}.${timestamp}.${body}`).digest();
}

/** Throws WebhookVerificationFailure with a reason a sender can act on; pure apart from the HMAC. */
export function verifySignature(input: {
  secrets: readonly string[];
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
  nowSeconds: number;
}): void {
  const { id, timestamp, signature } = input;
  if (!id || !timestamp || !signature) {
    throw new WebhookVerificationFailure(
      'Missing webhook-id, webhook-timestamp or webhook-signature header (Standard Webhooks)',
    );
  }
  if (!/^[0-9]{1,12}$/.test(timestamp)) {
    throw new WebhookVerificationFailure('webhook-timestamp must be unix seconds');
  }
  const skew = input.nowSeconds - Number(timestamp);
  if (skew > WEBHOOK_TOLERANCE_SECONDS) throw new WebhookVerificationFailure('webhook-timestamp is too old');
  if (skew < -WEBHOOK_TOLERANCE_SECONDS) {
    throw new WebhookVerificationFailure('webhook-timestamp is in the future');
  }
  const given = signature
    .split(' ')
    .filter((part) => part.startsWith('v1,'))
    .map((part) => Buffer.from(part.slice(3), 'base64'));
  if (given.length === 0) throw new WebhookVerificationFailure('webhook-signature has no v1 signature');
  for (const secret of input.secrets) {
    const expected = signatureFor(secret, id, timestamp, input.body);
    for (const candidate of given) {
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) return;
    }
  }
  throw new WebhookVerificationFailure('webhook-signature does not match');
}

/** Hono middleware: limits and verifies over the raw body, answers 413/401 with the reason, else sets `webhook`. */
export function verifyWebhook(route: WebhookRoute): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: WEBHOOK_BODY_LIMITS[route],
    onError: (c) => c.json({ error: `Webhook body over ${WEBHOOK_BODY_LIMITS[route] / 1024} KB` }, 413),
  });
  const verify: MiddlewareHandler<AppEnv> = async (c, next) => {
    const body = await c.req.text();
    const id = c.req.header('webhook-id');
    try {
      verifySignature({
        secrets: webhookSecrets(c.get('config'), route),
        id,
        timestamp: c.req.header('webhook-timestamp'),
        signature: c.req.header('webhook-signature'),
        body,
        nowSeconds: Math.floor(c.get('deps').clock.now().getTime() / 1000),
      });
    } catch (error) {
      if (error instanceof WebhookVerificationFailure) return c.json({ error: error.message }, 401);
      throw error;
    }
    c.set('webhook', { id: id as string, body });
    await next();
  };
  // A refusal from either step is a Response, which Hono sends as the answer.
  return (c, next) => limit(c, () => verify(c, next) as Promise<void>);
}
