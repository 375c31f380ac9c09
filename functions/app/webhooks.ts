// Standard Webhooks verification (https://www.standardwebhooks.com): every webhook route sits behind
// this middleware, so a request that is unsigned, wrongly signed or stale never reaches a handler.
// Several configured secrets (rotation) × several `v1,` signatures in the header are all tried.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './types';

/** What a verified webhook hands to the route: its id (the idempotency key) and the raw body. */
export interface VerifiedWebhook {
  id: string;
  body: string;
}

export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;
const MAX_BODY_BYTES = 256 * 1024;

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

/** Hono middleware: verifies over the raw body, answers 401 with the reason, else sets `webhook`. */
export function verifyWebhook(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > MAX_BODY_BYTES) return c.json({ error: 'Webhook body too large' }, 413);
    const body = await c.req.text();
    if (Buffer.byteLength(body) > MAX_BODY_BYTES) return c.json({ error: 'Webhook body too large' }, 413);
    const id = c.req.header('webhook-id');
    try {
      verifySignature({
        secrets: c.get('config').WEBHOOK_SECRET,
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
}
