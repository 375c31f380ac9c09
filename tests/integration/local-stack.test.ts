// `npm start` as a new user runs it: a child process on free ports with its own DATA_DIR. Covers the
// first run (every command the start-up text suggests succeeds), a restart (data and inbox kept), a
// second start on the same data directory, a stale lock left by a killed run, and bad settings.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../functions/local/data-dir-lock';
import { freePort } from '../../functions/local/emulators';
import { LOCAL_CREDENTIALS } from '../../functions/local/stack';
import { until } from '../support/until';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

/** The environment of a fresh shell: none of the variables a test run or a previous start might set. */
function shellEnv(): Record<string, string | undefined> {
  const env = { ...process.env };
  for (const name of ['PORT', 'SES_PORT', 'DYNAMODB_PORT', 'DATA_DIR', 'APP_URL', 'PUBLIC_URL', 'FEEDS']) {
    delete env[name];
  }
  for (const name of [
    'WEBHOOK_SECRET',
    'WEBHOOK_SECRET_DEVELOPMENTS',
    'WEBHOOK_SECRET_SEND',
    'WEBHOOK_SECRET_SES',
    'SUBSCRIBER_ID_KEY',
    'ADMIN_TOKEN',
    'TOKEN_KEYS',
    'FROM_ADDRESS',
    'MAIL_DOMAIN',
  ]) {
    delete env[name];
  }
  return env;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local.ts'], {
    env: { ...shellEnv(), ...env, LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(started: Started, text: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!started.output().includes(text)) {
    if (Date.now() > until) throw new Error(`timed out waiting for "${text}"; output:\n${started.output()}`);
    if (started.child.exitCode !== null) throw new Error(`exited early:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function ports() {
  return {
    PORT: String(await freePort()),
    SES_PORT: String(await freePort()),
    DYNAMODB_PORT: String(await freePort()),
  };
}

interface StoredEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
}

async function inbox(sesPort: string): Promise<StoredEmail[]> {
  return ((await (await fetch(`http://localhost:${sesPort}/store`)).json()) as { emails: StoredEmail[] })
    .emails;
}

/** What a reader does in the browser: subscribe, then confirm from the link in the local inbox. */
async function subscribeAndConfirm(env: Record<string, string>, email: string): Promise<void> {
  const app = `http://localhost:${env.PORT}`;
  const res = await fetch(`${app}/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  expect(res.status).toBe(202);
  const confirmation = await until('the confirmation email', async () =>
    (await inbox(env.SES_PORT!)).find((e) => e.destination.to.includes(email)),
  );
  const token = /confirm\?token=([\w.-]+)/.exec(confirmation.body.text ?? '')?.[1];
  expect(token).toBeDefined();
  const confirmed = await fetch(`${app}/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: token! }),
  });
  expect(confirmed.status).toBe(200);
}

/** Run one command line as a user would paste it into a fresh shell at the repository root. */
function run(command: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { env: shellEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('npm start (local stack)', () => {
  it('on a fresh data directory, every command the start-up text suggests succeeds and a digest arrives', async () => {
    const env = { ...(await ports()), DATA_DIR: mkdtempSync(join(tmpdir(), 'talkwatch-first-')) };
    const started = start(env);
    await waitFor(started, 'Press Ctrl-C to stop');
    const text = started.output();
    expect(text).toMatch(/Feeds: +off \(FEEDS=on/);
    expect(text).toContain(`kept in ${join(env.DATA_DIR, 'inbox.jsonl')} across restarts`);

    // Step 1 is done in a browser; here, the same two requests.
    const reader = `first-run-${Date.now()}@example.org`;
    await subscribeAndConfirm(env, reader);

    const commands = [...text.matchAll(/^ {2}\d\. [^:]+: +(.*npm run .*)$/gm)].map((m) => m[1]!.trim());
    expect(commands).toHaveLength(2);
    expect(commands[0]).toContain('npm run ingest -- data/samples');
    for (const command of commands) {
      const { code, output } = await run(command);
      expect(code, `${command}\n${output}`).toBe(0);
      if (command.includes('ingest')) expect(output.match(/: created dev_/g)).toHaveLength(4);
      if (command.includes('send'))
        expect(output).toMatch(/^Issue \S+ sent to 1 recipient\(s\) in .*: 1 sent,/m);
    }
    const digest = (await inbox(env.SES_PORT)).find(
      // Plain-text headings come out in capitals ("[SAMPLE] …").
      (e) => e.destination.to.includes(reader) && /\[sample\]/i.test(e.body.text ?? ''),
    );
    expect(digest, 'a digest holding the sample reports').toBeDefined();
  }, 180_000);

  it('keeps data and the local inbox across a restart, and stops cleanly on SIGINT', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'talkwatch-'));
    const env = { ...(await ports()), DATA_DIR: dataDir };

    const first = start(env);
    await waitFor(first, 'Talkwatch is running');
    const health = await fetch(`http://localhost:${env.PORT}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', store: 'ok', mailer: 'ok' });
    expect((await fetch(`http://localhost:${env.SES_PORT}/`)).status).toBe(200);
    const secret = /developments: (whsec_\S+)/.exec(first.output())?.[1];
    expect(secret).toBeDefined();
    // Each webhook route has its own secret, and the start-up message shows each.
    expect(/send: +(whsec_\S+)/.exec(first.output())?.[1]).not.toBe(secret);
    const reader = `restart-${Date.now()}@example.org`;
    await subscribeAndConfirm(env, reader);
    // The confirmation, then the welcome email.
    const mailed = await until('the welcome email', async () => {
      const to = (await inbox(env.SES_PORT)).filter((e) => e.destination.to.includes(reader));
      return to.length === 2 ? to : undefined;
    });

    const doc = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: 'eu-west-1',
        endpoint: `http://127.0.0.1:${env.DYNAMODB_PORT}`,
        credentials: LOCAL_CREDENTIALS,
      }),
    );
    await doc.send(new PutCommand({ TableName: 'talkwatch', Item: { pk: 'TEST#persist', sk: 'X', v: 42 } }));
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE)), 'lock released on a clean stop').toBe(false);

    const second = start(env);
    await waitFor(second, 'Talkwatch is running');
    const item = await doc.send(
      new GetCommand({ TableName: 'talkwatch', Key: { pk: 'TEST#persist', sk: 'X' } }),
    );
    expect(item.Item?.v).toBe(42);
    expect(second.output()).toContain(`developments: ${secret}`);
    // The emails sent before the restart are still in the inbox.
    const kept = (await inbox(env.SES_PORT)).filter((e) => e.destination.to.includes(reader));
    expect(kept.map((e) => e.subject)).toEqual(mailed.map((e) => e.subject));
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);

  it('refuses a second start on the same data directory, naming the running one; takes over after a kill', async () => {
    const env = { ...(await ports()), DATA_DIR: mkdtempSync(join(tmpdir(), 'talkwatch-twice-')) };
    const first = start(env);
    await waitFor(first, 'Talkwatch is running');

    const second = start(env);
    expect(await second.exited).toBe(1);
    expect(second.output().trim()).toBe(
      `Talkwatch is already running with this data directory (pid ${first.child.pid}): ${env.DATA_DIR}\n` +
        'Stop that one first (Ctrl-C in its terminal), or set DATA_DIR to another directory.',
    );
    // The first one is untouched.
    expect((await fetch(`http://localhost:${env.PORT}/health`)).status).toBe(200);

    // Killed without a chance to clean up: its lock is stale and the next start takes over.
    first.child.kill('SIGKILL');
    await first.exited;
    expect(existsSync(join(env.DATA_DIR, LOCK_FILE))).toBe(true);
    const third = start(env);
    await waitFor(third, 'Talkwatch is running');
    expect((await fetch(`http://localhost:${env.PORT}/health`)).status).toBe(200);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 180_000);

  it('names the variable to change when a port is in use', async () => {
    const env = { ...(await ports()), DATA_DIR: mkdtempSync(join(tmpdir(), 'talkwatch-')) };
    const blocker = createServer().listen(Number(env.SES_PORT), '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      const started = start(env);
      expect(await started.exited).toBe(1);
      expect(started.output().trim()).toBe(
        `Port ${env.SES_PORT} is already in use: set SES_PORT to a free port.`,
      );
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('stops before starting anything on bad settings, naming each variable and what it expects', async () => {
    const env = {
      ...(await ports()),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'talkwatch-')),
      FROM_ADDRESS: 'nobody',
      PUBLIC_URL: 'localhost:3000',
      MAIL_DOMAIN: 'not a domain',
      MAX_SEND_RATE: '0',
      RATE_LIMIT_SUBSCRIBE_PER_IP: '-1',
      RATE_LIMIT_TOKEN_ACTIONS_PER_IP: '0',
    };
    const started = start(env);
    expect(await started.exited).toBe(1);
    const lines = started.output().trim().split('\n');
    expect(lines).toEqual([
      'Invalid configuration:',
      expect.stringMatching(/^ {2}PUBLIC_URL: must be an absolute http\(s\) URL.*\(got "localhost:3000"\)$/),
      expect.stringMatching(/^ {2}FROM_ADDRESS: must be one email address.*\(got "nobody"\)$/),
      expect.stringMatching(/^ {2}MAIL_DOMAIN: must be a domain name.*\(got "not a domain"\)$/),
      expect.stringMatching(/^ {2}MAX_SEND_RATE: must be a number of emails per second above 0 \(got "0"\)$/),
      expect.stringMatching(/^ {2}RATE_LIMIT_SUBSCRIBE_PER_IP: must be a number of requests.* \(got "-1"\)$/),
      expect.stringMatching(
        /^ {2}RATE_LIMIT_TOKEN_ACTIONS_PER_IP: must be a number of requests.* \(got "0"\)$/,
      ),
    ]);
    // Nothing was started: no database was created in the data directory.
    expect(existsSync(join(env.DATA_DIR, 'dynamodb'))).toBe(false);

    const fast = start({ ...(await ports()), DATA_DIR: env.DATA_DIR, MAX_SEND_RATE: 'fast', FEEDS: 'yes' });
    expect(await fast.exited).toBe(1);
    expect(fast.output()).toMatch(/FEEDS: must be on or off \(got "yes"\)/);
  }, 60_000);
});
