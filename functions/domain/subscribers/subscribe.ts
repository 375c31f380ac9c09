// Double opt-in. Subscribing never reveals whether an address is known: every state gets the same
// answer and does the same work (one batch read, one conditional write, one queue message).
// Only a pending address is mailed, and only the confirmation, at most once per hour.
import type { Suppression } from '../../ports/subscriber-store';
import { ConflictError } from '../errors';
import { retryOnConflict } from '../retry';
import {
  CONFIRM_TTL_MS,
  confirmTokenMatches,
  confirmTokenSubscriberId,
  createConfirmToken,
  RESEND_INTERVAL_MS,
  sealConfirmToken,
} from './confirm-token';
import { resolveReader } from './identity';
import { countRequest, enforceLimit } from './limits';
import { DEFAULT_LIMITS, type SubscriptionPorts } from './subscription-ports';
import type { ConsentEvent, Frequency, Subscriber } from './types';

export type RequestContext = Omit<ConsentEvent, 'at'>;

export interface SubscribeRequest {
  /** Already normalised (see emailSchema). */
  email: string;
  topics: string[];
  frequency: Frequency;
  context: RequestContext;
}

/** Per-client limit, checked before anything else about the request. */
export function limitClient(ports: SubscriptionPorts, ip: string, action: 'subscribe' | 'token') {
  const limits = ports.limits ?? DEFAULT_LIMITS;
  const rule = action === 'subscribe' ? limits.subscribePerIp : limits.tokenActionsPerIp;
  return enforceLimit(ports, `ip-${action}`, ip, rule);
}

export async function subscribe(ports: SubscriptionPorts, request: SubscribeRequest): Promise<void> {
  const rule = (ports.limits ?? DEFAULT_LIMITS).subscribePerAddress;
  await retryOnConflict(async () => {
    const { id, existing, suppression } = await resolveReader(ports.subscribers, ports.idKey, request.email);
    const now = ports.clock.now();
    const at = now.toISOString();
    const ifRevision = existing ? (existing.revision ?? 0) : 'absent';
    // The per-address limit is counted on the entry this request writes (the record, or the
    // suppression entry of an address without one), in the same conditional write: a race re-reads.
    const requests = countRequest((existing ?? suppression)?.requests, now, rule);
    const write = (next: Subscriber) =>
      ports.subscribers.put(
        { ...next, requests },
        { ifRevision, ...(existing ? { previous: existing } : {}) },
      );

    // Every state does the same work (one read, one write, one message) so the answer takes as long
    // whatever the address: nothing to learn from timing either. Where nothing changes, the write
    // stores what is there (and the count) and the message carries no token (the sender drops it).
    if (suppression) {
      if (existing) await write(existing);
      else await ports.subscribers.countOnSuppression(suppression.id, withoutId(suppression), requests);
      await sendConfirmation(ports, id);
      return;
    }
    if (existing?.status === 'active') {
      // Nothing changes for a confirmed reader (a stranger must not alter their choices).
      await write(existing);
      await sendConfirmation(ports, id);
      return;
    }
    const due =
      !existing?.confirm || now.getTime() - Date.parse(existing.confirm.sentAt) >= RESEND_INTERVAL_MS;
    const issued = due ? createConfirmToken(id) : undefined;
    const confirm = issued
      ? {
          tokenHash: issued.tokenHash,
          expiresAt: new Date(now.getTime() + CONFIRM_TTL_MS).toISOString(),
          sentAt: at,
        }
      : existing?.confirm;
    if (existing?.status === 'unsubscribed') {
      // Anyone can ask to subscribe an address again: the reader's record (status, choices, consent)
      // stays theirs; the request waits beside it for the reader to confirm from their own inbox.
      const resubscribe = { at, ...request.context, topics: request.topics, frequency: request.frequency };
      await write({ ...existing, updatedAt: at, resubscribe, confirm });
      await sendConfirmation(ports, id, issued?.token);
      return;
    }
    await write({
      id,
      email: request.email,
      status: 'pending',
      topics: request.topics,
      frequency: request.frequency,
      paused: false,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      consent: { ...existing?.consent, subscribed: { at, ...request.context }, confirmed: undefined },
      confirm,
      transientBounces: existing?.transientBounces ?? 0,
    });
    await sendConfirmation(ports, id, issued?.token);
  });
}

function withoutId({ id: _id, ...suppression }: Suppression & { id: string }): Suppression {
  return suppression;
}

/** One message per request; only one with a (sealed) token is mailed. */
function sendConfirmation(ports: SubscriptionPorts, subscriberId: string, token?: string) {
  return ports.outbox.send([
    {
      type: 'transactional',
      template: 'confirm',
      subscriberId,
      ...(token ? { sealedToken: sealConfirmToken(token, ports.idKey) } : {}),
    },
  ]);
}

export type ConfirmResult =
  | { outcome: 'confirmed'; subscriber: Subscriber }
  /** Genuine but past its 7 days: the page offers a new email. */
  | { outcome: 'expired' }
  /** Unknown, forged, already used or superseded. */
  | { outcome: 'invalid' };

/** The POST behind the confirm button: the token works once, within 7 days. */
export async function confirmSubscription(
  ports: SubscriptionPorts,
  token: string | undefined,
  context: RequestContext,
): Promise<ConfirmResult> {
  const found = await pendingFor(ports, token);
  if (!found) return { outcome: 'invalid' };
  const { subscriber, confirm } = found;
  const now = ports.clock.now();
  if (Date.parse(confirm.expiresAt) <= now.getTime()) return { outcome: 'expired' };
  const at = now.toISOString();
  const { resubscribe: request, ...rest } = subscriber;
  const confirmed = { at, ...context };
  const next: Subscriber = {
    ...rest,
    status: 'active',
    paused: false,
    confirm: undefined,
    updatedAt: at,
    ...(request
      ? {
          // The reader confirmed a new subscription: its request becomes the record, the old one is kept.
          topics: request.topics,
          frequency: request.frequency,
          consent: {
            subscribed: {
              at: request.at,
              ip: request.ip,
              userAgent: request.userAgent,
              source: request.source,
            },
            confirmed,
            previous: [...(subscriber.consent.previous ?? []), withoutPrevious(subscriber.consent)],
          },
        }
      : { consent: { ...subscriber.consent, confirmed, unsubscribed: undefined } }),
  };
  try {
    await ports.subscribers.put(next, { ifRevision: subscriber.revision ?? 0 });
  } catch (error) {
    // Two clicks at once: the first one confirmed; the second sends no second welcome.
    if (!(error instanceof ConflictError)) throw error;
    const now2 = await ports.subscribers.get(subscriber.id);
    return now2?.status === 'active' ? { outcome: 'confirmed', subscriber: now2 } : { outcome: 'invalid' };
  }
  await ports.outbox.send([{ type: 'transactional', template: 'welcome', subscriberId: subscriber.id }]);
  return { outcome: 'confirmed', subscriber: next };
}

/** From the expired-link page: a fresh confirmation email, at most once per hour. Silent either way. */
export async function resendConfirmation(ports: SubscriptionPorts, token: string | undefined): Promise<void> {
  const found = await pendingFor(ports, token);
  if (!found) return;
  await subscribe(ports, {
    email: found.subscriber.email,
    topics: found.subscriber.topics,
    frequency: found.subscriber.frequency,
    context: found.subscriber.consent.subscribed ?? { ip: 'unknown', userAgent: '', source: 'resend' },
  });
}

function withoutPrevious(consent: Subscriber['consent']) {
  const { previous: _previous, ...record } = consent;
  return record;
}

/** A confirmation is open for a pending address, and for an unsubscribed one asked to come back. */
export function awaitsConfirmation(s: Subscriber | undefined): boolean {
  return Boolean(s?.confirm) && (s?.status === 'pending' || s?.status === 'unsubscribed');
}

async function pendingFor(ports: SubscriptionPorts, token: string | undefined) {
  const id = confirmTokenSubscriberId(token);
  if (!id || !token) return undefined;
  const [subscriber, suppressed] = await Promise.all([
    ports.subscribers.get(id),
    ports.subscribers.isSuppressed(id),
  ]);
  const confirm = subscriber?.confirm;
  if (suppressed || !awaitsConfirmation(subscriber) || !subscriber || !confirm) return undefined;
  return confirmTokenMatches(token, confirm.tokenHash) ? { subscriber, confirm } : undefined;
}
