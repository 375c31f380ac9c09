// `npm run bench`: every benchmark of issue 7, each section in its own process, then one table (or,
// with --json, one JSON object with the same figures). --quick runs small N and short durations: the
// CI smoke test (tests/bench/bench-smoke.test.ts) checks it works; figures come from the full run.
// --only=render,delivery,fanout,api,coldstart picks sections; --save=<file> also writes the JSON.
import { writeFileSync } from 'node:fs';
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
const failed: string[] = [];
// A failed section is reported and the others still run; the exit code says something failed.
const attempt = (name: string) =>
  runSection(name).catch((error: unknown) => {
    failed.push(name);
    note(`${name} FAILED: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  });
if (quick) {
  // The smoke run checks that everything works, not how fast: sections run side by side.
  for (const result of await Promise.all(chosen.map(attempt))) Object.assign(figures, result);
} else {
  // Measured runs one at a time, so no section competes with another for the cores.
  for (const name of chosen) Object.assign(figures, await attempt(name));
}
const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  quick,
};
const all = { ...figures, machine, ...(failed.length ? { failed } : {}) };
// --save=<file> also writes the JSON object, so one run yields both the table and the figures.
const save = process.argv.find((a) => a.startsWith('--save='))?.slice('--save='.length);
if (save) writeFileSync(save, `${JSON.stringify(all, null, 2)}\n`);
if (json) process.stdout.write(`${JSON.stringify(all)}\n`);
else {
  process.stdout.write(`${formatTable(figures, machine)}\n`);
  if (failed.length) process.stdout.write(`\nFailed sections: ${failed.join(', ')} (see the log above)\n`);
}
if (failed.length) process.exitCode = 1;
