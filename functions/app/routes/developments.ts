// GET /developments/:id (admin): where a received report stands — still being summarised (the ingest
// queue's consumer has not reached it), or summarised, with its alert level. `npm run ingest` follows
// it so a digest asked for right after sees the reports just pushed.
import { Hono } from 'hono';
import { NotFoundError } from '../../domain/errors';
import { requireAdmin } from '../admin';
import type { AppEnv } from '../types';

const DEVELOPMENT_ID = /^dev_[A-Za-z0-9_-]{1,64}$/;

export const developmentRoutes = new Hono<AppEnv>().get('/developments/:id', async (c) => {
  requireAdmin(c);
  const id = c.req.param('id');
  const stored = DEVELOPMENT_ID.test(id) ? await c.get('deps').developments.getStored(id) : undefined;
  if (!stored) throw new NotFoundError('No such development');
  return c.json({
    id: stored.id,
    topic: stored.topic,
    title: stored.title,
    publishedAt: stored.publishedAt,
    status: stored.summary ? 'summarised' : 'received',
    background: stored.background === true,
    level: stored.summary?.significance.level ?? null,
  });
});
