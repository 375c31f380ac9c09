// RFC 8058 one-click unsubscribe. GET shows a button and changes nothing; POST (urlencoded or
// multipart `List-Unsubscribe=One-Click`, no cookie, no auth) unsubscribes at once and answers 200,
// never a redirect. Any bad token gets the same generic page.
import { Hono } from 'hono';
import { verifySubscriberToken } from '../../domain/subscribers/link-tokens';
import { preferencesPath, unsubscribePath } from '../../domain/subscribers/links';
import { unsubscribe } from '../../domain/subscribers/manage';
import { subscriptionPorts } from '../../use-case-ports';
import { limitBody, readBody } from '../body';
import { invalidLinkPage, unsubscribedPage, unsubscribePromptPage } from '../pages/messages';
import { page } from '../respond';
import type { AppEnv } from '../types';

export const unsubscribeRoutes = new Hono<AppEnv>()
  .get('/unsubscribe', (c) => {
    const token = c.req.query('token');
    const id = verifySubscriberToken(c.get('config').TOKEN_KEYS, 'unsubscribe', token);
    if (!id || !token) return page(c, invalidLinkPage(), 400);
    return page(c, unsubscribePromptPage(unsubscribePath(token)));
  })
  .post('/unsubscribe', limitBody, async (c) => {
    const deps = c.get('deps');
    // The body is `List-Unsubscribe=One-Click` from mail providers and from our own button; the
    // signed token is what authorises, so the body is read (to drain it) but not required.
    await readBody(c).catch(() => ({}));
    const id = verifySubscriberToken(deps.config.TOKEN_KEYS, 'unsubscribe', c.req.query('token'));
    if (!id) return page(c, invalidLinkPage(), 400);
    // A deleted subscriber has nothing to unsubscribe; the answer is the same.
    await unsubscribe(subscriptionPorts(deps), id, 'one-click');
    return page(c, unsubscribedPage(preferencesPath(deps.config.TOKEN_KEYS, id)));
  });
