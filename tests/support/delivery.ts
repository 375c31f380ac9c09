// Helpers for the delivery tests: active subscribers in the real store, signed webhook requests, and
// the local wiring of both queue consumers on test deps.
import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { SendRate } from '../../functions/domain/delivery/send-rate';
import type { Issue, RenderedTemplate } from '../../functions/domain/issues/types';
import { markersFor } from '../../functions/domain/link-markers';
import type { Frequency, Subscriber } from '../../functions/domain/subscribers/types';
import type { SubscriberStore } from '../../functions/ports/subscriber-store';
import { TEST_SECRETS } from './env';
import { subscriberIdFor } from './ids';

export function activeSubscriber(email: string, frequency: Frequency = 'daily'): Subscriber {
  const at = '2025-11-01T00:00:00.000Z';
  return {
    id: subscriberIdFor(email),
    email,
    status: 'active',
    topics: ['us-russia-ukraine'],
    frequency,
    paused: false,
    createdAt: at,
    updatedAt: at,
    consent: {},
    transientBounces: 0,
  };
}

/** `count` active subscribers on a domain unique to this run, so SES store entries can be told apart. */
export async function seedSubscribers(
  store: SubscriberStore,
  count: number,
  options: { frequency?: Frequency; prefix?: string } = {},
): Promise<Subscriber[]> {
  const domain = `run-${randomUUID().slice(0, 8)}.example.org`;
  const subscribers = Array.from({ length: count }, (_, i) =>
    activeSubscriber(`${options.prefix ?? 'reader'}${i}@${domain}`, options.frequency),
  );
  for (let i = 0; i < subscribers.length; i += 25) {
    await Promise.all(subscribers.slice(i, i + 25).map((s) => store.put(s)));
  }
  return subscribers;
}

const ROUTE_SECRETS = {
  send: TEST_SECRETS.WEBHOOK_SECRET_SEND,
  developments: TEST_SECRETS.WEBHOOK_SECRET_DEVELOPMENTS,
  ses: TEST_SECRETS.WEBHOOK_SECRET_SES,
};

/** Standard Webhooks headers signed with the test secret of `route` (default: send), or `secret`. */
export function signedHeaders(
  body: string,
  options: { id?: string; secret?: string; at?: Date; route?: keyof typeof ROUTE_SECRETS } = {},
) {
  const id = options.id ?? `msg_${randomUUID()}`;
  const at = options.at ?? new Date();
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(options.secret ?? ROUTE_SECRETS[options.route ?? 'send']).sign(
      id,
      at,
      body,
    ),
  };
}

/**
 * Ask the app for this period's digest of the first topic through the signed `POST /webhooks/send`,
 * covering everything since 1 Dec 2025; answers the issue id (the request must be accepted).
 */
export async function requestDigest(app: {
  request: (path: string, init: RequestInit) => Response | Promise<Response>;
}) {
  const body = JSON.stringify({ topic: 'us-russia-ukraine', kind: 'digest', since: '2025-12-01T00:00:00Z' });
  const res = await app.request('/webhooks/send', { method: 'POST', body, headers: signedHeaders(body) });
  if (res.status !== 202) throw new Error(`POST /webhooks/send answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { issueId: string }).issueId;
}

/** A digest issue and its rendered template with fresh link markers, for the send path's unit tests. */
export function digestWithTemplate(): { issue: Issue; template: RenderedTemplate } {
  const markers = markersFor(randomBytes(16).toString('hex'));
  return {
    issue: { id: 'iss_1', topic: 'us-russia-ukraine', kind: 'digest' } as Issue,
    template: {
      subject: 'Digest',
      html: `<p>News</p><a href="${markers.unsubscribeUrl}">Unsubscribe</a>`,
      text: `News\nUnsubscribe: ${markers.unsubscribeUrl}`,
      markers,
    },
  };
}

/** The send path's settings and its one reader, for the send path's unit tests. */
export function oneReaderSend() {
  return {
    settings: {
      publicUrl: 'https://talkwatch.test',
      from: 'Talkwatch <alerts@talkwatch.test>',
      mailDomain: 'talkwatch.test',
      tokenKeys: [{ version: '1', key: randomBytes(32).toString('base64') }],
    },
    readers: async () => new Map([['sub_a', { subscriberId: 'sub_a', email: 'a@example.org' }]]),
  };
}

/**
 * A send rate whose every slot is "now" (no schedule, no waiting), for the send path's unit tests.
 * `onReserve` runs before each slot is handed out and `onTurn` before each turn (count them, fail one).
 */
export function immediateRate(hooks: { onReserve?: () => void; onTurn?: () => void } = {}): SendRate {
  const rate: SendRate = {
    reserve: async () => {
      hooks.onReserve?.();
      return Date.now();
    },
    beforeSlot: async () => undefined,
    turn: async () => {
      hooks.onTurn?.();
      return Date.now();
    },
    giveBack: () => undefined,
    acquire: async () => {
      await rate.reserve();
      return rate.turn();
    },
  };
  return rate;
}
