// The dispatcher alone, in its own process so its peak RSS is its own: renders one digest and pages
// through the cohort (listCohort, suppression lookup, batches of 50) exactly as the Lambda does; the
// send queue only counts what it is given. Reports time, pages and process.resourceUsage().maxRSS.
import { randomUUID } from 'node:crypto';
import { renderIssueTemplate } from '../emails/render';
import { parseConfig } from '../functions/config';
import { buildDeps, type DispatchMessage, type SendMessage } from '../functions/deps';
import { dispatchIssue } from '../functions/domain/delivery/dispatch';
import { requestIssue } from '../functions/domain/issues/request';
import type { StartupContext } from '../functions/local/context';
import { seedDevelopments } from '../functions/local/developments';
import { generateSecrets } from '../functions/local/secrets';
import { LOCAL_CREDENTIALS } from '../functions/local/stack';
import { buildSummariser } from '../functions/summariser-deps';
import { dispatchPorts } from '../functions/use-case-ports';
import { report, TOPIC } from './support';

const PAGE_SIZE = 250;

const config = parseConfig({
  ...generateSecrets(),
  DYNAMODB_ENDPOINT: process.env.BENCH_DYNAMODB_ENDPOINT,
  SES_ENDPOINT: 'http://127.0.0.1:9',
  TABLE_NAME: process.env.BENCH_TABLE,
  PUBLIC_URL: 'https://talkwatch.example',
  LOG_LEVEL: 'ERROR',
});
let messages = 0;
let recipients = 0;
const queues = {
  dispatch: { send: async (_: readonly DispatchMessage[]) => undefined },
  ingest: { send: async () => undefined },
  send: {
    async send(batch: readonly SendMessage[]) {
      for (const m of batch) {
        messages++;
        if (m.type === 'deliver') recipients += m.recipients.length;
      }
    },
  },
};
const deps = buildDeps(config, { queues, credentials: LOCAL_CREDENTIALS, summariser: buildSummariser });
if (process.env.BENCH_SEED_DEVELOPMENTS) {
  await seedDevelopments({ deps, seed: true, closers: [] } as unknown as StartupContext);
}
const ports = dispatchPorts(deps, renderIssueTemplate);
const { issue } = await requestIssue({ ...ports, dispatch: queues.dispatch }, `bench:${randomUUID()}`, {
  topic: TOPIC,
  kind: 'digest',
  frequencies: ['daily'],
  since: '2000-01-01T00:00:00Z',
});

const start = performance.now();
await dispatchIssue(ports, issue.id);
const seconds = (performance.now() - start) / 1000;
const after = await ports.issues.get(issue.id);
report({
  seconds,
  recipients,
  messages,
  pages: Math.ceil(recipients / PAGE_SIZE),
  status: after?.status,
  rssMb: process.resourceUsage().maxRSS / 1024,
});
process.exit(0);
