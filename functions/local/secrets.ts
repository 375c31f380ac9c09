// Locally, secrets that are not set in the environment are generated once and kept in DATA_DIR, so
// webhook signers and old unsubscribe links keep working across restarts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalSecrets {
  WEBHOOK_SECRET_DEVELOPMENTS: string;
  WEBHOOK_SECRET_SEND: string;
  WEBHOOK_SECRET_SES: string;
  ADMIN_TOKEN: string;
  TOKEN_KEYS: string;
  SUBSCRIBER_ID_KEY: string;
}

const webhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export function generateSecrets(): LocalSecrets {
  return {
    WEBHOOK_SECRET_DEVELOPMENTS: webhookSecret(),
    WEBHOOK_SECRET_SEND: webhookSecret(),
    WEBHOOK_SECRET_SES: webhookSecret(),
    ADMIN_TOKEN: randomBytes(24).toString('base64url'),
    TOKEN_KEYS: `1:${randomBytes(32).toString('base64')}`,
    SUBSCRIBER_ID_KEY: randomBytes(32).toString('base64'),
  };
}

export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  const stored: Partial<LocalSecrets> & { WEBHOOK_SECRET?: string } = existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : {};
  // Before each route had its own secret there was one WEBHOOK_SECRET: it stays the developments
  // secret (editors' automations keep working); send and SES get new ones.
  const { WEBHOOK_SECRET: legacy, ...current } = stored;
  const merged: LocalSecrets = {
    ...generateSecrets(),
    ...(legacy ? { WEBHOOK_SECRET_DEVELOPMENTS: legacy } : {}),
    ...current,
  };
  if (legacy || Object.keys(current).length !== Object.keys(merged).length) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`, { mode: 0o600 });
  }
  return merged;
}
