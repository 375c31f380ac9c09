// GET /preview/:id?token=…: an issue's email exactly as it was rendered (dry runs included), for the
// operator who asked for it. The link is printed by `npm run send` and returned by GET /issues/:id; its
// token is an HMAC of the issue id under the token keys (purpose "preview"), so it opens in a browser
// without the admin token yet cannot be guessed or moved to another issue. Reader links in the copy point
// to the site, never to anyone's real preferences or unsubscribe page. Never cached, never indexed.
import { Hono } from 'hono';
import type { Config } from '../../config';
import { personalise } from '../../domain/delivery/personalise';
import { NotFoundError } from '../../domain/errors';
import { signSubscriberToken, verifySubscriberToken } from '../../domain/subscribers/link-tokens';
import type { AppEnv } from '../types';

export function previewUrl(config: Config, issueId: string): string {
  const token = signSubscriberToken(config.TOKEN_KEYS, 'preview', issueId);
  return `${config.PUBLIC_URL}/preview/${encodeURIComponent(issueId)}?token=${token}`;
}

export const previewRoutes = new Hono<AppEnv>().get('/preview/:id', async (c) => {
  const config = c.get('config');
  const id = c.req.param('id');
  // One answer for a bad token and an unknown issue: the link proves nothing about what exists.
  if (verifySubscriberToken(config.TOKEN_KEYS, 'preview', c.req.query('token')) !== id) {
    throw new NotFoundError('No such preview');
  }
  const template = await c.get('deps').issues.getTemplate(id);
  if (!template) throw new NotFoundError('No such preview');
  const copy = personalise(template, {
    unsubscribeUrl: `${config.PUBLIC_URL}/`,
    preferencesUrl: `${config.PUBLIC_URL}/`,
    greeting: '',
  });
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  return c.html(copy.html);
});
