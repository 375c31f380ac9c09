// The ingest queue's consumer (Lambda `functions/ingest.ts`, the in-process queue locally): summarises
// received developments, off the request path, and finishes their follow-ups (state of play, alert
// request). Idempotent per message; partial batch responses, so only failed messages come back.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { Deps } from '../deps';
import { finishDevelopment, type SummariseMessage } from '../domain/developments/ingest';
import { summariserFor } from './summariser';

export function createIngestHandler(
  deps: Pick<Deps, 'developments' | 'queues' | 'clock' | 'logger' | 'config' | 'dynamo' | 'credentials'>,
) {
  const ports = {
    developments: deps.developments,
    dispatch: deps.queues.dispatch,
    clock: deps.clock,
    summariser: summariserFor(deps),
  };
  const record = async (r: SQSRecord) => {
    const message = JSON.parse(r.body) as SummariseMessage;
    if (message.type !== 'summarise' || typeof message.developmentId !== 'string') {
      deps.logger.error('unknown ingest message dropped', { messageId: r.messageId });
      return;
    }
    const result = await finishDevelopment(ports, message.developmentId);
    deps.logger.info('development summarised', { ...result });
  };
  return async (event: SQSEvent) =>
    processPartialResponse(event, record, new BatchProcessor(EventType.SQS), {
      throwOnFullBatchFailure: false,
    });
}
