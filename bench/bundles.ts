// The deployable Lambda bundles, built the way `npx cdk synth` builds them (esbuild, settings from
// cdk.json's context) into a temporary cloud assembly, and located through each function's asset
// metadata. Mirrors tests/cdk/support/synth.ts, which the benchmarks do not import.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createTalkwatchApp } from '../cdk/talkwatch-app';

export const FUNCTIONS = ['api', 'dispatch', 'send', 'feedback', 'schedule', 'poll-feeds'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export function buildBundles(outdir: string): Record<FunctionName, string> {
  const context = JSON.parse(readFileSync(resolve(import.meta.dirname, '../cdk.json'), 'utf8')).context;
  const { app, stack } = createTalkwatchApp(
    {
      outdir,
      builtinCloudFormationValidation: false,
      context: { ...context, 'aws:cdk:enable-asset-metadata': true },
    },
    { account: '123456789012', region: 'eu-west-1' },
  );
  const resources = app.synth().getStackByName(stack.stackName).template.Resources;
  const fns: Record<FunctionName, { node: { defaultChild?: unknown } }> = {
    api: stack.api.handler,
    dispatch: stack.sending.dispatchFunction,
    send: stack.sending.sendFunction,
    feedback: stack.feedback.handler,
    schedule: stack.schedules.scheduleFunction,
    'poll-feeds': stack.schedules.pollFeedsFunction,
  };
  const bundles = {} as Record<FunctionName, string>;
  for (const name of FUNCTIONS) {
    const id = stack.resolve((fns[name].node.defaultChild as { logicalId: string }).logicalId);
    bundles[name] = join(outdir, resources[id].Metadata['aws:asset:path'], 'index.mjs');
  }
  return bundles;
}
