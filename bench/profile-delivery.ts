// One no-op delivery run (the delivery benchmark's no-op row alone), for profiling the sender:
// `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-delivery.ts 3000` writes one
// profile per thread, the send threads' included (`SEND_THREADS=1` for a single one; `SEND_THREADS=0`
// sends on the main thread, whose profile then also holds the dispatcher and React's rendering). Open
// a profile in Chrome's DevTools. It prints emails/s, CPU per email (all threads, and the main
// thread's part) and the main thread's store requests by operation.
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
