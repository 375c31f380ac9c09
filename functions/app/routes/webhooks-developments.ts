// POST /webhooks/developments: editors and automations push one development or a list, signed with
// Standard Webhooks. Each is validated (400 naming the field) and stored idempotently, and its summary
// is queued: the answer comes before any text analysis, so no body, however crafted, holds the API up.
// A redelivery of the same webhook-id (or the same report) gives the same ids with created: false.
import { Hono } from 'hono';
import { receiveDevelopment } from '../../domain/developments/ingest';
import { parseDevelopmentInput, topicOf } from '../../domain/developments/input';
import { ValidationError } from '../../domain/errors';
import { receivePorts } from '../../use-case-ports';
import { parseJson } from '../body';
import type { AppEnv } from '../types';
import { verifyWebhook } from '../webhooks';

export const MAX_DEVELOPMENTS_PER_WEBHOOK = 50;

export const developmentWebhookRoutes = new Hono<AppEnv>().post(
  '/webhooks/developments',
  verifyWebhook('developments'),
  async (c) => {
    const { id: webhookId, body } = c.get('webhook');
    const json = parseJson(body, 'JSON (one development or a list of them)');
    const list = Array.isArray(json)
      ? json
      : json && typeof json === 'object' && Array.isArray((json as { developments?: unknown }).developments)
        ? (json as { developments: unknown[] }).developments
        : [json];
    if (list.length === 0 || list.length > MAX_DEVELOPMENTS_PER_WEBHOOK) {
      throw new ValidationError(
        `body: send between 1 and ${MAX_DEVELOPMENTS_PER_WEBHOOK} developments`,
        'body',
      );
    }
    // Validate every item before storing any, so a bad batch changes nothing.
    const prefix = list.length > 1 || Array.isArray(json);
    const deps = c.get('deps');
    for (const [i, item] of list.entries()) {
      const where = prefix ? `[${i}].` : '';
      topicOf(deps.catalogue, parseDevelopmentInput(item, where), where);
    }

    const ports = receivePorts(deps);
    const results = [];
    for (const item of list) results.push(await receiveDevelopment(ports, item));
    const created = results.some((r) => r.created);
    c.get('logger').info('developments webhook', {
      webhookId,
      created: results.filter((r) => r.created).length,
    });
    return c.json({ webhookId, results }, created ? 202 : 200);
  },
);
