// `npm run ingest -- <file or folder>…`: push development files (Markdown with front matter, or the
// Title:/URL:/Date: article format) to the running app's signed webhook, so they go through exactly
// the path every other development takes, and alerts reach the running stack's queues. A folder
// stands for the .md, .txt and .json files in it (`npm run ingest -- data/samples`).
// Target and secret: see scripts/app-client.ts.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDevelopmentInput, parseDevelopmentText } from '../functions/domain/developments/input';
import { ValidationError } from '../functions/domain/errors';
import { appTarget, postSigned } from './app-client';

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length === 0) {
  console.error('usage: npm run ingest -- <file or folder> [more…]   (try: npm run ingest -- data/samples)');
  process.exit(2);
}

const files = args.flatMap((arg) => {
  try {
    if (!statSync(arg).isDirectory()) return [arg];
  } catch {
    return [arg]; // reported below, with the others
  }
  return readdirSync(arg)
    .filter((f) => /\.(md|txt|json)$/.test(f))
    .sort()
    .map((f) => join(arg, f));
});

const target = appTarget('developments');
const base = target.base;

let failed = false;
const created: string[] = [];
for (const file of files) {
  try {
    const text = readFileSync(file, 'utf8');
    // Parse errors already start with the file's name.
    const input = file.endsWith('.json')
      ? parseDevelopmentInput(JSON.parse(text), `${file}: `)
      : parseDevelopmentText(text, file);
    const body = JSON.stringify(input);
    // The same file always carries the same webhook-id: re-running is a redelivery, not a new report.
    const id = `msg_ingest_${createHash('sha256').update(body).digest('hex').slice(0, 24)}`;
    const res = await postSigned(target, '/webhooks/developments', id, body);
    const answer = (await res.json().catch(() => ({}))) as { error?: string };
    if (!res.ok) throw new Error(`${res.status} ${answer.error ?? JSON.stringify(answer)}`);
    for (const r of (answer as { results: Array<Record<string, unknown>> }).results) {
      if (r.created) created.push(String(r.id));
      console.log(
        `${file}: ${r.created ? 'created' : `not new (${r.outcome})`} ${r.id}${r.alert ? ', alert requested' : ''}`,
      );
    }
  } catch (error) {
    failed = true;
    const code =
      (error as NodeJS.ErrnoException).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === 'ECONNREFUSED') {
      // Said once, not once per file: nothing else can succeed either.
      console.error(`Cannot reach ${base}: is \`npm start\` running?`);
      process.exit(1);
    }
    console.error(
      error instanceof ValidationError
        ? error.message
        : code === 'ENOENT'
          ? `${file}: no such file`
          : `${file}: ${(error as Error).message}`,
    );
  }
}
if (created.length > 0) await followSummaries(created);
process.exit(failed ? 1 : 0);

/**
 * Reports are summarised off the request path (the ingest queue): wait until they are, so a digest
 * asked for right after (`npm run send`) holds them. Needs the admin token; without it, says so.
 */
async function followSummaries(ids: string[]): Promise<void> {
  if (!target.adminToken) {
    console.log(`${ids.length} report(s) received; they are summarised in the background.`);
    return;
  }
  const pending = new Set(ids);
  const deadline = Date.now() + 120_000;
  while (pending.size > 0 && Date.now() < deadline) {
    for (const id of [...pending]) {
      const res = await fetch(`${base}/developments/${id}`, {
        headers: { authorization: `Bearer ${target.adminToken}` },
      });
      // 404: merged into a near-duplicate from another outlet, which is done too.
      if (res.status === 404) pending.delete(id);
      else if (res.ok && ((await res.json()) as { status: string }).status === 'summarised')
        pending.delete(id);
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 250));
  }
  if (pending.size === 0) console.log(`${ids.length} report(s) summarised.`);
  else
    console.log(
      `${ids.length - pending.size} of ${ids.length} report(s) summarised; the rest are still queued.`,
    );
}
