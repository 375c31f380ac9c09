// Where each Lambda's bundle lands in a synthesised cloud assembly (from the asset metadata CDK
// writes), for the bundle smoke test and the cold-start benchmark.
import { join } from 'node:path';
import type { TalkwatchStack } from './talkwatch-stack';

export const FUNCTIONS = ['api', 'dispatch', 'send', 'feedback', 'schedule', 'poll-feeds', 'ingest'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export function bundlePaths(
  stack: TalkwatchStack,
  resources: Record<string, { Metadata?: Record<string, string> }>,
  outdir: string,
): Record<FunctionName, string> {
  const fns: Record<FunctionName, { node: { defaultChild?: unknown } }> = {
    api: stack.api.handler,
    dispatch: stack.sending.dispatchFunction,
    send: stack.sending.sendFunction,
    feedback: stack.feedback.handler,
    schedule: stack.schedules.scheduleFunction,
    'poll-feeds': stack.schedules.pollFeedsFunction,
    ingest: stack.ingest.handler,
  };
  const bundles = {} as Record<FunctionName, string>;
  for (const name of FUNCTIONS) {
    const id = stack.resolve((fns[name].node.defaultChild as { logicalId: string }).logicalId);
    bundles[name] = join(outdir, resources[id]?.Metadata?.['aws:asset:path'] ?? '', 'index.mjs');
  }
  return bundles;
}
