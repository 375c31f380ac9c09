// Which record an address is: new readers are stored under the keyed id, readers from before ids were
// keyed under their bare-hash id, which their unsubscribe and preference links still carry. An
// address is looked up under both (one batch read), so nobody is duplicated, re-added past a
// suppression, or cut off from the links already in their inbox. No migration is needed.
import type { SubscriberStore, Suppression } from '../../ports/subscriber-store';
import { legacySubscriberIdFor, subscriberIdFor } from './email';
import type { Subscriber } from './types';

export interface ResolvedReader {
  /** The id to read and write: the legacy one only when a record is already stored there. */
  id: string;
  existing: Subscriber | undefined;
  /** Suppressed under either id (a suppression outlives the record, whichever id it was under). */
  suppression?: Suppression & { id: string };
}

export async function resolveReader(
  subscribers: SubscriberStore,
  idKey: string,
  email: string,
): Promise<ResolvedReader> {
  const keyed = subscriberIdFor(email, idKey);
  const legacy = legacySubscriberIdFor(email);
  const found = await subscribers.lookup([keyed, legacy]);
  const current = found.get(keyed)?.subscriber;
  const old = found.get(legacy)?.subscriber;
  const useLegacy = !current && old !== undefined;
  const suppressedNow = found.get(keyed)?.suppression;
  const suppressedBefore = found.get(legacy)?.suppression;
  const suppression = suppressedNow
    ? { id: keyed, ...suppressedNow }
    : suppressedBefore
      ? { id: legacy, ...suppressedBefore }
      : undefined;
  return {
    id: useLegacy ? legacy : keyed,
    existing: useLegacy ? old : current,
    ...(suppression ? { suppression } : {}),
  };
}

/** The id an address is stored under (for SES feedback that arrives without a subscriber tag). */
export async function storedIdFor(
  subscribers: SubscriberStore,
  idKey: string,
  email: string,
): Promise<string> {
  return (await resolveReader(subscribers, idKey, email)).id;
}
