// What the CLIs (ingest, send) share: where the running app is and how to sign a webhook to it.
// Target: APP_URL, else PUBLIC_URL, else http://localhost:$PORT. Secrets: WEBHOOK_SECRET (first of
// several) and ADMIN_TOKEN, else DATA_DIR/secrets.json as written by `npm start`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';

export interface AppTarget {
  base: string;
  webhookSecret: string;
  adminToken: string | undefined;
}

export function appTarget(env: Record<string, string | undefined> = process.env): AppTarget {
  const base = (env.APP_URL ?? env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, '');
  const secretsFile = join(env.DATA_DIR ?? '.data', 'secrets.json');
  const stored: Record<string, string> = existsSync(secretsFile)
    ? JSON.parse(readFileSync(secretsFile, 'utf8'))
    : {};
  const webhookSecret = env.WEBHOOK_SECRET?.split(/\s+/).find(Boolean) ?? stored.WEBHOOK_SECRET;
  if (!webhookSecret) {
    console.error(
      `No webhook secret: set WEBHOOK_SECRET or start the stack once (npm start) to create ${secretsFile}.`,
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
