// Starts the local AWS: dynalite (DynamoDB API) and aws-ses-v2-local (SES API and web inbox), in this
// process, on the ports asked for. Used by `npm start`, the test global setup and the benchmarks.

import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import * as sesLocalModule from 'aws-ses-v2-local';
import { identityAnswers, keptInbox, type SesIdentities } from './ses-emulator-extras';

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly variable: string,
  ) {
    super(`Port ${port} is already in use: set ${variable} to a free port.`);
    this.name = 'PortInUseError';
  }
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface RunningSes extends RunningServer {
  /** Answer every request 503 ServiceUnavailable for `ms`, as SES does during an outage (fault tests). */
  outage(ms: number): Promise<void>;
}

/** Stop accepting, let requests in flight finish (up to graceMs), then drop what is left. */
function closer(server: Server, graceMs = 300): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      server.closeIdleConnections?.();
      const force = setTimeout(() => server.closeAllConnections?.(), graceMs);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
    });
}

/**
 * dynalite persisting to `path` (a folder), or in memory when path is undefined, in a child process of
 * its own (see dynalite-server.mjs). Port 0 picks a free one.
 */
export async function startDynamo(options: {
  port: number;
  path?: string;
  variable?: string;
}): Promise<RunningServer> {
  if (options.path) mkdirSync(options.path, { recursive: true });
  const child = fork(
    fileURLToPath(new URL('./dynalite-server.mjs', import.meta.url)),
    [JSON.stringify({ port: options.port, host: '127.0.0.1', path: options.path })],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { type: string; port?: number; code?: string; message?: string }) => {
      if (message.type === 'listening' && message.port) resolve(message.port);
      else if (message.code === 'EADDRINUSE')
        reject(new PortInUseError(options.port, options.variable ?? 'DYNAMODB_PORT'));
      else reject(new Error(`dynalite did not start: ${message.message ?? 'unknown error'}`));
    });
    child.once('exit', (code) => reject(new Error(`dynalite exited with code ${code}`)));
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      if (child.connected) child.send('close');
      const force = setTimeout(() => child.kill('SIGKILL'), 1500);
      await exited;
      clearTimeout(force);
    },
  };
}

type SesServerFactory = (config?: { host?: string; port?: number }) => Promise<Server>;

/**
 * aws-ses-v2-local listens as soon as it is created, so the port is checked first. Its GetAccount
 * answer (the send quota) comes from the AWS_SES_ACCOUNT variable of the process it runs in.
 */
export async function startSes(options: {
  port: number;
  variable?: string;
  quota?: { max24HourSend: number; maxSendRate: number };
  /** Keep the inbox in this file (JSON lines) across restarts; the emulator alone keeps it in memory. */
  inboxFile?: string;
  /** Answer GetEmailIdentity as SES would for these identities (the emulator alone does not know it). */
  identities?: SesIdentities;
}): Promise<RunningSes> {
  const variable = options.variable ?? 'SES_PORT';
  process.env.AWS_SES_ACCOUNT ??= JSON.stringify(
    sesAccount(options.quota ?? { max24HourSend: 1_000_000, maxSendRate: 1000 }),
  );
  const port = options.port === 0 ? await freePort() : options.port;
  await assertFree(port, variable);
  const mod = sesLocalModule as unknown as { default: SesServerFactory | { default: SesServerFactory } };
  const factory = typeof mod.default === 'function' ? mod.default : mod.default.default;
  const persist = options.inboxFile ? keptInbox(options.inboxFile) : undefined;
  const server = await factory({ host: '127.0.0.1', port });
  const unavailable = unavailableSwitch(server, {
    after: persist,
    answer: options.identities ? identityAnswers(options.identities) : undefined,
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async outage(ms) {
      unavailable.on();
      await new Promise((r) => setTimeout(r, ms));
      unavailable.off();
    },
    async close() {
      // Go away the way a service does, not the way a socket dies: a moment of 503s with
      // `Connection: close` (clients drop their keep-alive sockets on it), then the port closes once
      // requests in flight have finished. Killing idle keep-alive sockets outright races with clients
      // reusing them, which makes a request's fate unknowable.
      unavailable.on();
      await new Promise((r) => setTimeout(r, 1500));
      await closer(server, 5000)();
    },
  };
}

const UNAVAILABLE =
  '<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code>' +
  '<Message>Shutting down</Message></Error></ErrorResponse>';

/**
 * Puts a 503 ServiceUnavailable answer in front of the emulator's own handler, on demand. `answer`
 * may answer a request itself (true when it did); `after` runs once each POST has been answered.
 */
function unavailableSwitch(
  server: Server,
  extras: {
    after?: (() => void) | undefined;
    answer?: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
  },
) {
  const [handler] = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  let unavailable = false;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!unavailable) {
      if (extras.answer?.(req, res)) return;
      if (extras.after && req.method === 'POST') res.once('finish', extras.after);
      return handler?.(req, res);
    }
    req.resume();
    res.writeHead(503, { 'content-type': 'text/xml', connection: 'close' }).end(UNAVAILABLE);
  });
  return {
    on: () => {
      unavailable = true;
    },
    off: () => {
      unavailable = false;
    },
  };
}

async function assertFree(port: number, variable: string): Promise<void> {
  const { createServer } = await import('node:net');
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, variable) : error),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** An SES v2 GetAccount body for a production account with the given quota. */
function sesAccount(quota: { max24HourSend: number; maxSendRate: number }) {
  return {
    DedicatedIpAutoWarmupEnabled: false,
    Details: {
      AdditionalContactEmailAddresses: [],
      ContactLanguage: 'EN',
      MailType: 'MARKETING',
      ReviewDetails: { CaseId: 'local', Status: 'GRANTED' },
      UseCaseDescription: 'Local emulator',
      WebsiteURL: 'http://localhost',
    },
    EnforcementStatus: 'HEALTHY',
    ProductionAccessEnabled: true,
    SendingEnabled: true,
    SendQuota: { Max24HourSend: quota.max24HourSend, MaxSendRate: quota.maxSendRate, SentLast24Hours: 0 },
    SuppressionAttributes: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
  };
}
