// bedrock:InvokeModel (which the Converse API needs) on one model and nothing else, for the function
// that summarises. A base model id is one foundation-model ARN in the stack's Region. A system
// inference profile (`eu.…`, `us.…`, `global.…`) routes each call to the model in one of several
// Regions: the profile's ARN, plus the model in any Region only when called through that profile.
import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { acknowledge } from '../nag';

const PROFILE = /^(?:us|us-gov|eu|apac|jp|au|ca|global)\.(.+)$/;

export function grantInvokeModel(fn: LambdaFunction, modelId: string): void {
  const { partition, region, account } = Stack.of(fn);
  const action = 'bedrock:InvokeModel';
  const profile = PROFILE.exec(modelId);
  if (!profile) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [action],
        resources: [`arn:${partition}:bedrock:${region}::foundation-model/${modelId}`],
      }),
    );
    return;
  }
  const profileArn = `arn:${partition}:bedrock:${region}:${account}:inference-profile/${modelId}`;
  fn.addToRolePolicy(new iam.PolicyStatement({ actions: [action], resources: [profileArn] }));
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      actions: [action],
      resources: [`arn:${partition}:bedrock:*::foundation-model/${profile[1]}`],
      conditions: { StringEquals: { 'bedrock:InferenceProfileArn': profileArn } },
    }),
  );
  // cdk-nag names the partition as resolved: literal when the stack's Region is known.
  const named = Token.isUnresolved(partition) ? '<AWS::Partition>' : partition;
  acknowledge(
    fn.role!,
    `AwsSolutions-IAM5[Resource::arn:${named}:bedrock:*::foundation-model/${profile[1]}]`,
    'One model, in whichever Region its inference profile routes the call to, and only through that profile.',
  );
}
