// Invokes a bundled handler the way Lambda does: a fresh Node process imports the bundle (a cold
// start), calls `handler(event, context)` once and reports the result. Plain Node, not the test
// runner's module loader, so the bundle runs exactly as shipped.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const MARKER = '@@talkwatch-result@@';

const RUNNER = `
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { event, context } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const { handler } = await import(process.argv[1]);
const result = await handler(event, context);
process.stdout.write('\\n${MARKER}' + JSON.stringify({ result: result ?? null }) + '\\n');
`;

export interface Invocation<T> {
  result: T;
  /** Everything else the function printed (Powertools JSON logs). */
  logs: string;
}

export function invokeBundle<T = unknown>(
  bundle: string,
  event: unknown,
  env: Record<string, string>,
): Promise<Invocation<T>> {
  const context = { functionName: 'smoke', awsRequestId: crypto.randomUUID(), getRemainingTimeInMillis: 0 };
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--enable-source-maps', '--input-type=module', '-e', RUNNER, pathToFileURL(bundle).href],
      { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const at = stdout.lastIndexOf(MARKER);
      if (code !== 0 || at < 0) {
        reject(new Error(`handler failed (exit ${code}):\n${stderr}\n${stdout}`.slice(0, 4000)));
        return;
      }
      const { result } = JSON.parse(stdout.slice(at + MARKER.length));
      resolve({ result, logs: stdout.slice(0, at) + stderr });
    });
    child.stdin.end(JSON.stringify({ event, context }));
  });
}
