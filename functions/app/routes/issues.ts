// GET /issues/:id (admin): an issue's status and counts, from the counters kept as outcomes are
// recorded. Read-only.
import { Hono } from 'hono';
import { NotFoundError } from '../../domain/errors';
import { isIssueId } from '../../domain/issues/request';
import { issueCounts, publicStatus } from '../../domain/issues/status';
import { deliveryPorts } from '../../workers/delivery-ports';
import { requireAdmin } from '../admin';
import type { AppEnv } from '../types';
import { previewUrl } from './preview';

export const issuesRoutes = new Hono<AppEnv>().get('/issues/:id', async (c) => {
  requireAdmin(c);
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
