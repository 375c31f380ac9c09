// `npx cdk synth|deploy` (cdk.json): one stack, checked by cdk-nag's AWS Solutions rules at synth.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readSettings } from './settings';
import { TalkwatchStack } from './talkwatch-stack';

const app = new App();
new TalkwatchStack(app, 'Talkwatch', {
  settings: readSettings(app.node),
  description: 'Talkwatch: topic-alert newsletter (API, functions, table, queues, SES, schedules, alarms)',
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
