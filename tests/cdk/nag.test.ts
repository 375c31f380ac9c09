// cdk-nag 3 AWS Solutions checks: the stack has no unacknowledged finding in any supported setting
// combination, every acknowledgement carries a one-line reason, and the checks really run at synth.
import { Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, test } from 'vitest';
import { buildStack } from './support/synth';

const violationsOf = (scope: IConstruct) =>
  new AwsSolutionsChecks().validateScope(scope).violations.map((v) => ({
    rule: v.ruleName,
    at: v.violatingResources.map((r) => r.constructPath),
  }));

function acknowledgements(root: IConstruct) {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .map(([id, reason]) => ({ path: c.node.path, id, reason })),
  );
}

describe('AwsSolutionsChecks', () => {
  test.each([
    ['cdk.json defaults', {}],
    [
      'custom public URL, alarm email, identity managed elsewhere',
      {
        publicUrl: 'https://talkwatch.example.org',
        alarmEmail: 'ops@example.org',
        manageSesIdentity: 'false',
      },
    ],
    ['an address identity', { sesIdentity: 'alerts@talkwatch.example', sendMaxConcurrency: 20 }],
    [
      'a custom API domain (execute-api endpoint off)',
      {
        apiDomainName: 'api.talkwatch.example',
        apiCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc',
      },
    ],
    ['model-written summaries through an inference profile', { summariser: 'bedrock' }],
    [
      'model-written summaries through a base model',
      { summariser: 'bedrock', bedrockModelId: 'anthropic.claude-3-haiku-20240307-v1:0' },
    ],
  ])('no unacknowledged finding with %s', (_name, context) => {
    const { stack } = buildStack({ context });
    expect(violationsOf(stack)).toEqual([]);
  });

  test('synthesising the app runs the checks and passes', () => {
    const { app } = buildStack();
    expect(() => app.synth()).not.toThrow();
  });

  test('each acknowledgement names one rule finding and gives a one-line reason', () => {
    const { stack } = buildStack();
    const acks = acknowledgements(stack);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.id, ack.path).toMatch(/^Annotation::AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(ack.reason.trim().length, `${ack.path} ${ack.id}`).toBeGreaterThan(20);
      expect(ack.reason, `${ack.path} ${ack.id}`).not.toContain('\n');
    }
    // Nothing is waved through stack-wide: acknowledgements sit on the resource that needs them.
    expect(acks.filter((a) => a.path === stack.node.path)).toEqual([]);
  });

  test('a non-compliant resource is reported and fails synth, so the checks can fail', () => {
    const { app, stack } = buildStack();
    new sqs.Queue(Stack.of(stack), 'PlainQueue', { enforceSSL: false });
    const rules = violationsOf(stack).map((v) => v.rule);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-SQS3', 'AwsSolutions-SQS4']));
    expect(() => app.synth()).toThrow();
  });
});
