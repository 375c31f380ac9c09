// The synthesised template of a stack built with test settings, plus small finders over its JSON:
// logical ids of constructs, resources by type, and the IAM statements of a function's role.
import type { Template } from 'aws-cdk-lib/assertions';
import { synthTemplate } from './synth';

// biome-ignore lint/suspicious/noExplicitAny: synthesised CloudFormation JSON, walked freely by assertions.
export type Json = any;
export type Resource = { Type: string; Properties: Record<string, Json>; [key: string]: Json };

/** Settings unlike cdk.json's defaults, so each assertion shows the value came from context. */
export const TEST_CONTEXT = {
  sendMaxConcurrency: 7,
  maxSendRate: 25,
  domain: 'news.example.org',
  fromAddress: 'Talkwatch <alerts@news.example.org>',
  sesIdentity: 'news.example.org',
  dailyDigestSchedule: 'cron(30 6 * * ? *)',
  weeklyDigestSchedule: 'cron(0 8 ? * SUN *)',
  feedPollSchedule: 'rate(5 minutes)',
  alarmEmail: 'ops@news.example.org',
  logRetentionDays: 90,
};

export function synthesised(context: Record<string, unknown> = TEST_CONTEXT) {
  const { stack, template } = synthTemplate({ context });
  const resources = (template as Template).toJSON().Resources as Record<string, Resource>;
  const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
    stack.resolve((construct.node.defaultChild as { logicalId: string }).logicalId) as string;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const functions = () => ({
    api: stack.api.handler,
    dispatch: stack.sending.dispatchFunction,
    send: stack.sending.sendFunction,
    feedback: stack.feedback.handler,
    schedule: stack.schedules.scheduleFunction,
    pollFeeds: stack.schedules.pollFeedsFunction,
    ingest: stack.ingest.handler,
  });
  /** Every IAM statement attached to a function's role. */
  const statementsOf = (fn: { role?: unknown }): Array<Record<string, Json>> => {
    const roleId = logicalId(fn.role as { node: { defaultChild?: unknown } });
    return ofType('AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
  };
  return { stack, template, resources, logicalId, ofType, functions, statementsOf };
}

export const actionsOf = (statement: Record<string, Json>) => [statement.Action].flat() as string[];
