// POST /webhooks/send: a signed request for an alert or a digest. Answers 202 { issueId } once the
// issue is stored and its dispatch enqueued; the webhook id makes redeliveries find the same issue.
import { Hono } from 'hono';
import { z } from 'zod';
import { ValidationError } from '../../domain/errors';
import { requestIssue } from '../../domain/issues/request';
import { FREQUENCIES } from '../../domain/subscribers/types';
import { issueRequestPorts } from '../../use-case-ports';
import { parseJsonBody } from '../body';
import type { AppEnv } from '../types';
import { verifyWebhook } from '../webhooks';

export const sendRequestSchema = z.strictObject({
  topic: z.string().min(1).max(100),
  kind: z.enum(['digest', 'alert']),
  developmentIds: z.array(z.string().min(1).max(200)).min(1).max(50).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  dryRun: z.boolean().optional(),
  frequencies: z.array(z.enum(FREQUENCIES)).min(1).optional(),
});

export const webhooksSendRoutes = new Hono<AppEnv>().post(
  '/webhooks/send',
  verifyWebhook('send'),
  async (c) => {
    const deps = c.get('deps');
    const webhook = c.get('webhook');
    const request = parseJsonBody(webhook.body, sendRequestSchema);
    if (!deps.topics.some((t) => t.id === request.topic)) {
      throw new ValidationError(`topic: unknown topic "${request.topic}"`, 'topic');
    }
    const { issue, created } = await requestIssue(issueRequestPorts(deps), `webhook:${webhook.id}`, request);
    return c.json({ issueId: issue.id, duplicate: !created }, 202);
  },
);
