// `npm start`: the whole product on this machine. The only file that starts a long-running server.
import { ConfigError } from './config';
import { PortInUseError } from './local/emulators';
import { startLocalStack } from './local/stack';

// Local runs are on Node 20 knowingly (Lambda runs 22); silence the SDK's reminder.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

try {
  const stack = await startLocalStack();
  const { config } = stack;
  console.log(`
Talkwatch is running.

  App:            ${stack.appUrl}
  Health:         ${stack.appUrl}/health
  Inbox (SES):    ${stack.inboxUrl ?? `${config.SES_ENDPOINT} (external SES endpoint)`}
  DynamoDB:       ${config.DYNAMODB_ENDPOINT}
  Webhook secrets (each route has its own):
    developments: ${config.WEBHOOK_SECRET_DEVELOPMENTS[0]}
    send:         ${config.WEBHOOK_SECRET_SEND[0]}
  Admin token:    ${config.ADMIN_TOKEN}

Next steps:
  1. Open ${stack.appUrl}/ and subscribe; the confirmation email lands in the inbox above.
  2. Push a development:  npm run ingest -- ../shared/eval/articles/02-afp-geneva-refined-framework.txt
  3. Send a digest now:   npm run send -- --topic us-russia-ukraine --kind digest --since 2025-01-01T00:00:00Z
     (a first digest otherwise holds only the last day's news; the seed reports are from 2025)
Press Ctrl-C to stop; data is kept in ${process.env.DATA_DIR ?? '.data'}/.
`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down…`);
    const deadline = setTimeout(() => {
      console.error('Shutdown took longer than 2 s; exiting.');
      process.exit(1);
    }, 1900);
    await stack.close();
    clearTimeout(deadline);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  if (error instanceof PortInUseError || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
