// The in-memory adapters pass the same contracts as the DynamoDB ones (which run against dynalite in
// tests/integration), so route tests built on them mean the same thing.
import { MemoryDevelopmentStore } from '../../../functions/adapters/memory/development-store';
import { MemoryIssueStore } from '../../../functions/adapters/memory/issue-store';
import { developmentStoreContract } from '../../support/development-store-contract';
import { issueStoreContract } from '../../support/issue-store-contract';

developmentStoreContract('memory', async () => new MemoryDevelopmentStore());
issueStoreContract('memory', async () => new MemoryIssueStore());
