// What the subscription use cases need from the outside world, passed in by the caller.
import type { Clock } from '../../ports/clock';
import type { Queue } from '../../ports/queue';
import type { RateLimiter } from '../../ports/rate-limiter';
import type { SubscriberStore } from '../../ports/subscriber-store';
import type { TransactionalMessage } from '../queue-messages';
import type { Topic } from './topics';

export interface SubscriptionPorts {
  subscribers: SubscriberStore;
  rateLimiter: RateLimiter;
  /** The send queue: transactional emails are rendered and sent by its consumer, off the request path. */
  outbox: Queue<TransactionalMessage>;
  clock: Clock;
  topics: readonly Topic[];
  /** SUBSCRIBER_ID_KEY: keys subscriber ids and abuse-limit keys. */
  idKey: string;
  /** Abuse limits; DEFAULT_LIMITS unless configured (see RATE_LIMIT_* in functions/config.ts). */
  limits?: AbuseLimits;
}

export interface LimitRule {
  limit: number;
  windowSeconds: number;
}

export interface AbuseLimits {
  subscribePerIp: LimitRule;
  subscribePerAddress: LimitRule;
  tokenActionsPerIp: LimitRule;
}

/** Abuse limits. Per address also bounds how often anyone can make us mail one inbox. */
export const DEFAULT_LIMITS: AbuseLimits = {
  subscribePerIp: { limit: 10, windowSeconds: 600 },
  subscribePerAddress: { limit: 5, windowSeconds: 3600 },
  tokenActionsPerIp: { limit: 60, windowSeconds: 600 },
};
