// The public HTTP API (API Gateway v2) in front of the api function: one catch-all route to the Hono
// app, a throttled default stage and JSON access logs.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { type FunctionBindings, TalkwatchFunction } from './node-function';
import { TABLE_ACCESS } from './table-access';

export const API_TIMEOUT = Duration.seconds(15);

export interface ApiProps {
  readonly bindings: FunctionBindings;
  /** Base of links in emails and pages; defaults to this API's own URL. */
  readonly publicUrl?: string;
  readonly rateLimit: number;
  readonly burstLimit: number;
  /** POST /subscribe's own bucket (lower): sign-up floods cannot use up the rest. */
  readonly subscribeRateLimit: number;
  readonly subscribeBurstLimit: number;
  /** Custom domain and its ACM certificate: links use it and the execute-api endpoint is disabled. */
  readonly domain?: { readonly name: string; readonly certificateArn: string };
}

/** Routes with their own throttling bucket; everything else shares the stage default. */
export const OWN_BUCKET_ROUTES = [
  'POST /subscribe',
  'POST /unsubscribe',
  'POST /webhooks/developments',
  'POST /webhooks/send',
] as const;

export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly handler: TalkwatchFunction;
  readonly accessLogs: logs.LogGroup;
  /** Where the API answers: its custom domain, else the execute-api endpoint. */
  readonly url: string;
  /** The URL links point at (PUBLIC_URL of every function). */
  readonly publicUrl: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Talkwatch: subscription pages, webhooks, archive',
      createDefaultStage: false,
      // Behind a custom domain, the default endpoint would be a way around it (and its throttles).
      disableExecuteApiEndpoint: props.domain !== undefined,
    });
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.bindings.logRetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = new apigw.HttpStage(this, 'DefaultStage', {
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
    if (props.domain) {
      const domainName = new apigw.DomainName(this, 'DomainName', {
        domainName: props.domain.name,
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
      });
      new apigw.ApiMapping(this, 'ApiMapping', { api: this.httpApi, domainName, stage });
    }
    this.url = props.domain ? `https://${props.domain.name}` : this.httpApi.apiEndpoint;
    this.publicUrl = props.publicUrl ?? this.url;

    this.handler = new TalkwatchFunction(this, 'Function', {
      entry: 'api',
      description: 'Talkwatch HTTP API (Hono)',
      timeout: API_TIMEOUT,
      bindings: {
        ...props.bindings,
        environment: { ...props.bindings.environment, PUBLIC_URL: this.publicUrl },
      },
      tableActions: TABLE_ACCESS.api,
      readsSecret: true,
      // Routes enqueue transactional emails (send), issues (dispatch) and received reports (ingest).
      enqueuesTo: ['dispatch', 'send', 'ingest'],
    })
      .allowSesQuota()
      .allowSesIdentityCheck();

    // `$default` catches every method and path, including `/`: routing is the Hono app's job. A few
    // routes are named only so each gets its own throttling bucket; they reach the same function.
    const integration = new HttpLambdaIntegration('Hono', this.handler);
    const routes = [
      new apigw.HttpRoute(this, 'DefaultRoute', {
        httpApi: this.httpApi,
        routeKey: apigw.HttpRouteKey.DEFAULT,
        integration,
      }),
      ...OWN_BUCKET_ROUTES.map((key) => {
        const [method, path] = key.split(' ') as [apigw.HttpMethod, string];
        return new apigw.HttpRoute(this, `Route${path.replace(/[^A-Za-z]/g, '')}`, {
          httpApi: this.httpApi,
          routeKey: apigw.HttpRouteKey.with(path, method),
          integration,
        });
      }),
    ];
    for (const route of routes) {
      acknowledge(
        route,
        'AwsSolutions-APIG4',
        'Public newsletter site: pages and one-click unsubscribe need no login; the app checks webhook signatures and admin tokens.',
      );
    }
    // RouteSettings is raw CloudFormation JSON: its keys are written as CloudFormation spells them.
    const own = (rate: number, burst: number) => ({ ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst });
    const cfnStage = stage.node.defaultChild as apigw.CfnStage;
    cfnStage.routeSettings = Object.fromEntries(
      OWN_BUCKET_ROUTES.map((key) => [
        key,
        key === 'POST /subscribe'
          ? own(props.subscribeRateLimit, props.subscribeBurstLimit)
          : own(props.rateLimit, props.burstLimit),
      ]),
    );
    for (const route of routes) cfnStage.node.addDependency(route);
  }
}
