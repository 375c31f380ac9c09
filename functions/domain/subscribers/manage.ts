// What a reader can do from the links in their emails (signed tokens, no login): change topics and
// frequency, pause and resume, unsubscribe in one click, download or delete their data.

import { retryOnConflict } from '../retry';
import { type TokenKey, type TokenPurpose, verifySubscriberToken } from './link-tokens';
import type { SubscriptionPorts } from './subscription-ports';
import type { Frequency, Subscriber } from './types';

type StorePorts = Pick<SubscriptionPorts, 'subscribers' | 'clock'>;

/** The subscriber a genuine token names, or undefined (bad token and unknown reader look alike). */
export async function subscriberForToken(
  ports: StorePorts,
  keys: readonly TokenKey[],
  purpose: TokenPurpose,
  token: string | undefined,
): Promise<Subscriber | undefined> {
  const id = verifySubscriberToken(keys, purpose, token);
  return id ? ports.subscribers.get(id) : undefined;
}

export function updatePreferences(
  ports: StorePorts,
  id: string,
  choices: { topics: string[]; frequency: Frequency },
): Promise<Subscriber | undefined> {
  return mutate(ports, id, (s) => ({ ...s, topics: choices.topics, frequency: choices.frequency }));
}

export function setPaused(ports: StorePorts, id: string, paused: boolean): Promise<Subscriber | undefined> {
  return mutate(ports, id, (s) => ({ ...s, paused }));
}

/** Takes effect at once: the next cohort listing no longer holds the address. Idempotent. */
export function unsubscribe(ports: StorePorts, id: string, source: string): Promise<Subscriber | undefined> {
  return mutate(ports, id, (s, at) =>
    s.status === 'unsubscribed'
      ? s
      : {
          ...s,
          status: 'unsubscribed',
          confirm: undefined,
          resubscribe: undefined,
          consent: { ...s.consent, unsubscribed: { at, source } },
        },
  );
}

/**
 * Back in from the preference centre. The signed link proves the reader holds the mailbox and the
 * address was confirmed before, so no second opt-in is needed; a never-confirmed one stays pending.
 */
export function resubscribe(ports: StorePorts, id: string): Promise<Subscriber | undefined> {
  return mutate(ports, id, (s) =>
    s.status === 'unsubscribed' && s.consent.confirmed
      ? {
          ...s,
          status: 'active',
          paused: false,
          confirm: undefined,
          resubscribe: undefined,
          consent: { ...s.consent, unsubscribed: undefined },
        }
      : s,
  );
}

/** A reader's deliveries, as the issue store keeps them (see ports/issue-store.ts). */
export interface ReaderDeliveries {
  listDeliveriesOf(
    subscriberId: string,
  ): Promise<Array<{ issueId: string; status: string; at?: string; claimedAt?: string }>>;
  anonymiseDeliveriesOf(subscriberId: string): Promise<number>;
}

/**
 * Everything kept about the reader, for "download my data": the record (never the confirmation token
 * hash), every issue sent to them with its outcome, and the suppression entry if there is one.
 */
export async function exportReaderData(
  ports: Pick<SubscriptionPorts, 'subscribers'> & { deliveries: ReaderDeliveries },
  s: Subscriber,
) {
  const [deliveries, suppression] = await Promise.all([
    ports.deliveries.listDeliveriesOf(s.id),
    ports.subscribers.getSuppression(s.id),
  ]);
  return {
    ...exportData(s),
    deliveries: deliveries.map((d) => ({ issueId: d.issueId, status: d.status, at: d.at ?? d.claimedAt })),
    suppression: suppression ?? null,
  };
}

export function exportData(s: Subscriber) {
  return {
    email: s.email,
    status: s.status,
    topics: s.topics,
    frequency: s.frequency,
    paused: s.paused,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    consent: s.consent,
    confirmationPending: s.confirm ? { sentAt: s.confirm.sentAt, expiresAt: s.confirm.expiresAt } : undefined,
    transientBounces: s.transientBounces,
  };
}

/**
 * Erase the record and its cohort entries, and strip the reader's delivery records of what links them
 * to the reader (SES message ids, error texts, the per-reader index; the bare outcome stays so issue
 * counts remain true). A suppression entry keyed by the reader's id stays (written first, so a crash
 * in between never leaves the address re-addable) so that no later subscribe or import can add it back.
 */
export async function deleteSubscriber(
  ports: StorePorts & { deliveries: ReaderDeliveries },
  id: string,
): Promise<void> {
  await ports.subscribers.suppress(id, 'deleted-by-subscriber', ports.clock.now().toISOString());
  await ports.subscribers.delete(id);
  await ports.deliveries.anonymiseDeliveriesOf(id);
}

async function mutate(
  ports: StorePorts,
  id: string,
  change: (s: Subscriber, at: string) => Subscriber,
): Promise<Subscriber | undefined> {
  return retryOnConflict(async () => {
    const current = await ports.subscribers.get(id);
    if (!current) return undefined;
    const at = ports.clock.now().toISOString();
    const changed = change(current, at);
    if (changed === current) return current;
    const next = { ...changed, updatedAt: at };
    await ports.subscribers.put(next, { ifRevision: current.revision ?? 0 });
    return { ...next, revision: (current.revision ?? 0) + 1 };
  });
}
