// GET /confirm?token=… shows a button and changes nothing (mail scanners fetch links); the POST
// confirms, records time and IP, and says what happens next, or offers a new email.
import { Hono } from 'hono';
import { confirmTokenSubscriberId } from '../../domain/subscribers/confirm-token';
import { preferencesPath } from '../../domain/subscribers/links';
import { confirmSubscription, limitClient, resendConfirmation } from '../../domain/subscribers/subscribe';
import { topicTitles } from '../../domain/subscribers/topics';
import { subscriptionPorts } from '../../use-case-ports';
import { limitBody, readBody } from '../body';
import { clientIp } from '../client-ip';
import {
  confirmExpiredPage,
  confirmedPage,
  confirmInvalidPage,
  confirmPromptPage,
  resendRequestedPage,
} from '../pages/messages';
import { htmlOnLimit, page } from '../respond';
import type { AppEnv } from '../types';

export const confirmRoutes = new Hono<AppEnv>()
  .get('/confirm', (c) => {
    const token = c.req.query('token');
    return confirmTokenSubscriberId(token) && token
      ? page(c, confirmPromptPage(token))
      : page(c, confirmInvalidPage(), 400);
  })
  .post('/confirm', limitBody, (c) =>
    htmlOnLimit(c, async () => {
      const deps = c.get('deps');
      const ports = subscriptionPorts(deps);
      const ip = clientIp(c);
      await limitClient(ports, ip, 'token');
      const body = await readBody(c);
      const token = typeof body.token === 'string' ? body.token : c.req.query('token');
      if (body.action === 'resend') {
        await resendConfirmation(ports, token);
        return page(c, resendRequestedPage());
      }
      const result = await confirmSubscription(ports, token, {
        ip,
        userAgent: (c.req.header('user-agent') ?? '').slice(0, 512),
        source: 'confirm-link',
      });
      if (result.outcome === 'expired' && token) return page(c, confirmExpiredPage(token), 410);
      if (result.outcome !== 'confirmed') return page(c, confirmInvalidPage(), 400);
      const s = result.subscriber;
      return page(
        c,
        confirmedPage({
          topicTitles: topicTitles(deps.topics, s.topics),
          frequency: s.frequency,
          preferencesUrl: preferencesPath(deps.config.TOKEN_KEYS, s.id),
        }),
      );
    }),
  );
