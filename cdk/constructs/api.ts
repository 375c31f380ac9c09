// The public HTTP API (API Gateway v2) in front of the api function: one catch-all route to the Hono
// app, a throttled default stage and JSON access logs.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { type FunctionBindings, TalkwatchFunction } from './node-function';

export const API_TIMEOUT = Duration.seconds(15);

export interface ApiProps {
  readonly bindings: FunctionBindings;
  /** Base of links in emails and pages; defaults to this API's own URL. */
  readonly publicUrl?: string;
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly handler: TalkwatchFunction;
  readonly accessLogs: logs.LogGroup;
  /** The URL links point at (PUBLIC_URL of every function). */
  readonly publicUrl: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Talkwatch: subscription pages, webhooks, archive',
      createDefaultStage: false,
    });
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.bindings.logRetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    this.publicUrl = props.publicUrl ?? this.httpApi.apiEndpoint;

    this.handler = new TalkwatchFunction(this, 'Function', {
      entry: 'api',
      description: 'Talkwatch HTTP API (Hono)',
      timeout: API_TIMEOUT,
      bindings: {
        ...props.bindings,
        environment: { ...props.bindings.environment, PUBLIC_URL: this.publicUrl },
      },
      // Routes enqueue transactional emails (send) and issues and alerts (dispatch).
      enqueuesTo: ['dispatch', 'send'],
    })
      .allowSesQuota()
      .allowSesIdentityCheck();

    // `$default` catches every method and path, including `/`: routing is the Hono app's job.
    const route = new apigw.HttpRoute(this, 'DefaultRoute', {
      httpApi: this.httpApi,
      routeKey: apigw.HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('Hono', this.handler),
    });
    acknowledge(
      route,
      'AwsSolutions-APIG4',
      'Public newsletter site: pages and one-click unsubscribe need no login; the app checks webhook signatures and admin tokens.',
    );
  }
}
