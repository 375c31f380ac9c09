// `npm run summarise` and `npm run eval` with a model: who wrote each summary and why a model's answer
// was not used, the fallback rate and median latency — against the local Converse server — and a
// clear message, no stack trace, where there are no AWS credentials.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeConverse, startFakeConverse, toolAnswer } from '../../support/fake-converse';
import { GOOD_HEADLINE, goodAnswer, MODEL_ID, REPORT } from './support';

const REPORT_FILE = 'data/developments/2025-12-02-witkoff-putin-moscow.md';
/** Each test starts a script in its own process (a few seconds each, more on a busy machine). */
const SCRIPT_TIMEOUT = 90_000;

/** Runs a package script with only the variables given (no AWS profile or credentials of the machine). */
function run(script: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: tmpdir(),
        AWS_CONFIG_FILE: '/nonexistent',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
        AWS_EC2_METADATA_DISABLED: 'true',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let converse: FakeConverse;
let dir: string;
const bedrock = () => ({
  SUMMARISER: 'bedrock',
  BEDROCK_ENDPOINT: converse.url,
  BEDROCK_MODEL_ID: MODEL_ID,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
});

beforeAll(async () => {
  converse = await startFakeConverse();
  // Two evaluation articles (the same report twice) in the format `npm run eval` reads.
  dir = mkdtempSync(join(tmpdir(), 'talkwatch-eval-'));
  const text = `Title: ${REPORT.title}\nURL: ${REPORT.url}\nDate: ${REPORT.publishedAt}\n\n${REPORT.body}`;
  const facts = { must_mention: ['Witkoff', 'Putin'], quotes: [], dates: ['2025-12-02'] };
  for (const name of ['01-first', '02-second']) {
    writeFileSync(join(dir, `${name}.txt`), text);
    writeFileSync(join(dir, `${name}.facts.json`), JSON.stringify(facts));
  }
});
afterAll(async () => {
  await converse.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => converse.reset());

describe('npm run summarise', () => {
  it(
    'prints who wrote the summary: offline by default, asking no model',
    async () => {
      const before = converse.calls.length;
      const { code, stdout } = await run('summarise', [REPORT_FILE], { BEDROCK_ENDPOINT: converse.url });
      expect(code).toBe(0);
      const out = JSON.parse(stdout);
      expect(out.generator).toBe('offline');
      expect(out.fallbackReason).toBeUndefined();
      expect(converse.calls).toHaveLength(before);
    },
    SCRIPT_TIMEOUT,
  );

  it(
    'with SUMMARISER=bedrock and a good answer: the model wrote it',
    async () => {
      converse.answer(toolAnswer(goodAnswer()));
      const used = await run('summarise', [REPORT_FILE], bedrock());
      expect(used.code).toBe(0);
      expect(JSON.parse(used.stdout)).toMatchObject({
        generator: `bedrock:${MODEL_ID}`,
        summary: GOOD_HEADLINE,
      });
      expect(JSON.parse(used.stdout).fallbackReason).toBeUndefined();
    },
    SCRIPT_TIMEOUT,
  );

  it(
    'with --summariser=bedrock and an answer naming a place not in the report: offline, with the reason',
    async () => {
      converse.answer(toolAnswer({ ...goodAnswer(), whatsNext: 'Talks resume in Oslo.' }));
      const { SUMMARISER: _unset, ...env } = bedrock();
      const refused = await run('summarise', [REPORT_FILE, '--summariser=bedrock'], env);
      expect(refused.code).toBe(0);
      expect(JSON.parse(refused.stdout)).toMatchObject({
        generator: 'offline',
        fallbackReason: `what's next names "Oslo", which is not in the report`,
      });
    },
    SCRIPT_TIMEOUT,
  );
});

describe('npm run eval -- --summariser=bedrock', () => {
  it(
    'prints the usual figures plus the fallback rate and the median latency',
    async () => {
      converse.answer(
        toolAnswer(goodAnswer()),
        toolAnswer({ ...goodAnswer(), headline: 'Boris Johnson met Putin.' }),
      );
      const { code, stdout } = await run('eval', [dir, '--summariser=bedrock', '--verbose'], bedrock());
      expect(code).toBe(0);
      expect(stdout).toContain('headline facts covered');
      expect(stdout).toContain(`bedrock:${MODEL_ID}`);
      expect(stdout).toMatch(/offline summary used instead\s+50% \(1 of 2\)/);
      expect(stdout).toMatch(/median model latency\s+\d+ ms/);
      expect(stdout).toContain(
        '02-second.txt: the headline names "Boris Johnson", which is not in the report',
      );
    },
    SCRIPT_TIMEOUT,
  );

  it(
    'without AWS credentials says so and stops, with no stack trace',
    async () => {
      const before = converse.calls.length;
      const { code, stdout, stderr } = await run('eval', [dir, '--summariser=bedrock'], {
        BEDROCK_ENDPOINT: converse.url,
      });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('No AWS credentials found, so Amazon Bedrock cannot be asked.');
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(converse.calls).toHaveLength(before);
    },
    SCRIPT_TIMEOUT,
  );
});
