// Amazon SES and the two queue consumers: the configuration set (reputation metrics, suppression),
// the sending identity, account-level suppression of bounces and complaints, the dispatch function
// (issue → recipient batches) and the send function (batches → emails), which alone may send, and
// only as the configured identity through the configuration set.
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { type FunctionBindings, TalkwatchFunction } from './node-function';
import { TABLE_ACCESS } from './table-access';

/** The singleton function behind every AwsCustomResource in a stack. */
const AWS_CUSTOM_RESOURCE_PROVIDER_ID = 'AWS679f53fac002430cb0da5b7982bd2287';

export const DISPATCH_TIMEOUT = Duration.seconds(120);
export const SEND_TIMEOUT = Duration.seconds(60);

export interface SendingProps {
  readonly bindings: FunctionBindings;
  readonly configurationSetName: string;
  /** Domain or address the emails are sent as. */
  readonly sesIdentity: string;
  /** Create the identity here (Easy DKIM and a custom MAIL FROM for a domain). */
  readonly manageIdentity: boolean;
  /** The bare From address: SendRawEmail is allowed for this sender only. */
  readonly fromAddress: string;
  /** Upper bound on concurrent send functions (SQS event source maximum concurrency). */
  readonly sendMaxConcurrency: number;
}

export class Sending extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  readonly identity?: ses.EmailIdentity;
  readonly accountSuppression: cr.AwsCustomResource;
  readonly dispatchFunction: TalkwatchFunction;
  readonly sendFunction: TalkwatchFunction;

  constructor(scope: Construct, id: string, props: SendingProps) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: props.configurationSetName,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });

    const isDomain = !props.sesIdentity.includes('@');
    if (props.manageIdentity) {
      this.identity = new ses.EmailIdentity(this, 'Identity', {
        identity: isDomain ? ses.Identity.domain(props.sesIdentity) : ses.Identity.email(props.sesIdentity),
        configurationSet: this.configurationSet,
        // SPF alignment for DMARC: bounces return to a subdomain of ours, not amazonses.com.
        ...(isDomain ? { mailFromDomain: `mail.${props.sesIdentity}` } : {}),
      });
    }

    // Account-level suppression list (no CloudFormation resource exists for it): one SES v2 call.
    this.accountSuppression = new cr.AwsCustomResource(this, 'AccountSuppression', {
      resourceType: 'Custom::SesAccountSuppression',
      installLatestAwsSdk: false,
      onUpdate: {
        service: 'SESv2',
        action: 'PutAccountSuppressionAttributes',
        parameters: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
        physicalResourceId: cr.PhysicalResourceId.of('ses-account-suppression'),
      },
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({ actions: ['ses:PutAccountSuppressionAttributes'], resources: ['*'] }),
      ]),
    });

    acknowledge(
      this.accountSuppression,
      'AwsSolutions-IAM5[Resource::*]',
      'PutAccountSuppressionAttributes is an account-wide setting with no resource to name.',
    );
    const provider = Stack.of(this).node.tryFindChild(AWS_CUSTOM_RESOURCE_PROVIDER_ID);
    if (provider) {
      acknowledge(
        provider,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        "CDK's custom-resource provider runs once per deploy and only writes its own logs.",
      );
    }

    this.dispatchFunction = new TalkwatchFunction(this, 'DispatchFunction', {
      entry: 'dispatch',
      description: 'Talkwatch dispatch: issues and alert requests → recipient batches',
      timeout: DISPATCH_TIMEOUT,
      bindings: props.bindings,
      tableActions: TABLE_ACCESS.dispatch,
      enqueuesTo: ['dispatch', 'send'],
    });
    this.dispatchFunction.addEventSource(
      new SqsEventSource(props.bindings.dispatchQueue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: 2,
      }),
    );

    this.sendFunction = new TalkwatchFunction(this, 'SendFunction', {
      entry: 'send',
      description: 'Talkwatch send: recipient batches and transactional emails → SES',
      timeout: SEND_TIMEOUT,
      bindings: props.bindings,
      tableActions: TABLE_ACCESS.send,
      // Signs each reader's unsubscribe and preference links.
      readsSecret: true,
      enqueuesTo: ['send'],
    }).allowSesQuota();
    this.sendFunction.addEventSource(
      new SqsEventSource(props.bindings.sendQueue, {
        batchSize: 10,
        reportBatchItemFailures: true,
        maxConcurrency: props.sendMaxConcurrency,
      }),
    );

    const { region, account, partition } = Stack.of(this);
    const arn = (resource: string) => `arn:${partition}:ses:${region}:${account}:${resource}`;
    this.sendFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendRawEmail'],
        resources: [
          arn(`identity/${props.sesIdentity}`),
          arn(`configuration-set/${this.configurationSet.configurationSetName}`),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': props.fromAddress } },
      }),
    );
  }
}
