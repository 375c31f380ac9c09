// What SES tells us after sending (through SNS): a permanent bounce or a complaint suppresses the
// address at once; transient bounces are counted and suppress after three in a row; a delivery
// resets the count. Accepts both shapes (`notificationType` from identity notifications, `eventType`
// from configuration-set event publishing), one or many recipients, and ignores unknown fields.
//
// The reader is found by the `subscriber` tag every email carries (SES echoes tags back through the
// configuration set), so the feedback function needs no key to derive ids from addresses; where a
// notification has no tag (identity notifications, the local route) `idFor` derives it. Outcomes
// name subscriber ids, never addresses, so they can be logged.
import { z } from 'zod';
import type { SubscriberStore } from '../../ports/subscriber-store';
import { retryOnConflict } from '../retry';
import { SUBSCRIBER_TAG } from '../subscribers/links';

export const TRANSIENT_BOUNCES_BEFORE_SUPPRESSION = 3;

const address = z.looseObject({ emailAddress: z.string() });
const notificationSchema = z
  .looseObject({
    notificationType: z.string().optional(),
    eventType: z.string().optional(),
    bounce: z
      .looseObject({
        bounceType: z.string(),
        bounceSubType: z.string().optional(),
        bouncedRecipients: z.array(address).default([]),
        timestamp: z.string().optional(),
      })
      .optional(),
    complaint: z
      .looseObject({ complainedRecipients: z.array(address).default([]), timestamp: z.string().optional() })
      .optional(),
    delivery: z.looseObject({ recipients: z.array(z.string()).default([]) }).optional(),
    mail: z
      .looseObject({
        timestamp: z.string().optional(),
        tags: z.record(z.string(), z.array(z.string())).optional(),
      })
      .optional(),
  })
  // Unknown notification types are ignored, but a body with neither field is not a notification at all.
  .refine((n) => n.notificationType !== undefined || n.eventType !== undefined);

export type SesNotification = z.infer<typeof notificationSchema>;

/** Subscriber ids, not addresses. */
export interface FeedbackOutcome {
  kind: string;
  suppressed: string[];
  counted: string[];
  reset: string[];
  /** Recipients no subscriber id could be found for (no tag, no way to derive one). */
  unknown: number;
}

export interface FeedbackPorts {
  subscribers: SubscriberStore;
  now: Date;
  /** The subscriber id of an address, where this function may derive it (it holds the key). */
  idFor?: (email: string) => Promise<string>;
}

/** An SNS envelope (`{ Type: 'Notification', Message: '<json>' }`) or the SES notification itself. */
export function parseSesNotification(input: unknown): SesNotification | undefined {
  let value = input;
  if (value && typeof value === 'object' && typeof (value as { Message?: unknown }).Message === 'string') {
    try {
      value = JSON.parse((value as { Message: string }).Message);
    } catch {
      return undefined;
    }
  }
  const parsed = notificationSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export async function handleSesNotification(
  ports: FeedbackPorts,
  notification: SesNotification,
): Promise<FeedbackOutcome> {
  const kind = notification.notificationType ?? notification.eventType ?? 'unknown';
  const outcome: FeedbackOutcome = { kind, suppressed: [], counted: [], reset: [], unknown: 0 };
  const at = ports.now.toISOString();
  const recipients =
    kind === 'Bounce'
      ? (notification.bounce?.bouncedRecipients.map((r) => r.emailAddress) ?? [])
      : kind === 'Complaint'
        ? (notification.complaint?.complainedRecipients.map((r) => r.emailAddress) ?? [])
        : kind === 'Delivery'
          ? (notification.delivery?.recipients ?? [])
          : [];
  // Each email goes to one reader, so its tag names the one recipient of a notification.
  const tagged = notification.mail?.tags?.[SUBSCRIBER_TAG]?.[0];
  const idOf = async (email: string) =>
    recipients.length === 1 && tagged && /^[A-Za-z0-9_-]{8,64}$/.test(tagged) ? tagged : ports.idFor?.(email);
  for (const email of recipients) {
    const id = await idOf(email);
    if (!id) {
      outcome.unknown++;
      continue;
    }
    if (kind === 'Bounce' && notification.bounce?.bounceType === 'Permanent') {
      await ports.subscribers.suppress(id, `bounce:${notification.bounce.bounceSubType ?? 'Permanent'}`, at);
      outcome.suppressed.push(id);
    } else if (kind === 'Bounce') {
      (await countTransient(ports, id, at)) ? outcome.suppressed.push(id) : outcome.counted.push(id);
    } else if (kind === 'Complaint') {
      await ports.subscribers.suppress(id, 'complaint', at);
      outcome.suppressed.push(id);
    } else if (await resetTransient(ports, id, at)) {
      outcome.reset.push(id);
    }
  }
  return outcome;
}

/** Counts one transient bounce; true when it was the third in a row and the address is now suppressed. */
async function countTransient(ports: { subscribers: SubscriberStore }, id: string, at: string) {
  return retryOnConflict(async () => {
    const s = await ports.subscribers.get(id);
    if (!s) return false;
    const transientBounces = s.transientBounces + 1;
    await ports.subscribers.put(
      { ...s, transientBounces, updatedAt: at },
      { ifRevision: s.revision ?? 'absent' },
    );
    if (transientBounces < TRANSIENT_BOUNCES_BEFORE_SUPPRESSION) return false;
    await ports.subscribers.suppress(id, `bounce:transient x${transientBounces}`, at);
    return true;
  });
}

async function resetTransient(ports: { subscribers: SubscriberStore }, id: string, at: string) {
  return retryOnConflict(async () => {
    const s = await ports.subscribers.get(id);
    if (!s || s.transientBounces === 0) return false;
    await ports.subscribers.put(
      { ...s, transientBounces: 0, updatedAt: at },
      { ifRevision: s.revision ?? 'absent' },
    );
    return true;
  });
}
