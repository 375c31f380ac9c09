// The whole deployment: wires the constructs in cdk/constructs and nothing else.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './constructs/api';
import { Feedback } from './constructs/feedback';
import { INGEST_TIMEOUT, Ingest } from './constructs/ingest';
import { Monitoring } from './constructs/monitoring';
import type { FunctionBindings } from './constructs/node-function';
import { Schedules } from './constructs/schedules';
import { DISPATCH_TIMEOUT, SEND_TIMEOUT, Sending } from './constructs/sending';
import { Storage } from './constructs/storage';
import { bareAddress, type Settings } from './settings';

export interface TalkwatchStackProps extends StackProps {
  readonly settings: Settings;
}

export class TalkwatchStack extends Stack {
  readonly storage: Storage;
  readonly api: Api;
  readonly sending: Sending;
  readonly feedback: Feedback;
  readonly schedules: Schedules;
  readonly ingest: Ingest;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: TalkwatchStackProps) {
    super(scope, id, props);
    const { settings } = props;

    this.storage = new Storage(this, 'Storage', {
      dispatchConsumerTimeout: DISPATCH_TIMEOUT,
      sendConsumerTimeout: SEND_TIMEOUT,
      ingestConsumerTimeout: INGEST_TIMEOUT,
    });
    const base: FunctionBindings = {
      table: this.storage.table,
      secret: this.storage.secret,
      dispatchQueue: this.storage.dispatchQueue,
      sendQueue: this.storage.sendQueue,
      ingestQueue: this.storage.ingestQueue,
      logRetentionDays: settings.logRetentionDays,
      environment: {
        FROM_ADDRESS: settings.fromAddress,
        MAIL_DOMAIN: settings.domain,
        SES_CONFIGURATION_SET: settings.sesConfigurationSet,
        MAX_SEND_RATE: String(settings.maxSendRate),
        LOG_LEVEL: settings.logLevel,
      },
    };

    this.api = new Api(this, 'Api', {
      bindings: base,
      publicUrl: settings.publicUrl,
      rateLimit: settings.apiRateLimit,
      burstLimit: settings.apiBurstLimit,
      subscribeRateLimit: settings.subscribeRateLimit,
      subscribeBurstLimit: settings.subscribeBurstLimit,
      ...(settings.apiDomainName && settings.apiCertificateArn
        ? { domain: { name: settings.apiDomainName, certificateArn: settings.apiCertificateArn } }
        : {}),
    });
    const bindings: FunctionBindings = {
      ...base,
      environment: { ...base.environment, PUBLIC_URL: this.api.publicUrl },
    };

    this.sending = new Sending(this, 'Sending', {
      bindings,
      configurationSetName: settings.sesConfigurationSet,
      sesIdentity: settings.sesIdentity,
      manageIdentity: settings.manageSesIdentity,
      fromAddress: bareAddress(settings.fromAddress),
      sendMaxConcurrency: settings.sendMaxConcurrency,
    });
    this.feedback = new Feedback(this, 'Feedback', {
      bindings,
      configurationSet: this.sending.configurationSet,
      topicKey: this.storage.topicKey,
    });
    this.schedules = new Schedules(this, 'Schedules', {
      bindings,
      dailyDigest: settings.dailyDigestSchedule,
      weeklyDigest: settings.weeklyDigestSchedule,
      feedPoll: settings.feedPollSchedule,
    });
    this.ingest = new Ingest(this, 'Ingest', {
      bindings,
      ...(settings.summariser === 'bedrock' ? { bedrockModelId: settings.bedrockModelId } : {}),
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      deadLetterQueues: {
        Dispatch: this.storage.dispatchDeadLetterQueue,
        Send: this.storage.sendDeadLetterQueue,
        Feedback: this.feedback.deadLetterQueue,
        Ingest: this.storage.ingestDeadLetterQueue,
      },
      functions: {
        Api: this.api.handler,
        Dispatch: this.sending.dispatchFunction,
        Send: this.sending.sendFunction,
        Feedback: this.feedback.handler,
        Schedule: this.schedules.scheduleFunction,
        PollFeeds: this.schedules.pollFeedsFunction,
        Ingest: this.ingest.handler,
      },
      topicKey: this.storage.topicKey,
      alarmEmail: settings.alarmEmail,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'PublicUrl', { value: this.api.publicUrl });
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
    new CfnOutput(this, 'SecretArn', {
      value: this.storage.secret.secretArn,
      description: 'Webhook secret, admin token, token keys: npm run cdk:secrets',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.alarmTopic.topicArn });
    this.sending.identity?.dkimRecords.forEach((record, i) => {
      new CfnOutput(this, `DkimRecord${i + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: 'Publish in DNS to verify the SES identity (Easy DKIM)',
      });
    });
  }
}
