// What every route can reach: the ports and config, injected by a composition root.
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Config } from '../config';
import type { Deps } from '../deps';
import type { VerifiedWebhook } from './webhooks';

export interface AppEnv {
  Variables: {
    deps: Deps;
    config: Config;
    logger: Logger;
    /** Set by verifyWebhook() on webhook routes only. */
    webhook: VerifiedWebhook;
  };
}
