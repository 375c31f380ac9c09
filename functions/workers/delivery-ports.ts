// Builds the delivery feature's ports from the shared deps, once per deps object (per warm Lambda
// instance or local stack). No React here: the API bundle imports this file.
import { DynamoIssueStore } from '../adapters/dynamodb/issue-store';
import { DynamoSendRateStore } from '../adapters/dynamodb/send-rate';
import type { Deps } from '../deps';
import type { MessageSettings } from '../domain/delivery/message';
import { createSendRate, type SendRate } from '../domain/delivery/send-rate';
import type { IssueStore } from '../ports/issue-store';

export interface DeliveryPorts {
  issues: IssueStore;
  rate: SendRate;
  settings: MessageSettings;
}

const built = new WeakMap<Deps, DeliveryPorts>();

export function deliveryPorts(deps: Deps): DeliveryPorts {
  let ports = built.get(deps);
  if (!ports) {
    const { config } = deps;
    ports = {
      issues: new DynamoIssueStore(deps.dynamo, config.TABLE_NAME),
      rate: createSendRate({
        store: new DynamoSendRateStore(deps.dynamo, config.TABLE_NAME),
        rate: quotaBoundRate(deps),
      }),
      settings: {
        publicUrl: config.PUBLIC_URL,
        from: config.FROM_ADDRESS,
        mailDomain: config.mailDomain,
        tokenKeys: config.TOKEN_KEYS,
        configurationSet: config.SES_CONFIGURATION_SET,
      },
    };
    built.set(deps, ports);
  }
  return ports;
}

/** MAX_SEND_RATE, bounded by the provider's own MaxSendRate (re-read every 5 minutes). */
function quotaBoundRate(deps: Deps): () => Promise<number> {
  let cached: { rate: number; at: number } | undefined;
  return async () => {
    if (cached && Date.now() - cached.at < 300_000) return cached.rate;
    let rate = deps.config.MAX_SEND_RATE;
    try {
      const quota = await deps.mailer.quota();
      if (quota.maxSendRate > 0) rate = Math.min(rate, quota.maxSendRate);
    } catch (error) {
      deps.logger.warn('send quota unavailable; using MAX_SEND_RATE', { error: String(error) });
    }
    cached = { rate, at: Date.now() };
    return rate;
  };
}
