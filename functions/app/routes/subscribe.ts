// GET / (the subscribe page) and POST /subscribe (form or JSON). The 202 is byte-identical for new,
// pending, active, unsubscribed and suppressed addresses and for a filled honeypot.
import { Hono } from 'hono';
import { ValidationError } from '../../domain/errors';
import { listPublished } from '../../domain/issues/archive';
import { parseInput, type SubscribeInput, subscribeSchema } from '../../domain/subscribers/input';
import { limitClient, subscribe } from '../../domain/subscribers/subscribe';
import { FREQUENCIES, type Frequency } from '../../domain/subscribers/types';
import { subscriptionPorts } from '../../use-case-ports';
import { limitBody, readBody, wantsJson } from '../body';
import { clientIp } from '../client-ip';
import { checkInboxPage } from '../pages/messages';
import { subscribePage } from '../pages/subscribe-page';
import { htmlOnLimit, page } from '../respond';
import type { AppEnv } from '../types';

const ACCEPTED = {
  status: 'pending',
  message:
    'If the address can receive mail, a confirmation link is on its way. Nothing is sent until it is opened.',
};

export const subscribeRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const deps = c.get('deps');
    const issues = deps.issues;
    const [latest] = await listPublished(
      issues,
      deps.topics.map((t) => t.id),
      1,
    ).catch(() => []);
    return page(c, subscribePage(deps.topics, {}, undefined, latest));
  })
  .post('/subscribe', limitBody, (c) =>
    htmlOnLimit(c, async () => {
      const deps = c.get('deps');
      const ports = subscriptionPorts(deps);
      const json = wantsJson(c);
      const ip = clientIp(c);
      await limitClient(ports, ip, 'subscribe');
      const body = await readBody(c);
      const accepted = () => {
        c.header('Cache-Control', 'no-store');
        return json ? c.json(ACCEPTED, 202) : c.html(checkInboxPage(), 202);
      };
      // The honeypot: only bots fill a field people never see. Accept silently, keep nothing.
      if (typeof body.website === 'string' ? body.website.trim() !== '' : Array.isArray(body.website)) {
        return accepted();
      }
      let input: SubscribeInput;
      try {
        // A form with no topic ticked chose none (JSON clients that leave topics out get every topic).
        const choices = json ? body : { ...body, topics: body.topics ?? [] };
        input = parseInput(subscribeSchema(deps.topics), choices);
      } catch (error) {
        if (json || !(error instanceof ValidationError)) throw error;
        return page(c, subscribePage(deps.topics, formValues(body), fieldError(error)), 400);
      }
      await subscribe(ports, {
        email: input.email,
        topics: input.topics,
        frequency: input.frequency,
        context: {
          ip,
          userAgent: (c.req.header('user-agent') ?? '').slice(0, 512),
          source: json ? 'api' : 'form',
        },
      });
      return accepted();
    }),
  );

function fieldError(error: ValidationError) {
  const field = error.field ?? 'email';
  // The page shows the message under the field's own label, so it reads as a sentence about it.
  const message = error.message.startsWith(`${field} `)
    ? error.message.slice(field.length + 1)
    : error.message;
  const subject = { email: 'Email address', topics: 'Topics', frequency: 'How often' }[field] ?? field;
  return { field, message: `${subject}: ${message}` };
}

function formValues(body: Record<string, unknown>) {
  const topics = body.topics === undefined ? [] : ([] as unknown[]).concat(body.topics).map(String);
  return {
    email: typeof body.email === 'string' ? body.email.slice(0, 254) : '',
    topics,
    ...(FREQUENCIES.includes(body.frequency as Frequency) ? { frequency: body.frequency as Frequency } : {}),
  };
}
