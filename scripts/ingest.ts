// `npm run ingest -- <file>…`: push development files (Markdown with front matter, or the
// Title:/URL:/Date: article format) to the running app's signed webhook, so they go through exactly
// the path every other development takes, and alerts reach the running stack's queues.
// Target and secret: see scripts/app-client.ts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDevelopmentText } from '../functions/domain/developments/input';
import { ValidationError } from '../functions/domain/errors';
import { appTarget, postSigned } from './app-client';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  console.error('usage: npm run ingest -- <file> [file…]');
  process.exit(2);
}

const target = appTarget('developments');
const base = target.base;

let failed = false;
for (const file of files) {
  try {
    const text = readFileSync(file, 'utf8');
    const body = JSON.stringify(parseDevelopmentText(text, basename(file)));
    // The same file always carries the same webhook-id: re-running is a redelivery, not a new report.
    const id = `msg_ingest_${createHash('sha256').update(body).digest('hex').slice(0, 24)}`;
    const res = await postSigned(target, '/webhooks/developments', id, body);
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(answer)}`);
    for (const r of (answer as { results: Array<Record<string, unknown>> }).results) {
      console.log(
        `${file}: ${r.created ? 'created' : `not new (${r.outcome})`} ${r.id}${r.alert ? ', alert requested' : ''}`,
      );
    }
  } catch (error) {
    failed = true;
    const reason =
      error instanceof ValidationError
        ? error.message
        : (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED'
          ? `cannot reach ${base}: is \`npm start\` running?`
          : (error as Error).message;
    console.error(`${file}: ${reason}`);
  }
}
process.exit(failed ? 1 : 0);
