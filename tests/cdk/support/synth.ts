// Builds the Talkwatch stack the way `npx cdk synth` does (settings from cdk.json's context, plus
// overrides), with or without bundling: assertion tests skip esbuild, the smoke test needs the bundles.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { createTalkwatchApp } from '../../../cdk/talkwatch-app';

const ROOT = resolve(import.meta.dirname, '../../..');

export function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(ROOT, 'cdk.json'), 'utf8')).context;
}

export interface SynthOptions {
  context?: Record<string, unknown>;
  /** Run esbuild for every function (slow-ish); otherwise assets are placeholders. */
  bundle?: boolean;
  outdir?: string;
  /** CloudFormation schema validation, as `npx cdk synth` runs it (about 8 s, so opt-in). */
  validateTemplates?: boolean;
}

export function buildStack(options: SynthOptions = {}) {
  return createTalkwatchApp(
    {
      ...(options.outdir ? { outdir: options.outdir } : {}),
      builtinCloudFormationValidation: options.validateTemplates ?? false,
      context: {
        ...cdkJsonContext(),
        ...options.context,
        'aws:cdk:enable-asset-metadata': true,
        ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      },
    },
    { account: '123456789012', region: 'eu-west-1' },
  );
}

export function synthTemplate(options: SynthOptions = {}) {
  const { app, stack } = buildStack(options);
  return { app, stack, template: Template.fromStack(stack) };
}
