// GET/POST /preferences?token=…: the preference centre behind the signed link in every email.
// Actions: save (topics, frequency), pause, resume, resubscribe, export (JSON download), delete
// (asks first). A bad token, or a reader whose data is gone, gets the same generic page.
import { type Context, Hono } from 'hono';
import { ValidationError } from '../../domain/errors';
import { choicesSchema, parseInput } from '../../domain/subscribers/input';
import {
  deleteSubscriber,
  exportReaderData,
  resubscribe,
  setPaused,
  subscriberForToken,
  updatePreferences,
} from '../../domain/subscribers/manage';
import { limitClient } from '../../domain/subscribers/subscribe';
import type { Subscriber } from '../../domain/subscribers/types';
import { subscriptionPorts } from '../../use-case-ports';
import { limitBody, readBody } from '../body';
import { clientIp } from '../client-ip';
import { deletedPage, invalidLinkPage } from '../pages/messages';
import { confirmDeletePage, preferencesPage } from '../pages/preferences-page';
import { htmlOnLimit, page } from '../respond';
import type { AppEnv } from '../types';

const NOTICES: Record<string, string> = {
  save: 'Your preferences are saved.',
  pause: 'Emails are paused until you resume them.',
  resume: 'Emails are resumed.',
};

/** Says what the status now is: "subscribed" only when it is active. */
function resubscribeNotice(s: Subscriber): string {
  if (s.status === 'active') return 'You are subscribed again.';
  if (s.status === 'pending') {
    return 'Your subscription is not active yet: confirm it from the email we sent you.';
  }
  return 'You are still unsubscribed: this address was never confirmed, so subscribe again from the home page.';
}

export const preferencesRoutes = new Hono<AppEnv>()
  .get('/preferences', async (c) => {
    const s = await load(c);
    return s ? show(c, s) : page(c, invalidLinkPage(), 400);
  })
  .post('/preferences', limitBody, (c) =>
    htmlOnLimit(c, async () => {
      const ports = subscriptionPorts(c.get('deps'));
      await limitClient(ports, clientIp(c), 'token');
      const s = await load(c);
      if (!s) return page(c, invalidLinkPage(), 400);
      const body = await readBody(c);
      const action = typeof body.action === 'string' ? body.action : 'save';
      let updated: Subscriber | undefined;
      switch (action) {
        case 'save':
          try {
            const choices = parseInput(choicesSchema(ports.topics), {
              topics: body.topics ?? [],
              frequency: body.frequency,
            });
            updated = await updatePreferences(ports, s.id, choices);
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            const message =
              error.field === 'topics' ? 'Choose at least one topic, or unsubscribe instead.' : error.message;
            return show(c, s, undefined, { field: error.field ?? 'topics', message }, 400);
          }
          break;
        case 'pause':
        case 'resume':
          updated = await setPaused(ports, s.id, action === 'pause');
          break;
        case 'resubscribe':
          updated = await resubscribe(ports, s.id);
          break;
        case 'export':
          c.header('Content-Disposition', 'attachment; filename="talkwatch-my-data.json"');
          c.header('Cache-Control', 'no-store');
          return c.json(await exportReaderData({ ...ports, deliveries: readerDeliveries(c) }, s));
        case 'delete':
          return page(c, confirmDeletePage(selfUrl(c)));
        case 'delete-confirmed':
          await deleteSubscriber({ ...ports, deliveries: readerDeliveries(c) }, s.id);
          return page(c, deletedPage());
        default:
          return show(
            c,
            s,
            undefined,
            { field: 'action', message: `Unknown action "${action.slice(0, 40)}".` },
            400,
          );
      }
      if (!updated) return page(c, invalidLinkPage(), 400);
      return show(c, updated, action === 'resubscribe' ? resubscribeNotice(updated) : NOTICES[action]);
    }),
  );

function readerDeliveries(c: Context<AppEnv>) {
  return c.get('deps').issues;
}

function load(c: Context<AppEnv>) {
  return subscriberForToken(c.get('deps'), c.get('config').TOKEN_KEYS, 'preferences', c.req.query('token'));
}

function selfUrl(c: Context<AppEnv>) {
  return `/preferences?token=${encodeURIComponent(c.req.query('token') ?? '')}`;
}

function show(
  c: Context<AppEnv>,
  s: Subscriber,
  notice?: string,
  error?: { field: string; message: string },
  status: 200 | 400 = 200,
) {
  return page(
    c,
    preferencesPage({
      subscriber: s,
      topics: c.get('deps').topics,
      action: selfUrl(c),
      ...(notice ? { notice } : {}),
      ...(error ? { error } : {}),
    }),
    status,
  );
}
