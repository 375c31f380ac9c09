// `npm run ingest -- <file>…`: push development files (Markdown with front matter, or the
// Title:/URL:/Date: article format) to the running app's signed webhook, so they go through exactly
// the path every other development takes, and alerts reach the running stack's queues.
// Target: INGEST_URL, else PUBLIC_URL, else http://localhost:$PORT. Secret: WEBHOOK_SECRET (first of
// several), else DATA_DIR/secrets.json as written by `npm start`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { parseDevelopmentText } from '../functions/domain/developments/input';
import { ValidationError } from '../functions/domain/errors';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  console.error('usage: npm run ingest -- <file> [file…]');
  process.exit(2);
}

const base = (
  process.env.INGEST_URL ??
  process.env.PUBLIC_URL ??
  `http://localhost:${process.env.PORT ?? 3000}`
).replace(/\/+$/, '');
const secretsFile = join(process.env.DATA_DIR ?? '.data', 'secrets.json');
const secret =
  process.env.WEBHOOK_SECRET?.split(/\s+/).find(Boolean) ??
  (existsSync(secretsFile)
    ? (JSON.parse(readFileSync(secretsFile, 'utf8')).WEBHOOK_SECRET as string)
    : undefined);
if (!secret) {
  console.error(
    `No webhook secret: set WEBHOOK_SECRET or start the stack once (npm start) to create ${secretsFile}.`,
  );
  process.exit(1);
}

let failed = false;
for (const file of files) {
  try {
    const text = readFileSync(file, 'utf8');
    const body = JSON.stringify(parseDevelopmentText(text, basename(file)));
    // The same file always carries the same webhook-id: re-running is a redelivery, not a new report.
    const id = `msg_ingest_${createHash('sha256').update(body).digest('hex').slice(0, 24)}`;
    const now = new Date();
    const res = await fetch(`${base}/webhooks/developments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(id, now, body),
      },
      body,
    });
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
