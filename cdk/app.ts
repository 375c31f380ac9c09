// `npx cdk synth|deploy` (see cdk.json): synthesises the Talkwatch app; cdk-nag findings fail synth.
import { createTalkwatchApp } from './talkwatch-app';

const { app } = createTalkwatchApp(
  {},
  { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
);
app.synth();
