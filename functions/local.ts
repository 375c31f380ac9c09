// `npm start`: the whole product on this machine. The only file that starts a long-running server.
// `npm start -- --feeds` (or FEEDS=on) also polls the topics' feeds.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from './config';
import { DataDirInUseError } from './local/data-dir-lock';
import { FEED_POLL_INTERVAL_MS } from './local/developments';
import { PortInUseError } from './local/emulators';
import { type LocalStack, startLocalStack } from './local/stack';

// Local runs are on Node 20 knowingly (Lambda runs 22); silence the SDK's reminder.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const SAMPLES = 'data/samples';

let flags: { feeds?: boolean };
try {
  flags = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: { feeds: { type: 'boolean' } },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\nusage: npm start [-- --feeds]`);
  process.exit(2);
}

try {
  const stack = await startLocalStack(flags.feeds ? { feeds: true } : {});
  console.log(startupText(stack));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down…`);
    // The SES emulator answers 503 for 1.5 s before it closes (clients drop keep-alive sockets on it),
    // and send threads and dynalite stop after it: 5 s leaves room on a loaded machine.
    const deadline = setTimeout(() => {
      console.error('Shutdown took longer than 5 s; exiting.');
      process.exit(1);
    }, 5000);
    await stack.close();
    clearTimeout(deadline);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  if (error instanceof PortInUseError || error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

function startupText(stack: LocalStack): string {
  const { config } = stack;
  // The CLIs find the app and its secrets from the same variables; a non-default run says them.
  const where = [
    ...(stack.appUrl === 'http://localhost:3000' ? [] : [`APP_URL=${stack.appUrl}`]),
    ...(process.env.DATA_DIR ? [`DATA_DIR=${shellWord(process.env.DATA_DIR)}`] : []),
  ];
  const cli = (script: string) => [...where, 'npm run', script].join(' ');
  const inbox = stack.inboxUrl
    ? `${stack.inboxUrl}  (kept in ${display(stack.inboxFile!)} across restarts)`
    : `${config.SES_ENDPOINT} (external SES endpoint)`;
  const every = `every ${FEED_POLL_INTERVAL_MS / 60_000} minutes`;
  const feeds = stack.feeds
    ? `on: the topics' feeds are polled ${every}`
    : `off (FEEDS=on or \`npm start -- --feeds\` polls the topics' feeds ${every})`;
  return `
Talkwatch is running.

  App:            ${stack.appUrl}
  Health:         ${stack.appUrl}/health
  Inbox (SES):    ${inbox}
  DynamoDB:       ${config.DYNAMODB_ENDPOINT}
  Feeds:          ${feeds}
  Webhook secrets (each route has its own):
    developments: ${config.WEBHOOK_SECRET_DEVELOPMENTS[0]}
    send:         ${config.WEBHOOK_SECRET_SEND[0]}
  Admin token:    ${config.ADMIN_TOKEN}

Next steps:
  1. Open ${stack.appUrl}/ and subscribe; the confirmation email lands in the inbox above.
  2. Push the sample reports:  ${cli(`ingest -- ${SAMPLES}`)}
  3. Send a digest now:        ${cli('send -- --topic us-russia-ukraine --kind digest --since 2025-01-01T00:00:00Z')}
     (a first digest otherwise holds only the last day's news; the seed and sample reports are from 2025)
Press Ctrl-C to stop; data is kept in ${display(stack.dataDir)}/.
`;
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
