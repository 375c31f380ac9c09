// The one place that holds Lambda defaults (Node 22 on ARM64, ESM bundles built by the project's own
// esbuild, minified with source maps, JSON logs with a retention), plus bind-and-grant helpers so a
// function gets an environment variable and exactly the permission that goes with it.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge, arnToken } from '../nag';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Lets bundled CommonJS dependencies call `require` inside an ESM bundle. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __talkwatchCreateRequire } from 'node:module'; const require = __talkwatchCreateRequire(import.meta.url);";

/** What every Talkwatch function reads at start-up (functions/aws/runtime.ts, functions/config.ts). */
export interface FunctionBindings {
  readonly table: ITable;
  readonly secret: ISecret;
  readonly dispatchQueue: IQueue;
  readonly sendQueue: IQueue;
  readonly ingestQueue: IQueue;
  /** PUBLIC_URL, FROM_ADDRESS, MAIL_DOMAIN, SES_CONFIGURATION_SET, MAX_SEND_RATE, LOG_LEVEL. */
  readonly environment: Readonly<Record<string, string>>;
  readonly logRetentionDays: logs.RetentionDays;
}

export type QueueName = 'dispatch' | 'send' | 'ingest';

export interface TalkwatchFunctionProps {
  /** Entry file name under functions/, without extension (`api` → functions/api.ts). */
  readonly entry: string;
  readonly description: string;
  readonly timeout: Duration;
  readonly memorySize?: number;
  readonly bindings: FunctionBindings;
  /** The table actions this function's code calls (see tests/integration/security/least-privilege). */
  readonly tableActions: readonly string[];
  /** Reads the Secrets Manager secret (webhook secrets, admin token, token keys); most do not. */
  readonly readsSecret?: boolean;
  /** Queues this function may enqueue to (each gets the URLs of these only). */
  readonly enqueuesTo?: readonly QueueName[];
}

export class TalkwatchFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: TalkwatchFunctionProps) {
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: props.bindings.logRetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Its own role with only the log group it writes to (no AWSLambdaBasicExecutionRole wildcard).
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Talkwatch ${props.entry} function`,
    });
    const level = (props.bindings.environment.LOG_LEVEL ?? 'INFO') as keyof typeof ApplicationLogLevel;
    super(scope, id, {
      entry: resolve(ROOT, 'functions', `${props.entry}.ts`),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      timeout: props.timeout,
      memorySize: props.memorySize ?? 512,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel[level],
      systemLogLevelV2: SystemLogLevel.WARN,
      projectRoot: ROOT,
      depsLockFilePath: resolve(ROOT, 'package-lock.json'),
      environment: {
        ...props.bindings.environment,
        POWERTOOLS_SERVICE_NAME: `talkwatch-${props.entry}`,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        platform: 'node',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        banner: ESM_REQUIRE_BANNER,
        // Pin the SDK version the code was tested with instead of the runtime's, and keep bundles
        // self-contained (the smoke test loads them straight from the cloud assembly).
        bundleAwsSDK: true,
        forceDockerBundling: false,
        logLevel: LogLevel.ERROR,
        tsconfig: resolve(ROOT, 'tsconfig.json'),
      },
    });
    logGroup.grantWrite(role);
    acknowledge(
      this,
      'AwsSolutions-L1',
      'nodejs22.x is pinned on purpose: the runtime the code, Powertools and the bundles are tested for.',
    );

    const { table, secret, dispatchQueue, sendQueue, ingestQueue } = props.bindings;
    this.bindTable(table, props.tableActions);
    if (props.readsSecret) this.bindSecret(secret);
    const queues = { dispatch: dispatchQueue, send: sendQueue, ingest: ingestQueue };
    for (const name of props.enqueuesTo ?? []) {
      this.bindQueue(`${name.toUpperCase()}_QUEUE_URL`, queues[name], true);
    }
  }

  /** TABLE_NAME plus exactly `actions` on the table and its indexes. */
  bindTable(table: ITable, actions: readonly string[]): this {
    this.addEnvironment('TABLE_NAME', table.tableName);
    const indexed = actions.includes('dynamodb:Query');
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [...actions],
        resources: indexed ? [table.tableArn, `${table.tableArn}/index/*`] : [table.tableArn],
      }),
    );
    if (indexed) {
      acknowledge(
        this.role!,
        `AwsSolutions-IAM5[Resource::${arnToken(table)}/index/*]`,
        'Queries use the indexes of this one table (gsi1, gsi2); the wildcard covers only its indexes.',
      );
    }
    return this;
  }

  /** SECRET_ARN plus read on that one secret. */
  bindSecret(secret: ISecret): this {
    this.addEnvironment('SECRET_ARN', secret.secretArn);
    secret.grantRead(this);
    return this;
  }

  /** The queue URL in `variable`, and SendMessage on it when this function enqueues there. */
  bindQueue(variable: string, queue: IQueue, enqueue: boolean): this {
    this.addEnvironment(variable, queue.queueUrl);
    if (enqueue) queue.grantSendMessages(this);
    return this;
  }

  /**
   * Read the sender's identity status for GET /health (GetEmailIdentity on the address, its domain
   * and parent domains: which of them is the verified one is the operator's choice, hence identity/*).
   */
  allowSesIdentityCheck(): this {
    const { region, account, partition } = Stack.of(this);
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:GetEmailIdentity'],
        resources: [`arn:${partition}:ses:${region}:${account}:identity/*`],
      }),
    );
    // cdk-nag names the resource as resolved: literal in an environment, `<AWS::Region>` otherwise.
    const named = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    acknowledge(
      this.role!,
      `AwsSolutions-IAM5[Resource::arn:${named(partition, 'Partition')}:ses:${named(region, 'Region')}:${named(account, 'AccountId')}:identity/*]`,
      'ses:GetEmailIdentity is read-only; GET /health checks the sender address and each of its parent domains.',
    );
    return this;
  }

  /** Read the SES quota (GetAccount has no resource-level permissions). */
  allowSesQuota(): this {
    this.addToRolePolicy(new iam.PolicyStatement({ actions: ['ses:GetAccount'], resources: ['*'] }));
    acknowledge(
      this.role!,
      'AwsSolutions-IAM5[Resource::*]',
      'ses:GetAccount (send quota) has no resource-level permissions; it is read-only.',
    );
    return this;
  }
}

export const seconds = (n: number) => Duration.seconds(n);
