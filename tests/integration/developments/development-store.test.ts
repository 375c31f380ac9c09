import { DynamoDevelopmentStore } from '../../../functions/adapters/dynamodb/development-store';
import { developmentStoreContract } from '../../support/development-store-contract';
import { testDeps } from '../../support/env';

developmentStoreContract('DynamoDB (dynalite)', async () => {
  const deps = await testDeps();
  return new DynamoDevelopmentStore(deps.dynamo, deps.config.TABLE_NAME);
});
