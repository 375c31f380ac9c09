// SES feedback: the configuration set publishes bounces, complaints, rejects and deliveries to an
// encrypted, SSL-only SNS topic; the feedback function turns them into suppressions and delivery state.
import { Duration } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { type FunctionBindings, TalkwatchFunction } from './node-function';
import { TABLE_ACCESS } from './table-access';

export const FEEDBACK_TIMEOUT = Duration.seconds(30);

export const FEEDBACK_EVENTS = [
  ses.EmailSendingEvent.BOUNCE,
  ses.EmailSendingEvent.COMPLAINT,
  ses.EmailSendingEvent.REJECT,
  ses.EmailSendingEvent.DELIVERY,
];

export interface FeedbackProps {
  readonly bindings: FunctionBindings;
  readonly configurationSet: ses.IConfigurationSet;
  readonly topicKey: kms.IKey;
}

export class Feedback extends Construct {
  readonly topic: sns.Topic;
  readonly handler: TalkwatchFunction;
  /** Notifications the function failed on after SNS's retries. */
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: FeedbackProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Talkwatch SES feedback',
      enforceSSL: true,
      masterKey: props.topicKey,
    });
    new ses.ConfigurationSetEventDestination(this, 'EventDestination', {
      configurationSet: props.configurationSet,
      destination: ses.EventDestination.snsTopic(this.topic),
      events: FEEDBACK_EVENTS,
    });

    this.handler = new TalkwatchFunction(this, 'Function', {
      entry: 'feedback',
      description: 'Talkwatch SES feedback: bounces and complaints → suppression',
      timeout: FEEDBACK_TIMEOUT,
      memorySize: 256,
      bindings: props.bindings,
      // Finds readers by the subscriber tag SES echoes back: no secret needed.
      tableActions: TABLE_ACCESS.feedback,
    });
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetterQueue,
      'AwsSolutions-SQS3',
      'This queue is the dead-letter queue of the SNS → feedback function subscription.',
    );
    this.topic.addSubscription(
      new LambdaSubscription(this.handler, { deadLetterQueue: this.deadLetterQueue }),
    );
  }
}
