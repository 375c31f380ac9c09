// Summarising off the request path: the ingest queue's consumer turns received developments (from the
// developments webhook and the feed poller) into summaries, state of play and alert requests. It
// handles text from the internet, so it holds no secret and may enqueue only alert requests. With
// model-written summaries it alone may invoke the one Bedrock model configured.
import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { grantInvokeModel } from './bedrock-access';
import { type FunctionBindings, TalkwatchFunction } from './node-function';
import { TABLE_ACCESS } from './table-access';

export const INGEST_TIMEOUT = Duration.seconds(60);

export interface IngestProps {
  readonly bindings: FunctionBindings;
  /** Model-written summaries (SUMMARISER=bedrock) through this one Bedrock model; absent: offline. */
  readonly bedrockModelId?: string;
}

export class Ingest extends Construct {
  readonly handler: TalkwatchFunction;

  constructor(scope: Construct, id: string, props: IngestProps) {
    super(scope, id);
    this.handler = new TalkwatchFunction(this, 'Function', {
      entry: 'ingest',
      description: 'Talkwatch ingest: received developments → summary, state of play, alert request',
      // The time budget of one summary: past it the message returns to the queue, then its DLQ.
      timeout: INGEST_TIMEOUT,
      memorySize: 1024,
      bindings: props.bindings,
      tableActions: TABLE_ACCESS.ingest,
      enqueuesTo: ['dispatch'],
    });
    if (props.bedrockModelId) {
      this.handler.addEnvironment('SUMMARISER', 'bedrock');
      this.handler.addEnvironment('BEDROCK_MODEL_ID', props.bedrockModelId);
      grantInvokeModel(this.handler, props.bedrockModelId);
    }
    this.handler.addEventSource(
      new SqsEventSource(props.bindings.ingestQueue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: 2,
      }),
    );
  }
}
