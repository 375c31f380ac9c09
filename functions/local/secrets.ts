// Locally, secrets that are not set in the environment are generated once and kept in DATA_DIR, so
// webhook signers and old unsubscribe links keep working across restarts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalSecrets {
  WEBHOOK_SECRET: string;
  ADMIN_TOKEN: string;
  TOKEN_KEYS: string;
}

export function generateSecrets(): LocalSecrets {
  return {
    WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('base64')}`,
    ADMIN_TOKEN: randomBytes(24).toString('base64url'),
    TOKEN_KEYS: `1:${randomBytes(32).toString('base64')}`,
  };
}

export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  const stored: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const merged = { ...generateSecrets(), ...stored };
  if (Object.keys(stored).length !== Object.keys(merged).length) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`, { mode: 0o600 });
  }
  return merged;
}
