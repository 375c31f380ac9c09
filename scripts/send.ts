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
console.log(
  `Issue ${answer.issueId} requested${values['dry-run'] ? ' (dry run: nothing will be sent)' : ''}.`,
);

interface IssueStatus {
  status: string;
  subject: string | null;
  headlines: string[];
  counts: Record<string, number>;
  previewUrl: string | null;
}
const FINAL = ['sent', 'skipped', 'dry-run', 'no-recipients'];

if (!adminToken) {
  console.log('No ADMIN_TOKEN: cannot follow the issue. Its status is at GET /issues/<id>.');
} else if (values.wait) {
  let last: IssueStatus | undefined;
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const res = await fetch(`${base}/issues/${answer.issueId}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    last = (await res.json()) as IssueStatus;
    const c = last.counts;
    if (last.status !== 'dry-run') {
      console.log(
        `${last.status}: ${c.sent}/${c.recipients} sent, ${c.failed} failed, ${c.suppressed} suppressed, ${c.pending} pending`,
      );
    }
    if (FINAL.includes(last.status)) break;
  }
  if (last) report(last);
}

function report(issue: IssueStatus) {
  if (issue.status === 'skipped') {
    console.log('Nothing new to send: no issue was made.');
    return;
  }
  if (!issue.subject) return;
  console.log(`\nSubject: ${issue.subject}`);
  console.log(`Developments (${issue.headlines.length}):`);
  for (const h of issue.headlines) console.log(`  - ${h}`);
  const who = issue.status === 'dry-run' ? 'would receive it' : 'in its cohorts';
  console.log(`Recipients: ${issue.counts.recipients} (${who})`);
  if (issue.previewUrl) console.log(`Preview: ${issue.previewUrl}`);
  if (issue.status === 'no-recipients') console.log('Nobody is subscribed to this: it is not published.');
  else if (issue.status !== 'dry-run') console.log(`Web version: ${base}/archive/${answer.issueId}`);
}
