// The dispatch queue's consumer (Lambda `functions/dispatch.ts`, the in-process queue locally): turns
// issues and alert requests into recipient batches. It is the one place an issue is rendered (React).
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { renderIssueTemplate } from '../../emails/render';
import type { Deps } from '../deps';
import { handleDispatchMessage } from '../domain/delivery/dispatch';
import type { DispatchMessage } from '../domain/queue-messages';
import { dispatchPorts } from '../use-case-ports';

export function createDispatchHandler(deps: Deps) {
  const ports = dispatchPorts(deps, renderIssueTemplate);
  const record = async (r: SQSRecord) => {
    await handleDispatchMessage(ports, JSON.parse(r.body) as DispatchMessage);
  };
  return async (event: SQSEvent) =>
    processPartialResponse(event, record, new BatchProcessor(EventType.SQS), {
      throwOnFullBatchFailure: false,
    });
}
