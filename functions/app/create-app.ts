// The Hono app factory: middleware, error mapping and routes. Lambda (functions/api.ts) and the local
// server (functions/local.ts) serve the very same object.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Deps } from '../deps';
import { handleError } from './errors';
import { notFoundPage } from './pages/not-found';
import { archiveRoutes } from './routes/archive';
import { confirmRoutes } from './routes/confirm';
import { developmentRoutes } from './routes/developments';
import { feedbackRoutes } from './routes/feedback';
import { healthRoutes } from './routes/health';
import { issuesRoutes } from './routes/issues';
import { preferencesRoutes } from './routes/preferences';
import { previewRoutes } from './routes/preview';
import { siteRoutes } from './routes/site';
import { subscribeRoutes } from './routes/subscribe';
import { unsubscribeRoutes } from './routes/unsubscribe';
import { developmentWebhookRoutes } from './routes/webhooks-developments';
import { webhooksSendRoutes } from './routes/webhooks-send';
import type { AppEnv } from './types';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  styleSrc: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
};

export interface AppOptions {
  /** Mount POST /webhooks/ses: the local stack only (in AWS, SES feedback arrives through SNS). */
  sesWebhook?: boolean;
}

export function createApp(deps: Deps, options: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('config', deps.config);
    c.set('logger', deps.logger);
    await next();
  });
  // The pages use no JavaScript, no third-party resources and post only to themselves.
  app.use('*', secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }));
  app.onError(handleError);
  // Browsers get a page in the site's layout; API clients (and anything not asking for HTML) JSON.
  app.notFound((c) =>
    (c.req.header('accept') ?? '').includes('text/html')
      ? c.html(notFoundPage(), 404)
      : c.json({ error: `No route for ${c.req.method} ${c.req.path}` }, 404),
  );

  app.route('/', healthRoutes);
  app.route('/', developmentWebhookRoutes);
  app.route('/', webhooksSendRoutes);
  app.route('/', issuesRoutes);
  app.route('/', developmentRoutes);
  app.route('/', archiveRoutes);
  app.route('/', previewRoutes);
  app.route('/', siteRoutes);
  if (options.sesWebhook) app.route('/', feedbackRoutes);
  app.route('/', subscribeRoutes);
  app.route('/', confirmRoutes);
  app.route('/', preferencesRoutes);
  app.route('/', unsubscribeRoutes);
  return app;
}

export type App = ReturnType<typeof createApp>;
