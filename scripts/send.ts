// `npm run send -- --topic <id> --kind digest|alert [--since <ISO>] [--development <id>]… [--dry-run]`:
// asks the running app for an issue now, through the same signed webhook (POST /webhooks/send) an
// automation would use, then follows GET /issues/:id with a progress bar until it is sent, and ends
// with one summary line and what the issue holds (subject, developments, recipients, a preview link).
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
const issueId = answer.issueId;
const web = `${base}/archive/${issueId}`;
console.log(`Issue ${issueId} requested.`);
if (!values.wait || !adminToken) {
  console.log(`Web version: ${web}`);
  process.exit(0);
}
await follow(issueId);

interface Status {
  status: string;
  subject: string | null;
  headlines: string[];
  previewUrl: string | null;
  counts: {
    recipients: number;
    sent: number;
    failed: number;
    suppressed: number;
    inFlight: number;
    unknown: number;
    pending: number;
  };
}

/** Poll the issue until it is done, drawing a bar on a terminal (a line per change otherwise). */
async function follow(id: string): Promise<void> {
  const started = performance.now();
  const tty = process.stdout.isTTY === true;
  let last = '';
  for (;;) {
    const res = await fetch(`${base}/issues/${id}`, { headers: { authorization: `Bearer ${adminToken}` } });
    if (!res.ok) {
      if (tty && last) process.stdout.write('\n');
      console.error(`GET /issues/${id}: ${res.status} ${await res.text()}`);
      process.exit(1);
    }
    const status = (await res.json()) as Status;
    const done = ['sent', 'skipped', 'dry-run', 'no-recipients'].includes(status.status);
    const line = progressLine(status);
    if (tty) process.stdout.write(`\r${line}\x1b[K`);
    else if (line !== last) console.log(line);
    last = line;
    if (done) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  if (tty) process.stdout.write('\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const final = (await (
    await fetch(`${base}/issues/${id}`, { headers: { authorization: `Bearer ${adminToken}` } })
  ).json()) as Status;
  console.log(summaryLine(id, final, seconds));
  report(final);
}

/** What the issue holds: its subject, developments, who gets it, and a preview that opens in a browser. */
function report(issue: Status): void {
  if (!issue.subject) return;
  console.log(`Subject: ${issue.subject}`);
  console.log(`Developments (${issue.headlines.length}):`);
  for (const h of issue.headlines) console.log(`  - ${h}`);
  const who = issue.status === 'dry-run' ? 'would receive it' : 'in its cohorts';
  console.log(`Recipients: ${issue.counts.recipients} (${who})`);
  if (issue.previewUrl) console.log(`Preview: ${issue.previewUrl}`);
}

function progressLine({ status, counts: c }: Status): string {
  const done = c.sent + c.failed + c.suppressed;
  const width = 30;
  const filled = c.recipients ? Math.round((done / c.recipients) * width) : 0;
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  const of = c.recipients ? `${done}/${c.recipients}` : status === 'sending' ? '0/0' : '…';
  return `${bar} ${of} ${status}: ${c.sent} sent, ${c.failed} failed, ${c.suppressed} suppressed, ${c.inFlight + c.unknown} in flight, ${c.pending} pending`;
}

function summaryLine(id: string, { status, counts: c }: Status, seconds: string): string {
  if (status === 'skipped') return `Issue ${id} skipped: nothing new for its readers since their last issue.`;
  if (status === 'dry-run') return `Issue ${id} dry run: rendered, nobody mailed, not published.`;
  if (status === 'no-recipients')
    return `Issue ${id}: nobody is subscribed to it, so it is not sent or published.`;
  const lost = c.unknown ? `, ${c.unknown} unknown (claimed, outcome never recorded; not resent)` : '';
  return (
    `Issue ${id} sent to ${c.recipients} recipient(s) in ${seconds} s: ${c.sent} sent, ${c.failed} failed, ` +
    `${c.suppressed} suppressed${lost}. Web version: ${web}`
  );
}
