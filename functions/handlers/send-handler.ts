// The send queue's consumer (Lambda `functions/send.ts`, and the in-process queue locally): routes
// `deliver` batches to delivery/deliver.ts and `transactional` emails to subscribers/transactional.ts,
// answering with a partial batch response so only failed messages come back.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { Deps } from '../deps';
import { type DeliverPorts, deliverBatch } from '../domain/delivery/deliver';
import type { SendMessage, TransactionalMessage } from '../domain/queue-messages';
import type { Mailer } from '../ports/mailer';
import { currentReaders, messageSettings } from '../use-case-ports';
import { transactionalSender } from './transactional-sender';

export type TransactionalSender = (message: TransactionalMessage, mailer: Mailer) => Promise<unknown>;

export interface SendHandlerOptions {
  /** Replaces deliverTransactional (tests). */
  transactional?: TransactionalSender;
  /** Debug: each issue send as it goes, with its slot (the local stack's pacing trace for the bench). */
  traceTurn?: DeliverPorts['traceTurn'];
}

export function createSendHandler(deps: Deps, options: SendHandlerOptions = {}) {
  const ports = {
    issues: deps.issues,
    rate: deps.sendRate,
    settings: messageSettings(deps.config),
    readers: currentReaders(deps),
  };
  const cache = new Map();
  const transactional = options.transactional ?? transactionalSender(deps);
  // Transactional emails share the account's send rate with issues.
  const pacedMailer: Mailer = {
    send: async (email) => {
      await deps.sendRate.acquire();
      return deps.mailer.send(email);
    },
    quota: () => deps.mailer.quota(),
  };

  const record = async (r: SQSRecord) => {
    const message = JSON.parse(r.body) as SendMessage;
    if (message.type === 'transactional') return transactional(message, pacedMailer);
    if (message.type === 'deliver') {
      return deliverBatch(
        {
          ...ports,
          mailer: deps.mailer,
          clock: deps.clock,
          cache,
          log: (level, msg, details) => deps.logger[level](msg, details),
          ...(options.traceTurn ? { traceTurn: options.traceTurn } : {}),
        },
        message,
      );
    }
    deps.logger.error('unknown send message dropped', { body: r.body });
  };

  return async (event: SQSEvent) => {
    const processor = new BatchProcessor(EventType.SQS);
    return processPartialResponse(event, record, processor, { throwOnFullBatchFailure: false });
  };
}
