// CloudWatch alarms on what needs a human: messages in a dead-letter queue, function errors, and the
// SES reputation rates that get an account paused (bounces at 5 %, complaints at 0.1 %). Alarms go to
// an encrypted SNS topic, and to an email address when one is configured.
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export const BOUNCE_RATE_THRESHOLD = 0.05;
export const COMPLAINT_RATE_THRESHOLD = 0.001;

export interface MonitoringProps {
  readonly deadLetterQueues: Readonly<Record<string, sqs.IQueue>>;
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  readonly topicKey: kms.IKey;
  readonly alarmEmail?: string;
}

export class Monitoring extends Construct {
  readonly alarmTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Talkwatch alarms',
      enforceSSL: true,
      masterKey: props.topicKey,
    });
    // The topic has its own policy (SSL only), which replaces SNS's default one: let this account's
    // alarms publish explicitly.
    const { partition, region, account } = Stack.of(this);
    this.alarmTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
          StringEquals: { 'aws:SourceAccount': account },
        },
      }),
    );
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      this.alarm(`${name}DeadLetters`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: 'Maximum',
        }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        alarmDescription: `Messages in the ${name} dead-letter queue: they failed 5 times; inspect and redrive.`,
      });
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarm(`${name}Errors`, {
        metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        alarmDescription: `The ${name} function failed; see its JSON logs.`,
      });
    }
    const reputation = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName,
        period: Duration.hours(1),
        statistic: 'Maximum',
      });
    this.alarm('SesBounceRate', {
      metric: reputation('Reputation.BounceRate'),
      threshold: BOUNCE_RATE_THRESHOLD,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      alarmDescription: 'SES bounce rate at 5 %: SES reviews the account at 5 % and may pause it at 10 %.',
    });
    this.alarm('SesComplaintRate', {
      metric: reputation('Reputation.ComplaintRate'),
      threshold: COMPLAINT_RATE_THRESHOLD,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      alarmDescription:
        'SES complaint rate at 0.1 %: the Gmail/Yahoo bulk-sender limit (0.3 % is the ceiling).',
    });
  }

  private alarm(
    id: string,
    props: Pick<cloudwatch.AlarmProps, 'metric' | 'threshold' | 'comparisonOperator' | 'alarmDescription'>,
  ) {
    const alarm = new cloudwatch.Alarm(this, id, {
      ...props,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.alarmTopic));
    this.alarms.push(alarm);
    return alarm;
  }
}
