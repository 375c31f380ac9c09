// POST /webhooks/ses: SES bounce and complaint notifications for the local stack only (in AWS they
// come through SNS to functions/feedback.ts, and the API does not mount this route: a forged
// complaint would suppress a reader for good). Signed with its own secret; the body is the SES
// notification or its SNS envelope.
import { Hono } from 'hono';
import { handleSesNotification, parseSesNotification } from '../../domain/delivery/feedback';
import { ValidationError } from '../../domain/errors';
import { storedIdFor } from '../../domain/subscribers/identity';
import { parseJson } from '../body';
import type { AppEnv } from '../types';
import { verifyWebhook } from '../webhooks';

export const feedbackRoutes = new Hono<AppEnv>().post('/webhooks/ses', verifyWebhook('ses'), async (c) => {
  const deps = c.get('deps');
  const notification = parseSesNotification(parseJson(c.get('webhook').body, 'JSON (an SES notification)'));
  if (!notification) throw new ValidationError('body: is not an SES notification', 'body');
  const outcome = await handleSesNotification(
    {
      subscribers: deps.subscribers,
      now: deps.clock.now(),
      idFor: (email) => storedIdFor(deps.subscribers, deps.config.SUBSCRIBER_ID_KEY, email),
    },
    notification,
  );
  return c.json(outcome);
});
