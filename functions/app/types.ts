// What every route can reach: the ports and config, injected by a composition root.
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Config } from '../config';
import type { Deps } from '../deps';

export interface AppEnv {
  Variables: {
    deps: Deps;
    config: Config;
    logger: Logger;
    /** Set by verifyWebhook() on webhook routes only. */
    webhook: VerifiedWebhook;
  };
}

/** What a verified webhook hands to the route: its id (the idempotency key) and the raw body. */
export interface VerifiedWebhook {
  id: string;
  body: string;
}
