// What the CLIs (ingest, send) share: where the running app is and how to sign a webhook to it.
// Target: APP_URL, else PUBLIC_URL, else http://localhost:$PORT. Secrets: the route's own webhook
// secret (WEBHOOK_SECRET_DEVELOPMENTS for ingest, WEBHOOK_SECRET_SEND for send; the first of several)
// and ADMIN_TOKEN, else DATA_DIR/secrets.json as written by `npm start`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';

export interface AppTarget {
  base: string;
  webhookSecret: string;
  adminToken: string | undefined;
}

const SECRET_VARIABLE = {
  developments: 'WEBHOOK_SECRET_DEVELOPMENTS',
  send: 'WEBHOOK_SECRET_SEND',
} as const;

export function appTarget(
  route: keyof typeof SECRET_VARIABLE,
  env: Record<string, string | undefined> = process.env,
): AppTarget {
  const base = (env.APP_URL ?? env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, '');
  const secretsFile = join(env.DATA_DIR ?? '.data', 'secrets.json');
  const stored: Record<string, string> = existsSync(secretsFile)
    ? JSON.parse(readFileSync(secretsFile, 'utf8'))
    : {};
  const variable = SECRET_VARIABLE[route];
  const webhookSecret = env[variable]?.split(/\s+/).find(Boolean) ?? stored[variable];
  if (!webhookSecret) {
    console.error(
      `No webhook secret: set ${variable} or start the stack once (npm start) to create ${secretsFile}.`,
    );
    process.exit(1);
  }
  return { base, webhookSecret, adminToken: env.ADMIN_TOKEN ?? stored.ADMIN_TOKEN };
}

/** POST a Standard Webhooks-signed JSON body; `id` is the idempotency key the app deduplicates on. */
export function postSigned(target: AppTarget, path: string, id: string, body: string): Promise<Response> {
  const now = new Date();
  return fetch(`${target.base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(target.webhookSecret).sign(id, now, body),
    },
    body,
  });
}
