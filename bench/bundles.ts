// The deployable Lambda bundles, built the way `npx cdk synth` builds them (esbuild, settings from
// cdk.json's context) into a temporary cloud assembly, and located through each function's asset
// metadata (cdk/bundle-paths.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundlePaths, FUNCTIONS, type FunctionName } from '../cdk/bundle-paths';
import { createTalkwatchApp } from '../cdk/talkwatch-app';

export { FUNCTIONS, type FunctionName };

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
  return bundlePaths(stack, resources, outdir);
}
