// The synthesised CloudFormation, part 2: functions and their IAM, the HTTP API, SES and its
// feedback path, alarms, asserted on the template.
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, test } from 'vitest';
import { TABLE_ACCESS } from '../../cdk/constructs/table-access';
import { synthTemplate } from './support/synth';
import { actionsOf, synthesised, TEST_CONTEXT } from './support/template';

// Synthesised once per file (no bundling: about a second).
const { stack, template, resources, logicalId, ofType, functions, statementsOf } = synthesised();

describe('functions', () => {
  test('all seven run nodejs22.x on ARM64 with JSON logs, a retention, and the configuration they read', () => {
    const secretReaders = ['api', 'send'];
    for (const [name, fn] of Object.entries(functions())) {
      const props = resources[logicalId(fn)]!.Properties;
      expect(props.Runtime, name).toBe('nodejs22.x');
      expect(props.Architectures, name).toEqual(['arm64']);
      expect(props.Handler, name).toBe('index.handler');
      expect(props.LoggingConfig.LogFormat, name).toBe('JSON');
      const logGroupId = props.LoggingConfig.LogGroup.Ref as string;
      expect(resources[logGroupId]?.Properties.RetentionInDays, name).toBe(90);
      const env = props.Environment.Variables;
      expect(Object.keys(env).sort(), name).toEqual(
        expect.arrayContaining([
          'TABLE_NAME',
          'PUBLIC_URL',
          'FROM_ADDRESS',
          'MAIL_DOMAIN',
          'SES_CONFIGURATION_SET',
          'MAX_SEND_RATE',
          'LOG_LEVEL',
          'POWERTOOLS_SERVICE_NAME',
        ]),
      );
      expect(env.TABLE_NAME).toEqual({ Ref: logicalId(stack.storage.table) });
      // Only the functions that verify webhooks or sign readers' links know where the secret is.
      expect(env.SECRET_ARN, name).toEqual(
        secretReaders.includes(name) ? { Ref: logicalId(stack.storage.secret) } : undefined,
      );
      expect(env.MAX_SEND_RATE).toBe('25');
      expect(env.MAIL_DOMAIN).toBe('news.example.org');
      expect(env.FROM_ADDRESS).toBe('Talkwatch <alerts@news.example.org>');
      expect(env.SES_CONFIGURATION_SET).toBe('talkwatch');
    }
  });

  test('PUBLIC_URL is the HTTP API URL unless publicUrl is set', () => {
    const env = resources[logicalId(stack.sending.sendFunction)]!.Properties.Environment.Variables;
    expect(JSON.stringify(env.PUBLIC_URL)).toContain(logicalId(stack.api.httpApi));
    const custom = synthTemplate({ context: { publicUrl: 'https://talkwatch.example.org' } });
    custom.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ PUBLIC_URL: 'https://talkwatch.example.org' }) },
    });
  });

  test('each function gets only the queues, secret and table actions its code uses', () => {
    const sendsTo = (fn: object) =>
      statementsOf(fn as never)
        .filter((s) => actionsOf(s).includes('sqs:SendMessage'))
        .flatMap((s) => [s.Resource].flat().map((r: { 'Fn::GetAtt': string[] }) => r['Fn::GetAtt'][0]))
        .sort();
    const q = {
      dispatch: logicalId(stack.storage.dispatchQueue),
      send: logicalId(stack.storage.sendQueue),
      ingest: logicalId(stack.storage.ingestQueue),
    };
    const f = functions();
    expect(sendsTo(f.api)).toEqual([q.dispatch, q.send, q.ingest].sort());
    expect(sendsTo(f.feedback)).toEqual([]);
    expect(sendsTo(f.schedule)).toEqual([q.dispatch]);
    expect(sendsTo(f.pollFeeds)).toEqual([q.ingest]);
    expect(sendsTo(f.ingest)).toEqual([q.dispatch]);
    expect(sendsTo(f.dispatch)).toEqual([q.dispatch, q.send].sort());
    expect(sendsTo(f.send)).toEqual([q.send]);
    const readsSecret = (fn: object) =>
      statementsOf(fn as never).some((s) => actionsOf(s).includes('secretsmanager:GetSecretValue'));
    expect(
      Object.entries(f)
        .filter(([, fn]) => readsSecret(fn))
        .map(([name]) => name)
        .sort(),
    ).toEqual(['api', 'send']);
    const access: Record<keyof typeof f, readonly string[]> = {
      api: TABLE_ACCESS.api,
      dispatch: TABLE_ACCESS.dispatch,
      send: TABLE_ACCESS.send,
      feedback: TABLE_ACCESS.feedback,
      schedule: TABLE_ACCESS.schedule,
      pollFeeds: TABLE_ACCESS['poll-feeds'],
      ingest: TABLE_ACCESS.ingest,
    };
    for (const [name, fn] of Object.entries(f) as Array<[keyof typeof f, object]>) {
      const statements = statementsOf(fn as never);
      const tableActions = statements.flatMap(actionsOf).filter((a) => a.startsWith('dynamodb:'));
      expect(tableActions.sort(), name).toEqual([...access[name]].sort());
      expect(
        statements.flatMap(actionsOf).some((a) => a === '*' || a.endsWith(':*')),
        name,
      ).toBe(false);
    }
    // The functions that read internet input cannot delete readers or touch the send path.
    expect(TABLE_ACCESS['poll-feeds']).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
  });

  test('only the send function may send email, only as the identity through the configuration set', () => {
    for (const [name, fn] of Object.entries(functions())) {
      const sending = statementsOf(fn).filter((s) => actionsOf(s).some((a) => /^ses:Send/.test(a)));
      if (name !== 'send') {
        expect(sending, name).toEqual([]);
        continue;
      }
      expect(sending).toHaveLength(1);
      expect(actionsOf(sending[0]!)).toEqual(['ses:SendRawEmail']);
      const arns = JSON.stringify(sending[0]!.Resource);
      expect(sending[0]!.Resource).toHaveLength(2);
      expect(arns).toContain(':identity/news.example.org');
      expect(arns).toContain(':configuration-set/');
      expect(arns).toContain(`{"Ref":"${logicalId(stack.sending.configurationSet)}"}`);
      expect(sending[0]!.Condition).toEqual({
        StringEquals: { 'ses:FromAddress': 'alerts@news.example.org' },
      });
    }
  });
});

test('only the api function reads identities (GET /health checks the sender), read-only', () => {
  for (const [name, fn] of Object.entries(functions())) {
    const reading = statementsOf(fn).filter((s) => actionsOf(s).includes('ses:GetEmailIdentity'));
    expect(reading, name).toHaveLength(name === 'api' ? 1 : 0);
    if (name === 'api') {
      expect(actionsOf(reading[0]!)).toEqual(['ses:GetEmailIdentity']);
      expect(JSON.stringify(reading[0]!.Resource)).toContain(':identity/*');
    }
  }
});

describe('HTTP API', () => {
  test('a throttled default stage with JSON access logs in front of the api function', () => {
    const [[, stage] = []] = ofType('AWS::ApiGatewayV2::Stage');
    expect(stage?.Properties.StageName).toBe('$default');
    expect(stage?.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: 50,
      ThrottlingBurstLimit: 100,
    });
    const format = JSON.parse(stage?.Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
    expect(stage?.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0]).toBe(
      logicalId(stack.api.accessLogs),
    );
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [logicalId(stack.api.handler), 'Arn'] },
    });
  });
});

describe('HTTP API hardening', () => {
  test('sign-ups, one-click unsubscribes and each webhook have their own throttling bucket', () => {
    const [[, stage] = []] = ofType('AWS::ApiGatewayV2::Stage');
    const settings = stage?.Properties.RouteSettings;
    expect(settings['POST /subscribe']).toEqual({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 20 });
    for (const key of ['POST /unsubscribe', 'POST /webhooks/developments', 'POST /webhooks/send']) {
      expect(settings[key], key).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
      // A route by that key must exist, or the bucket is never used.
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key });
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /subscribe' });
  });

  test('the execute-api endpoint is switched off when a custom domain fronts the API', () => {
    expect(ofType('AWS::ApiGatewayV2::Api')[0]?.[1].Properties.DisableExecuteApiEndpoint).toBe(false);
    const custom = synthTemplate({
      context: {
        ...TEST_CONTEXT,
        apiDomainName: 'api.news.example.org',
        apiCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc',
      },
    });
    custom.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    custom.template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'api.news.example.org',
    });
    custom.template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    custom.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ PUBLIC_URL: 'https://api.news.example.org' }) },
    });
  });

  test('the topic key lets SES and CloudWatch use it only on behalf of this account', () => {
    const key = resources[logicalId(stack.storage.topicKey)]!.Properties.KeyPolicy.Statement as Array<
      Record<string, Record<string, unknown>>
    >;
    const services = key.filter((s) => s.Principal?.Service);
    expect(services.flatMap((s) => s.Principal!.Service).sort()).toEqual([
      'cloudwatch.amazonaws.com',
      'ses.amazonaws.com',
    ]);
    for (const s of services) {
      expect(s.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '123456789012' } });
    }
  });
});

describe('SES', () => {
  test('the configuration set keeps reputation metrics and suppresses bounces and complaints', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'talkwatch',
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    template.hasResourceProperties('Custom::SesAccountSuppression', {
      Create: Match.serializedJson(
        Match.objectLike({
          service: 'SESv2',
          action: 'PutAccountSuppressionAttributes',
          parameters: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
        }),
      ),
    });
  });

  test('bounces and complaints go to an encrypted, SSL-only topic that feeds the feedback function', () => {
    const topicId = logicalId(stack.feedback.topic);
    const destination = ofType('AWS::SES::ConfigurationSetEventDestination')[0]?.[1].Properties;
    expect(destination?.EventDestination.SnsDestination).toEqual({ TopicARN: { Ref: topicId } });
    expect(destination?.EventDestination.MatchingEventTypes).toEqual(
      expect.arrayContaining(['bounce', 'complaint']),
    );
    expect(resources[topicId]?.Properties.KmsMasterKeyId).toBeDefined();
    const topicPolicy = ofType('AWS::SNS::TopicPolicy').find(([, p]) =>
      p.Properties.Topics.some((t: { Ref: string }) => t.Ref === topicId),
    );
    expect(topicPolicy?.[1].Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topicId },
      Endpoint: { 'Fn::GetAtt': [logicalId(stack.feedback.handler), 'Arn'] },
    });
  });

  test('the domain identity is created with Easy DKIM and a MAIL FROM subdomain, or left alone', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'news.example.org',
      MailFromAttributes: { MailFromDomain: 'mail.news.example.org' },
    });
    const unmanaged = synthTemplate({ context: { ...TEST_CONTEXT, manageSesIdentity: 'false' } });
    unmanaged.template.resourceCountIs('AWS::SES::EmailIdentity', 0);
  });
});

describe('alarms', () => {
  const alarms = () => ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);

  test('any message in a dead-letter queue raises an alarm', () => {
    const dlqs = [
      stack.storage.dispatchDeadLetterQueue,
      stack.storage.sendDeadLetterQueue,
      stack.feedback.deadLetterQueue,
      stack.storage.ingestDeadLetterQueue,
    ];
    for (const dlq of dlqs) {
      const alarm = alarms().find(
        (a) =>
          a.MetricName === 'ApproximateNumberOfMessagesVisible' &&
          a.Dimensions[0].Value['Fn::GetAtt'][0] === logicalId(dlq),
      );
      expect(alarm).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    }
  });

  test('errors of every function raise an alarm', () => {
    for (const fn of Object.values(functions())) {
      const alarm = alarms().find(
        (a) => a.MetricName === 'Errors' && a.Dimensions[0].Value.Ref === logicalId(fn),
      );
      expect(alarm).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    }
  });

  test('SES bounce rate at 5 % and complaint rate at 0.1 % raise alarms', () => {
    expect(alarms().find((a) => a.MetricName === 'Reputation.BounceRate')).toMatchObject({
      Namespace: 'AWS/SES',
      Threshold: 0.05,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(alarms().find((a) => a.MetricName === 'Reputation.ComplaintRate')).toMatchObject({
      Namespace: 'AWS/SES',
      Threshold: 0.001,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  test('every alarm notifies the encrypted alarm topic, which mails the address from context', () => {
    const topicId = logicalId(stack.monitoring.alarmTopic);
    expect(alarms().length).toBeGreaterThanOrEqual(11);
    for (const alarm of alarms()) expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
    expect(resources[topicId]?.Properties.KmsMasterKeyId).toBeDefined();
    const policy = ofType('AWS::SNS::TopicPolicy').find(([, p]) =>
      p.Properties.Topics.some((t: { Ref: string }) => t.Ref === topicId),
    );
    expect(policy?.[1].Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
      }),
    );
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@news.example.org',
      TopicArn: { Ref: topicId },
    });
    const quiet = synthTemplate({ context: { alarmEmail: '' } });
    expect(JSON.stringify(quiet.template.findResources('AWS::SNS::Subscription'))).not.toContain('email');
  });
});
