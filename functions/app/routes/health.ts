// GET /health: are the store and the mailer reachable? 200 when both are, 503 otherwise.
import { Hono } from 'hono';
import type { AppEnv } from '../types';

export const healthRoutes = new Hono<AppEnv>().get('/health', async (c) => {
  const report = await c.get('deps').health();
  return c.json(report, report.ok ? 200 : 503);
});
