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

async function runSection(name: string) {
  const started = performance.now();
  note(`${name}…`);
  const result = await runChild<Record<string, unknown>>('section.ts', [name, ...args]).done;
  note(`${name} done in ${Math.round((performance.now() - started) / 1000)} s`);
  return result;
}

const chosen = SECTIONS.filter((name) => !only || only.includes(name));
const figures: Record<string, unknown> = {};
if (quick) {
  // The smoke run checks that everything works, not how fast: sections run side by side.
  for (const result of await Promise.all(chosen.map(runSection))) Object.assign(figures, result);
} else {
  // Measured runs one at a time, so no section competes with another for the cores.
  for (const name of chosen) Object.assign(figures, await runSection(name));
}
const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  quick,
};
if (json) process.stdout.write(`${JSON.stringify({ ...figures, machine })}\n`);
else process.stdout.write(`${formatTable(figures, machine)}\n`);
