// `npm start` as a new user runs it: a child process on free ports with its own DATA_DIR.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../functions/local/emulators';
import { LOCAL_CREDENTIALS } from '../../functions/local/stack';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local.ts'], {
    env: { ...process.env, ...env, LOG_LEVEL: 'ERROR' },
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

async function waitFor(started: Started, text: string, ms = 30_000): Promise<void> {
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

describe('npm start (local stack)', () => {
  it('serves the app and inbox, keeps data across a restart, and stops cleanly on SIGINT', async () => {
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

    const second = start(env);
    await waitFor(second, 'Talkwatch is running');
    const item = await doc.send(
      new GetCommand({ TableName: 'talkwatch', Key: { pk: 'TEST#persist', sk: 'X' } }),
    );
    expect(item.Item?.v).toBe(42);
    expect(second.output()).toContain(`developments: ${secret}`);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

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
  });

  it('stops with a message naming an invalid variable', async () => {
    const env = {
      ...(await ports()),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'talkwatch-')),
      MAX_SEND_RATE: 'fast',
    };
    const started = start(env);
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(/MAX_SEND_RATE/);
  });
});
