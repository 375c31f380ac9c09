// `npm run send -- --topic <id> --kind digest|alert [--since <ISO>] [--development <id>]… [--dry-run]`:
// asks the running app for an issue now, through the same signed webhook (POST /webhooks/send) an
// automation would use, then polls GET /issues/:id until it is sent.
// Target: SEND_URL, else PUBLIC_URL, else http://localhost:$PORT. Secrets: WEBHOOK_SECRET and
// ADMIN_TOKEN, else DATA_DIR/secrets.json as written by `npm start`.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Webhook } from 'standardwebhooks';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    topic: { type: 'string', default: 'us-russia-ukraine' },
    kind: { type: 'string', default: 'digest' },
    since: { type: 'string' },
    development: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean', default: false },
    wait: { type: 'boolean', default: true },
  },
});
if (values.kind !== 'digest' && values.kind !== 'alert') {
  console.error(
    'usage: npm run send -- --topic <id> --kind digest|alert [--since <ISO>] [--development <id>] [--dry-run]',
  );
  process.exit(2);
}

const base = (
  process.env.SEND_URL ??
  process.env.PUBLIC_URL ??
  `http://localhost:${process.env.PORT ?? 3000}`
).replace(/\/+$/, '');
const secretsFile = join(process.env.DATA_DIR ?? '.data', 'secrets.json');
const stored = existsSync(secretsFile)
  ? (JSON.parse(readFileSync(secretsFile, 'utf8')) as Record<string, string>)
  : {};
const secret = process.env.WEBHOOK_SECRET?.split(/\s+/).find(Boolean) ?? stored.WEBHOOK_SECRET;
const adminToken = process.env.ADMIN_TOKEN ?? stored.ADMIN_TOKEN;
if (!secret) {
  console.error(
    `No webhook secret: set WEBHOOK_SECRET or start the stack once (npm start) to create ${secretsFile}.`,
  );
  process.exit(1);
}

const body = JSON.stringify({
  topic: values.topic,
  kind: values.kind,
  ...(values.since ? { since: values.since } : {}),
  ...(values.development?.length ? { developmentIds: values.development } : {}),
  ...(values['dry-run'] ? { dryRun: true } : {}),
});
const id = `msg_send_${randomUUID()}`;
const now = new Date();
const res = await fetch(`${base}/webhooks/send`, {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, now, body),
  },
  body,
}).catch((error: Error) => {
  console.error(`Cannot reach ${base}: ${error.message}. Is the stack running (npm start)?`);
  process.exit(1);
});
const answer = (await res.json().catch(() => ({}))) as { issueId?: string; error?: string };
if (res.status !== 202 || !answer.issueId) {
  console.error(`${res.status}: ${answer.error ?? 'unexpected answer'}`);
  process.exit(1);
}
console.log(`Issue ${answer.issueId} requested. Web version: ${base}/archive/${answer.issueId}`);

if (values.wait && adminToken) {
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const status = (await (
      await fetch(`${base}/issues/${answer.issueId}`, { headers: { authorization: `Bearer ${adminToken}` } })
    ).json()) as { status: string; counts: Record<string, number> };
    const c = status.counts;
    console.log(
      `${status.status}: ${c.sent}/${c.recipients} sent, ${c.failed} failed, ${c.suppressed} suppressed, ${c.pending} pending`,
    );
    if (['sent', 'skipped', 'dry-run'].includes(status.status)) break;
  }
}
