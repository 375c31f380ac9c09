// dynalite in its own process, so the emulator's LevelDB work and request parsing run on the other
// core rather than the app's event loop. Started by startDynamo() in emulators.ts over IPC; exits
// when its parent goes away, closing LevelDB so nothing written is lost.
import dynalite from 'dynalite';

const { port, host, path } = JSON.parse(process.argv[2] ?? '{}');
const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });

let closing = false;
function shutdown() {
  if (closing) return;
  closing = true;
  server.closeIdleConnections?.();
  const force = setTimeout(() => server.closeAllConnections?.(), 300);
  force.unref();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1500).unref();
}

server.once('error', (error) => {
  process.send?.({ type: 'error', code: error.code, message: error.message });
  process.exit(1);
});
server.listen(port, host, () => {
  process.send?.({ type: 'listening', port: server.address().port });
});
process.on('message', (message) => {
  if (message === 'close') shutdown();
});
process.on('disconnect', shutdown);
process.on('SIGTERM', shutdown);
process.on('SIGINT', () => {
  // The parent handles Ctrl-C and tells us to close over IPC.
});
