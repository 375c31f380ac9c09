// The send queue's consumer (Lambda `functions/send.ts`, and the in-process queue locally): routes
// `deliver` batches to the delivery code and `transactional` emails to the subscriptions feature,
// answering with a partial batch response so only failed messages come back.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { Deps } from '../deps';
import { deliverBatch } from '../domain/delivery/deliver';
import type { SendMessage, TransactionalMessage } from '../domain/delivery/messages';
import type { Recipient } from '../domain/subscribers/types';
import type { Mailer } from '../ports/mailer';
import { deliveryPorts } from './delivery-ports';
import { transactionalSender } from './transactional';

export type TransactionalSender = (message: TransactionalMessage, mailer: Mailer) => Promise<unknown>;

export interface SendHandlerOptions {
  /** Replaces the subscriptions feature's deliverTransactional (tests). */
  transactional?: TransactionalSender;
}

export function createSendHandler(deps: Deps, options: SendHandlerOptions = {}) {
  const ports = deliveryPorts(deps);
  const cache = new Map();
  const transactional = options.transactional ?? transactionalSender(deps);
  // Transactional emails share the account's send rate with issues.
  const pacedMailer: Mailer = {
    send: async (email) => {
      await ports.rate.acquire();
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
          readers: (ids) => currentReaders(deps, ids),
          cache,
          log: (level, msg, details) => deps.logger[level](msg, details),
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

/** The recipients of a batch who still take mail, read when sending (the queue holds ids only). */
async function currentReaders(deps: Deps, ids: readonly string[]): Promise<Map<string, Recipient>> {
  const found = await deps.subscribers.getMany(ids);
  const readers = new Map<string, Recipient>();
  for (const [id, s] of found) {
    if (s.status === 'active' && !s.paused) readers.set(id, { subscriberId: id, email: s.email });
  }
  return readers;
}
