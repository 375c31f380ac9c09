// GET /health: are the store and the mailer reachable? 200 when both are, 503 otherwise. Each
// dependency is `ok` or `unavailable`; why is logged, not shown (AWS error text names resources).
import { Hono } from 'hono';
import type { AppEnv } from '../types';

export const healthRoutes = new Hono<AppEnv>().get('/health', async (c) => {
  const report = await c.get('deps').health();
  c.header('Cache-Control', 'no-store');
  return c.json(report, report.status === 'ok' ? 200 : 503);
});
