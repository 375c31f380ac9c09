// Child processes for the benchmarks: an emulator (dynalite or the SES emulator) on its own core, so
// it does not share an event loop with the code being measured, and a generic "run this bench file
// and read its marked result line" helper.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { RESULT_MARKER } from './support';

const HERE = import.meta.dirname;

export interface ChildHandle<T> {
  child: ChildProcess;
  /** The first marked line the child printed. */
  ready: Promise<T>;
  /** Resolves with the last marked line once the child exits (rejects on a non-zero exit). */
  done: Promise<T>;
  stop(): Promise<void>;
}

/** Runs `bench/<file>` under tsx with `args`, forwarding its stderr, and parses its marked lines. */
export function runChild<T>(
  file: string,
  args: string[] = [],
  env: Record<string, string | undefined> = {},
): ChildHandle<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(HERE, file), ...args], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let stdout = '';
  let resolveReady!: (value: T) => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<T>((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  const results: T[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    let at = stdout.indexOf('\n');
    while (at >= 0) {
      const line = stdout.slice(0, at);
      stdout = stdout.slice(at + 1);
      if (line.startsWith(RESULT_MARKER)) {
        const value = JSON.parse(line.slice(RESULT_MARKER.length)) as T;
        results.push(value);
        resolveReady(value);
      }
      at = stdout.indexOf('\n');
    }
  });
  const done = new Promise<T>((res, rej) => {
    child.on('error', rej);
    child.on('close', (code, signal) => {
      const failure = new Error(`${file} ${args.join(' ')} exited with ${signal ?? code}`);
      rejectReady(failure);
      if ((code === 0 || signal === 'SIGTERM') && results.length) res(results.at(-1)!);
      else rej(failure);
    });
  });
  done.catch(() => undefined);
  return {
    child,
    ready,
    done,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await done.catch(() => undefined);
      }
    },
  };
}

/** dynalite (in memory) or the SES emulator in a child process; resolves with its endpoint. */
export async function startEmulatorProcess(kind: 'dynamo' | 'ses') {
  const handle = runChild<{ url: string }>('emulator.ts', [kind]);
  const { url } = await handle.ready;
  return { url, stop: handle.stop };
}
