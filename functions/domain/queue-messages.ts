// Every queue's message shapes in one place. The ingest queue turns received reports into summaries;
// the dispatch queue turns issues and alert requests into recipient batches; the send queue turns
// batches (and transactional emails) into sent emails. Ids only: no address waits in a queue.

/** Summarise a received development and finish its follow-ups (see developments/ingest.ts). */
export interface SummariseMessage {
  type: 'summarise';
  developmentId: string;
}

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

/**
 * One batch of recipients of one issue, by id only: the sender reads each reader's address (and
 * whether they still want mail) when it sends, so no address waits in the queue or its dead letters.
 */
export interface DeliverMessage {
  type: 'deliver';
  issueId: string;
  recipients: Array<{ subscriberId: string }>;
}

/**
 * Confirmation and welcome emails. Ids only: the sender reads the address from the record, and the
 * confirmation token travels sealed (see subscribers/confirm-token.ts). A confirm message without a
 * token is one the sender drops: every subscribe request enqueues one, whatever the address's state
 * (see subscribers/subscribe.ts).
 */
export interface TransactionalMessage {
  type: 'transactional';
  template: 'confirm' | 'welcome';
  subscriberId: string;
  sealedToken?: string;
}

export type SendMessage = DeliverMessage | TransactionalMessage;
