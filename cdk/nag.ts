// Helpers for cdk-nag 3 acknowledgements: each call site gives the one-line reason the finding is
// accepted. Findings on IAM wildcards name the resource by its logical id, hence `arnToken`.
import { type CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** How cdk-nag prints `Fn::GetAtt [<resource>, Arn]` inside a finding id: `<LogicalId.Arn>`. */
export function arnToken(construct: IConstruct): string {
  const resource = construct.node.defaultChild as CfnResource;
  const stack = Stack.of(construct);
  return `<${stack.resolve(stack.getLogicalId(resource))}.Arn>`;
}
