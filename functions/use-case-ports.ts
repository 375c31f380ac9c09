// The port set each use case takes, built from the composed Deps: the one place a use case's
// dependencies are listed, so routes, queue handlers, the local stack and scripts wire them alike.
// Renderers are passed in by the handlers that render (React stays out of the API's reading paths).
import type { Config } from './config';
import type { Deps } from './deps';
import type { DispatchPorts } from './domain/delivery/dispatch';
import type { MessageSettings } from './domain/delivery/reader-email';
import type { FinishPorts, IngestPorts, ReceivePorts } from './domain/developments/ingest';
import type { PollLogger, PollPorts } from './domain/developments/poll-feeds';
import type { IssueRenderer } from './domain/issues/types';
import { DEFAULT_LIMITS, type SubscriptionPorts } from './domain/subscribers/subscription-ports';

/** Storing a development and its follow-ups. */
function storePorts(deps: Deps): IngestPorts {
  return {
    developments: deps.developments,
    dispatch: deps.queues.dispatch,
    clock: deps.clock,
    catalogue: deps.catalogue,
  };
}

/** Summarising and its follow-ups (the ingest queue's consumer; scripts that ingest directly). */
export function ingestPorts(deps: Deps): FinishPorts {
  return { ...storePorts(deps), summariser: deps.summariser };
}

/** Receiving a report on the request path (webhook, feed poller): summarising is queued. */
export function receivePorts(deps: Deps): ReceivePorts {
  return { ...storePorts(deps), ingest: deps.queues.ingest };
}

export function pollPorts(deps: Deps): PollPorts {
  const logger: PollLogger = {
    debug: (message, extra) => deps.logger.debug(message, { ...(extra as object) }),
    info: (message, extra) => deps.logger.info(message, { ...(extra as object) }),
    warn: (message, extra) => deps.logger.warn(message, { ...(extra as object) }),
  };
  return { ...receivePorts(deps), feeds: deps.feeds, logger };
}

/** Asking for an issue (webhook, schedule, resume after a crash). */
export function issueRequestPorts(deps: Deps) {
  return { issues: deps.issues, dispatch: deps.queues.dispatch, clock: deps.clock };
}

export function dispatchPorts(deps: Deps, render: IssueRenderer): DispatchPorts {
  return {
    issues: deps.issues,
    subscribers: deps.subscribers,
    developments: deps.developments,
    dispatch: deps.queues.dispatch,
    send: deps.queues.send,
    render,
    clock: deps.clock,
    topics: deps.topics,
    publicUrl: deps.config.PUBLIC_URL,
  };
}

/** What every email to a reader is built with: where links point, who it is from, the SES set. */
export function messageSettings(config: Config): MessageSettings {
  return {
    publicUrl: config.PUBLIC_URL,
    from: config.FROM_ADDRESS,
    mailDomain: config.mailDomain,
    tokenKeys: config.TOKEN_KEYS,
    configurationSet: config.SES_CONFIGURATION_SET,
  };
}

/** The recipients of a batch who still take mail, read when sending (the queue holds ids only). */
export function currentReaders(deps: Deps) {
  return (ids: readonly string[]) => deps.subscribers.recipientsAmong(ids);
}

export function subscriptionPorts(deps: Deps): SubscriptionPorts {
  const { config } = deps;
  return {
    subscribers: deps.subscribers,
    rateLimiter: deps.rateLimiter,
    outbox: deps.queues.send,
    clock: deps.clock,
    topics: deps.topics,
    idKey: config.SUBSCRIBER_ID_KEY,
    limits: {
      subscribePerIp: { ...DEFAULT_LIMITS.subscribePerIp, limit: config.RATE_LIMIT_SUBSCRIBE_PER_IP },
      subscribePerAddress: {
        ...DEFAULT_LIMITS.subscribePerAddress,
        limit: config.RATE_LIMIT_SUBSCRIBE_PER_ADDRESS,
      },
      tokenActionsPerIp: {
        ...DEFAULT_LIMITS.tokenActionsPerIp,
        limit: config.RATE_LIMIT_TOKEN_ACTIONS_PER_IP,
      },
    },
  };
}
