// `npm run cdk:secrets -- <secret-arn>`: prints the webhook secrets and admin token a deployed stack
// uses (derived from the generated seed unless set explicitly), for webhook senders and admins.
// The ARN is the stack output `SecretArn`. Needs AWS credentials allowed to read that secret.
import { loadSecrets } from '../functions/aws/secrets';

const arn = process.argv[2] ?? process.env.SECRET_ARN;
if (!arn) {
  console.error('Usage: npm run cdk:secrets -- <SecretArn output of the Talkwatch stack>');
  process.exit(2);
}
try {
  const secrets = await loadSecrets({ SECRET_ARN: arn });
  console.log(`WEBHOOK_SECRET_DEVELOPMENTS=${secrets.WEBHOOK_SECRET_DEVELOPMENTS}`);
  console.log(`WEBHOOK_SECRET_SEND=${secrets.WEBHOOK_SECRET_SEND}`);
  console.log(`ADMIN_TOKEN=${secrets.ADMIN_TOKEN}`);
} catch (error) {
  console.error(`Could not read ${arn}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
