// One emulator in its own process for the benchmarks: `emulator.ts dynamo` (dynalite, in memory) or
// `emulator.ts ses`. Prints its endpoint as a marked line and runs until SIGTERM.
import { startDynamo, startSes } from '../functions/local/emulators';
import { report } from './support';

const kind = process.argv[2];
// The emulator's GetAccount quota must not cap the uncapped run.
process.env.AWS_SES_ACCOUNT = '';
delete process.env.AWS_SES_ACCOUNT;
const server =
  kind === 'dynamo'
    ? await startDynamo({ port: 0 })
    : await startSes({ port: 0, quota: { max24HourSend: 10_000_000, maxSendRate: 100_000 } });
report({ url: server.url });
process.on('SIGTERM', () => {
  server.close().finally(() => process.exit(0));
});
