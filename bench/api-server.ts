// The local server for the API benchmark, in its own process (the load generator must not share its
// event loop): the whole local stack with the abuse limits raised so one client IP may subscribe
// thousands of addresses. Prints where it listens and where its store is, runs until SIGTERM.
//
// In AWS the send queue is drained by another function (the send Lambda renders the confirmation
// emails); locally its consumer shares this process and would turn the figure into a React render
// benchmark. So the send queue here holds messages as SQS would, and they are counted instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack } from '../functions/local/stack';
import { startEmulatorProcess } from './processes';
import { countStoreCalls, report } from './support';

const dataDir = mkdtempSync(join(tmpdir(), 'talkwatch-bench-api-'));
// dynalite in memory in its own process, as in the delivery benchmark: DynamoDB is another machine,
// and LevelDB on a shared disk would make this a disk benchmark.
const dynamo = await startEmulatorProcess('dynamo');
const stack = await startLocalStack({
  env: {
    ...process.env,
    PORT: '0',
    SES_PORT: '0',
    DYNAMODB_PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'ERROR',
    DYNAMODB_ENDPOINT: dynamo.url,
    SES_ENDPOINT: undefined,
    AWS_ACCESS_KEY_ID: undefined,
    RATE_LIMIT_SUBSCRIBE_PER_IP: '100000000',
    RATE_LIMIT_SUBSCRIBE_PER_ADDRESS: '100000000',
    RATE_LIMIT_TOKEN_ACTIONS_PER_IP: '100000000',
  },
});
// Every DynamoDB call the server makes, to relate requests/s to the store's own ceiling.
const store = countStoreCalls(stack.dynamo);
let queued = 0;
stack.queues.send.consume(async (event) => {
  queued += event.Records.length;
  return { batchItemFailures: [] };
});
// CPU the server spends, from here to SIGTERM (it idles while the store is checked afterwards):
// per request, a figure the machine's other load does not change, unlike requests per second.
const cpuAtStart = process.cpuUsage();
report({
  appUrl: stack.appUrl,
  dynamoEndpoint: stack.config.DYNAMODB_ENDPOINT,
  table: stack.config.TABLE_NAME,
  idKey: stack.config.SUBSCRIBER_ID_KEY,
});
process.on('SIGTERM', () => {
  const cpu = process.cpuUsage(cpuAtStart);
  report({ queued, storeCalls: store.calls, serverCpuMs: (cpu.user + cpu.system) / 1000 });
  stack
    .close()
    .then(() => dynamo.stop())
    .finally(() => rmSync(dataDir, { recursive: true, force: true }))
    .finally(() => process.exit(0));
});
