// Builds the CDK app: the Talkwatch stack with settings from context, checked by cdk-nag's AWS
// Solutions rules whenever it is synthesised. cdk/app.ts synthesises it; tests build it here too.
import { App, type AppProps, type Environment, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readSettings } from './settings';
import { TalkwatchStack } from './talkwatch-stack';

export function createTalkwatchApp(props: AppProps = {}, env?: Environment) {
  const app = new App(props);
  const stack = new TalkwatchStack(app, 'Talkwatch', {
    settings: readSettings(app.node),
    description: 'Talkwatch: topic-alert newsletter (API, functions, table, queues, SES, schedules, alarms)',
    ...(env ? { env } : {}),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
