// The two queues' message shapes, fixed between features: the dispatch queue turns issues into
// recipient batches, the send queue turns batches (and transactional emails) into sent emails.
import type { Recipient } from '../subscribers/types';

/** Fan an issue out to its cohorts (idempotent: may be delivered any number of times). */
export interface DispatchIssueMessage {
  type: 'dispatch';
  issueId: string;
}

/** Enqueued by ingest when a development is significant enough for an instant alert. */
export interface AlertRequestMessage {
  type: 'alert-request';
  topic: string;
  developmentId: string;
}

export type DispatchMessage = DispatchIssueMessage | AlertRequestMessage;

/** One batch of recipients of one issue. */
export interface DeliverMessage {
  type: 'deliver';
  issueId: string;
  recipients: Recipient[];
}

/** Confirmation and welcome emails (rendered and sent by the subscriptions feature). */
export interface TransactionalMessage {
  type: 'transactional';
  template: 'confirm' | 'welcome';
  subscriberId: string;
  to: string;
  confirmToken?: string;
}

export type SendMessage = DeliverMessage | TransactionalMessage;
