// GET /issues/:id (admin): an issue's status and counts, from the counters kept as outcomes are
// recorded. Read-only.
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { NotFoundError, UnauthorizedError } from '../../domain/errors';
import { isIssueId } from '../../domain/issues/request';
import { issueCounts, publicStatus } from '../../domain/issues/status';
import { deliveryPorts } from '../../workers/delivery-ports';
import type { AppEnv } from '../types';
import { previewUrl } from './preview';

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

export const issuesRoutes = new Hono<AppEnv>().get('/issues/:id', async (c) => {
  const header = c.req.header('authorization') ?? '';
  const token = /^Bearer (.+)$/.exec(header)?.[1];
  if (!token || !sameToken(token, c.get('config').ADMIN_TOKEN)) {
    c.header('WWW-Authenticate', 'Bearer');
    throw new UnauthorizedError('A valid admin bearer token is required');
  }
  const deps = c.get('deps');
  const { issues } = deliveryPorts(deps);
  const id = c.req.param('id');
  const issue = isIssueId(id) ? await issues.get(id) : undefined;
  if (!issue) throw new NotFoundError('No such issue');
  const counts = issueCounts(issue, await issues.tally(issue.id), deps.clock.now());
  return c.json({
    id: issue.id,
    topic: issue.topic,
    kind: issue.kind,
    frequencies: issue.frequencies,
    status: publicStatus(issue, counts),
    createdAt: issue.createdAt,
    dispatchedAt: issue.dispatchedAt ?? null,
    subject: issue.content?.subject ?? null,
    developments: issue.content?.developments.map((d) => d.id) ?? [],
    headlines: issue.content?.developments.map((d) => d.title) ?? [],
    counts,
    // The email as rendered, once it is: opens in a browser (see routes/preview.ts).
    previewUrl: issue.content ? previewUrl(c.get('config'), issue.id) : null,
  });
});
