// `npm run bench`: every benchmark of issue 7, each section in its own process, then one table (or,
// with --json, one JSON object with the same figures). --quick runs small N and short durations: the
// CI smoke test (tests/bench/bench-smoke.test.ts) checks it works; figures come from the full run.
import { cpus } from 'node:os';
import { runChild } from './processes';
import { note, parseFlags } from './support';
import { formatTable } from './table';

const { quick, json } = parseFlags(process.argv);
const args = quick ? ['--quick'] : [];
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');

const SECTIONS = ['render', 'delivery', 'fanout', 'api', 'coldstart'] as const;

const figures: Record<string, unknown> = {};
for (const name of SECTIONS) {
  if (only && !only.includes(name)) continue;
  const started = performance.now();
  note(`${name}…`);
  Object.assign(figures, await runChild<Record<string, unknown>>('section.ts', [name, ...args]).done);
  note(`${name} done in ${Math.round((performance.now() - started) / 1000)} s`);
}
const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  quick,
};
if (json) process.stdout.write(`${JSON.stringify({ ...figures, machine })}\n`);
else process.stdout.write(`${formatTable(figures, machine)}\n`);
