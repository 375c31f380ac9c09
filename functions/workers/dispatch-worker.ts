// The dispatch queue's consumer (Lambda `functions/dispatch.ts`, the in-process queue locally): turns
// issues and alert requests into recipient batches. It is the one place an issue is rendered (React).
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { renderIssueTemplate } from '../../emails/render';
import { suppressionLookup } from '../adapters/dynamodb/suppression-lookup';
import type { Deps } from '../deps';
import { type DispatchPorts, handleDispatchMessage } from '../domain/delivery/dispatch';
import type { DispatchMessage } from '../domain/delivery/messages';
import type { DevelopmentStore } from '../ports/development-store';
import { deliveryPorts } from './delivery-ports';

export function dispatchPorts(deps: Deps, developments?: DevelopmentStore): DispatchPorts {
  return {
    issues: deliveryPorts(deps).issues,
    subscribers: deps.subscribers,
    developments: developments ?? deps.developments,
    dispatch: deps.queues.dispatch,
    send: deps.queues.send,
    render: renderIssueTemplate,
    clock: deps.clock,
    topics: deps.topics,
    publicUrl: deps.config.PUBLIC_URL,
    suppressedAmong: suppressionLookup(deps.dynamo, deps.config.TABLE_NAME),
  };
}

export function createDispatchHandler(deps: Deps, options: { developments?: DevelopmentStore } = {}) {
  let ports: DispatchPorts | undefined;
  const record = async (r: SQSRecord) => {
    ports ??= dispatchPorts(deps, options.developments);
    await handleDispatchMessage(ports, JSON.parse(r.body) as DispatchMessage);
  };
  return async (event: SQSEvent) =>
    processPartialResponse(event, record, new BatchProcessor(EventType.SQS), {
      throwOnFullBatchFailure: false,
    });
}
