import { DynamoIssueStore } from '../../../functions/adapters/dynamodb/issue-store';
import { testDeps } from '../../support/env';
import { issueStoreContract } from '../../support/issue-store-contract';

issueStoreContract('DynamoDB (dynalite)', async () => {
  const deps = await testDeps();
  return new DynamoIssueStore(deps.dynamo, deps.config.TABLE_NAME);
});
