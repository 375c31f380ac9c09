// `npm run send -- --topic <id> --kind digest|alert [--since <ISO>] [--development <id>]… [--dry-run]`:
// asks the running app for an issue now, through the same signed webhook (POST /webhooks/send) an
// automation would use, then polls GET /issues/:id until it is sent.
// Target and secrets: see scripts/app-client.ts.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { appTarget, postSigned } from './app-client';

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

const target = appTarget('send');
const { base, adminToken } = target;

const body = JSON.stringify({
  topic: values.topic,
  kind: values.kind,
  ...(values.since ? { since: values.since } : {}),
  ...(values.development?.length ? { developmentIds: values.development } : {}),
  ...(values['dry-run'] ? { dryRun: true } : {}),
});
const id = `msg_send_${randomUUID()}`;
const res = await postSigned(target, '/webhooks/send', id, body).catch((error: Error) => {
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
