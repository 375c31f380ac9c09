// One no-op delivery run on the main thread, for profiling the sender:
// `SEND_THREADS=0 node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-delivery.ts 3000`
// (the same run as the delivery benchmark's no-op row, minus the other rows), then open the profile in
// Chrome's DevTools or summarise it with `node bench/profile-summary.mjs <file>`.
import { digestRun, startStandin } from './delivery';
import { startEmulatorProcess } from './processes';

const n = Number(process.argv[2] ?? 3000);
const [dynamo, standin] = await Promise.all([startEmulatorProcess('dynamo'), startStandin()]);
try {
  const run = await digestRun({ dynamo: dynamo.url, standin }, n, 100_000, { kind: 'noop' });
  process.stdout.write(
    `${JSON.stringify({
      sent: run.sent,
      duplicates: run.duplicates,
      perSecond: Math.round(run.sent / run.spanSeconds),
      cpuMsPerSend: Number(run.cpuMsPerSend.toFixed(2)),
      mainThreadCpuMsPerSend: Number(run.mainThreadCpuMsPerSend.toFixed(2)),
      storeCallsPerSend: Number(run.storeCallsPerSend.toFixed(2)),
      sendThreads: run.sendThreads,
      mainThreadOperations: run.mainThreadOperations,
    })}\n`,
  );
} finally {
  await Promise.all([dynamo.stop(), standin.stop()]);
}
