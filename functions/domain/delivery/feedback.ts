// What SES tells us after sending (through SNS): a permanent bounce or a complaint suppresses the
// address at once; transient bounces are counted and suppress after three in a row; a delivery
// resets the count. Accepts both shapes (`notificationType` from identity notifications, `eventType`
// from configuration-set event publishing), one or many recipients, and ignores unknown fields.
import { z } from 'zod';
import type { SubscriberStore } from '../../ports/subscriber-store';
import { ConflictError } from '../errors';
import { subscriberIdFor } from '../subscribers/email';

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
    mail: z.looseObject({ timestamp: z.string().optional() }).optional(),
  })
  // Unknown notification types are ignored, but a body with neither field is not a notification at all.
  .refine((n) => n.notificationType !== undefined || n.eventType !== undefined);

export type SesNotification = z.infer<typeof notificationSchema>;

export interface FeedbackOutcome {
  kind: string;
  suppressed: string[];
  counted: string[];
  reset: string[];
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
  ports: { subscribers: SubscriberStore; now: Date },
  notification: SesNotification,
): Promise<FeedbackOutcome> {
  const kind = notification.notificationType ?? notification.eventType ?? 'unknown';
  const outcome: FeedbackOutcome = { kind, suppressed: [], counted: [], reset: [] };
  const at = ports.now.toISOString();
  if (kind === 'Bounce' && notification.bounce) {
    const permanent = notification.bounce.bounceType === 'Permanent';
    for (const r of notification.bounce.bouncedRecipients) {
      const id = subscriberIdFor(r.emailAddress);
      if (permanent) {
        await ports.subscribers.suppress(
          id,
          `bounce:${notification.bounce.bounceSubType ?? 'Permanent'}`,
          at,
        );
        outcome.suppressed.push(r.emailAddress);
      } else if (await countTransient(ports, id, at)) {
        outcome.suppressed.push(r.emailAddress);
      } else {
        outcome.counted.push(r.emailAddress);
      }
    }
  } else if (kind === 'Complaint' && notification.complaint) {
    for (const r of notification.complaint.complainedRecipients) {
      await ports.subscribers.suppress(subscriberIdFor(r.emailAddress), 'complaint', at);
      outcome.suppressed.push(r.emailAddress);
    }
  } else if (kind === 'Delivery' && notification.delivery) {
    for (const email of notification.delivery.recipients) {
      if (await resetTransient(ports, subscriberIdFor(email), at)) outcome.reset.push(email);
    }
  }
  return outcome;
}

/** Counts one transient bounce; true when it was the third in a row and the address is now suppressed. */
async function countTransient(ports: { subscribers: SubscriberStore }, id: string, at: string) {
  return withRetry(async () => {
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
  return withRetry(async () => {
    const s = await ports.subscribers.get(id);
    if (!s || s.transientBounces === 0) return false;
    await ports.subscribers.put(
      { ...s, transientBounces: 0, updatedAt: at },
      { ifRevision: s.revision ?? 'absent' },
    );
    return true;
  });
}

async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 4) throw error;
    }
  }
}
