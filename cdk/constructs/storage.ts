// Everything that outlives one invocation: the single DynamoDB table (mirroring the layout the code
// uses, imported from the adapter so the two cannot drift), the secret holding the webhook secret,
// admin token and token keys, the two work queues with their dead-letter queues, and the key that
// encrypts the SNS topics.
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { INDEXES, KEYS, TTL_ATTRIBUTE } from '../../functions/adapters/dynamodb/table';
import { SECRET_SEED_KEY } from '../../functions/aws/secrets';
import { acknowledge } from '../nag';

export interface StorageProps {
  /** Timeouts of the functions consuming each queue: visibility is six times this. */
  readonly dispatchConsumerTimeout: Duration;
  readonly sendConsumerTimeout: Duration;
  readonly ingestConsumerTimeout: Duration;
}

export class Storage extends Construct {
  readonly table: dynamodb.TableV2;
  readonly secret: secretsmanager.Secret;
  readonly dispatchQueue: sqs.Queue;
  readonly dispatchDeadLetterQueue: sqs.Queue;
  readonly sendQueue: sqs.Queue;
  readonly sendDeadLetterQueue: sqs.Queue;
  readonly ingestQueue: sqs.Queue;
  readonly ingestDeadLetterQueue: sqs.Queue;
  /** Encrypts the SNS topics; SES and CloudWatch may use it to publish. */
  readonly topicKey: kms.Key;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    const attr = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: attr(KEYS.pk),
      sortKey: attr(KEYS.sk),
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      globalSecondaryIndexes: Object.values(INDEXES).map((index) => ({
        indexName: index.name,
        partitionKey: attr(index.pk),
        sortKey: attr(index.sk),
        projectionType: dynamodb.ProjectionType.ALL,
      })),
      // Subscriber data: never deleted with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });

    // One random seed; functions/aws/secrets.ts derives the whsec_ webhook secret, the admin token and
    // the token keys from it, so a deploy needs no manual step. Explicit keys in the JSON win.
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: 'Talkwatch webhook secret, admin token and token keys (see README, Deploy to AWS)',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({}),
        generateStringKey: SECRET_SEED_KEY,
        passwordLength: 64,
        excludePunctuation: true,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.secret,
      'AwsSolutions-SMG4',
      'Webhook secrets and token keys rotate by hand (several valid at once, see README): senders must change too.',
    );

    const dispatch = this.queuePair('Dispatch', props.dispatchConsumerTimeout);
    this.dispatchQueue = dispatch.queue;
    this.dispatchDeadLetterQueue = dispatch.dlq;
    const send = this.queuePair('Send', props.sendConsumerTimeout);
    this.sendQueue = send.queue;
    this.sendDeadLetterQueue = send.dlq;
    const ingest = this.queuePair('Ingest', props.ingestConsumerTimeout);
    this.ingestQueue = ingest.queue;
    this.ingestDeadLetterQueue = ingest.dlq;

    this.topicKey = new kms.Key(this, 'TopicKey', {
      description: 'Talkwatch SNS topics (SES feedback, alarms)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    // Only on behalf of this account: another account's SES or alarms cannot use the key through us.
    const account = Stack.of(this).account;
    for (const service of ['ses.amazonaws.com', 'cloudwatch.amazonaws.com']) {
      this.topicKey.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal(service)],
          actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:SourceAccount': account } },
        }),
      );
    }
  }

  private queuePair(name: string, consumerTimeout: Duration) {
    const common = { enforceSSL: true, encryption: sqs.QueueEncryption.SQS_MANAGED };
    const dlq = new sqs.Queue(this, `${name}DeadLetterQueue`, {
      ...common,
      retentionPeriod: Duration.days(14),
    });
    const queue = new sqs.Queue(this, `${name}Queue`, {
      ...common,
      visibilityTimeout: Duration.seconds(consumerTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: dlq, maxReceiveCount: 5 },
    });
    return { queue, dlq };
  }
}
