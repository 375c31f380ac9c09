// The synthesised CloudFormation, part 1: the table, secret, queues, schedules and settings from
// context, asserted on the template.
import { describe, expect, test } from 'vitest';
import { SettingsError } from '../../cdk/settings';
import { INDEXES, KEYS, TTL_ATTRIBUTE } from '../../functions/adapters/dynamodb/table';
import { buildStack, cdkJsonContext } from './support/synth';
import { synthesised } from './support/template';

// Synthesised once per file (no bundling: about a second).
const { stack, resources, logicalId, ofType } = synthesised();

describe('storage', () => {
  test('one on-demand table mirrors the adapter layout, with PITR, TTL, RETAIN and deletion protection', () => {
    const [entry, ...others] = ofType('AWS::DynamoDB::GlobalTable');
    expect(others).toHaveLength(0);
    const [, table] = entry!;
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: TTL_ATTRIBUTE, Enabled: true });
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: KEYS.pk, KeyType: 'HASH' },
      { AttributeName: KEYS.sk, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      Object.values(INDEXES).map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.pk, KeyType: 'HASH' },
          { AttributeName: index.sk, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const [replica] = table.Properties.Replicas;
    expect(replica.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(replica.DeletionProtectionEnabled).toBe(true);
  });

  test('the secret is generated at deploy (a random seed), kept on stack deletion', () => {
    const [[, secret] = []] = ofType('AWS::SecretsManager::Secret');
    expect(secret?.Properties.GenerateSecretString).toMatchObject({
      GenerateStringKey: 'seed',
      PasswordLength: 64,
      ExcludePunctuation: true,
    });
    expect(secret?.DeletionPolicy).toBe('Retain');
  });
});

describe('queues', () => {
  const pairs = () => [
    {
      queue: stack.storage.dispatchQueue,
      dlq: stack.storage.dispatchDeadLetterQueue,
      consumer: stack.sending.dispatchFunction,
    },
    {
      queue: stack.storage.sendQueue,
      dlq: stack.storage.sendDeadLetterQueue,
      consumer: stack.sending.sendFunction,
    },
    {
      queue: stack.storage.ingestQueue,
      dlq: stack.storage.ingestDeadLetterQueue,
      consumer: stack.ingest.handler,
    },
  ];

  test('dispatch, send and ingest have a DLQ after 5 receives, are encrypted and refuse non-TLS access', () => {
    for (const { queue, dlq } of pairs()) {
      const props = resources[logicalId(queue)]!.Properties;
      expect(props.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(dlq), 'Arn'] },
        maxReceiveCount: 5,
      });
      for (const q of [queue, dlq]) {
        expect(resources[logicalId(q)]!.Properties.SqsManagedSseEnabled).toBe(true);
        const policies = ofType('AWS::SQS::QueuePolicy').filter(([, p]) =>
          p.Properties.Queues.some((r: { Ref: string }) => r.Ref === logicalId(q)),
        );
        const statements = policies.flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
        expect(statements).toContainEqual(
          expect.objectContaining({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        );
      }
    }
  });

  test('visibility timeout is at least six times the consuming function timeout', () => {
    for (const { queue, consumer } of pairs()) {
      const visibility = resources[logicalId(queue)]!.Properties.VisibilityTimeout as number;
      const timeout = resources[logicalId(consumer)]!.Properties.Timeout as number;
      expect(timeout).toBeGreaterThan(0);
      expect(visibility).toBeGreaterThanOrEqual(6 * timeout);
    }
  });

  test('consumers report partial batch failures; the sender concurrency comes from context', () => {
    const mappings = ofType('AWS::Lambda::EventSourceMapping').map(([, m]) => m.Properties);
    const forFn = (fn: object) => mappings.find((m) => m.FunctionName.Ref === logicalId(fn as never));
    const send = forFn(stack.sending.sendFunction);
    expect(send?.EventSourceArn).toEqual({ 'Fn::GetAtt': [logicalId(stack.storage.sendQueue), 'Arn'] });
    expect(send?.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(send?.ScalingConfig).toEqual({ MaximumConcurrency: 7 });
    const dispatch = forFn(stack.sending.dispatchFunction);
    expect(dispatch?.EventSourceArn).toEqual({
      'Fn::GetAtt': [logicalId(stack.storage.dispatchQueue), 'Arn'],
    });
    expect(dispatch?.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
  });
});

describe('schedules', () => {
  test('daily and weekly digests and feed polling run on the schedules from context', () => {
    const rules = ofType('AWS::Events::Rule').map(([, r]) => r.Properties);
    const rule = (expression: string) => rules.find((r) => r.ScheduleExpression === expression);
    const target = (expression: string) => rule(expression)?.Targets[0];
    const scheduleArn = { 'Fn::GetAtt': [logicalId(stack.schedules.scheduleFunction), 'Arn'] };
    expect(target('cron(30 6 * * ? *)')?.Arn).toEqual(scheduleArn);
    expect(target('cron(0 8 ? * SUN *)')?.Arn).toEqual(scheduleArn);
    expect(JSON.parse(target('cron(30 6 * * ? *)')?.Input)).toEqual({ frequency: 'daily' });
    expect(JSON.parse(target('cron(0 8 ? * SUN *)')?.Input)).toEqual({ frequency: 'weekly' });
    expect(target('rate(5 minutes)')?.Arn).toEqual({
      'Fn::GetAtt': [logicalId(stack.schedules.pollFeedsFunction), 'Arn'],
    });
  });
});

describe('settings', () => {
  test('cdk.json holds a default for every setting', () => {
    const { stack: defaults } = buildStack();
    expect(defaults.sending.configurationSet).toBeDefined();
    expect(cdkJsonContext()).toMatchObject({ sendMaxConcurrency: expect.any(Number), logLevel: 'INFO' });
  });

  test('a bad context value stops synth with a message naming it', () => {
    expect(() => buildStack({ context: { feedPollSchedule: 'every 5 minutes' } })).toThrow(SettingsError);
    expect(() => buildStack({ context: { sendMaxConcurrency: 1 } })).toThrow(/sendMaxConcurrency/);
    expect(() => buildStack({ context: { logRetentionDays: 31 } })).toThrow(
      /logRetentionDays: must be one of/,
    );
  });
});
