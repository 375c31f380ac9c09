// The secrets the functions need (a webhook secret per route, ADMIN_TOKEN, TOKEN_KEYS), read once per
// cold start. In AWS they come from one Secrets Manager secret; CDK generates it as `{ "seed": <random> }`
// (Secrets Manager cannot generate the `whsec_<base64>` format itself), so each value is derived from
// the seed with HKDF-SHA256 unless the secret JSON sets it explicitly (explicit keys win: that is how
// you rotate or pin a value). Without SECRET_ARN (local runs, the CDK smoke test) the values come from
// the environment, or from a SECRETS_JSON variable holding the same JSON as the secret.
import { hkdfSync } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { ConfigError } from '../config';

export const SECRET_SEED_KEY = 'seed';

export interface AppSecrets {
  WEBHOOK_SECRET_DEVELOPMENTS: string;
  WEBHOOK_SECRET_SEND: string;
  ADMIN_TOKEN: string;
  TOKEN_KEYS: string;
  SUBSCRIBER_ID_KEY: string;
}
const KEYS = [
  'WEBHOOK_SECRET_DEVELOPMENTS',
  'WEBHOOK_SECRET_SEND',
  'ADMIN_TOKEN',
  'TOKEN_KEYS',
  'SUBSCRIBER_ID_KEY',
] as const;

const value = z.string().min(1).optional();
const secretJson = z.object({
  [SECRET_SEED_KEY]: z.string().min(32).optional(),
  ...Object.fromEntries(KEYS.map((key) => [key, value])),
  /** Before each webhook had its own secret: still honoured, as the developments secret. */
  WEBHOOK_SECRET: value,
});

function derive(seed: string, label: string, bytes: number): Buffer {
  return Buffer.from(hkdfSync('sha256', seed, 'talkwatch', label, bytes));
}

/**
 * The values derived from a seed: one `whsec_` secret per webhook route, a 32-char admin token, key
 * version 1. The developments secret keeps the label the single webhook secret had, so senders of
 * reports deployed before the split keep working.
 */
export function deriveSecrets(seed: string): AppSecrets {
  return {
    WEBHOOK_SECRET_DEVELOPMENTS: `whsec_${derive(seed, 'webhook-secret', 24).toString('base64')}`,
    WEBHOOK_SECRET_SEND: `whsec_${derive(seed, 'webhook-secret-send', 24).toString('base64')}`,
    ADMIN_TOKEN: derive(seed, 'admin-token', 24).toString('base64url'),
    TOKEN_KEYS: `1:${derive(seed, 'token-key-1', 32).toString('base64')}`,
    SUBSCRIBER_ID_KEY: derive(seed, 'subscriber-id-key', 32).toString('base64'),
  };
}

/** Resolve the secret JSON (explicit values, or derived from `seed`). */
export function secretsFromJson(raw: string, source: string): AppSecrets {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${source} is not JSON`);
  }
  const parsed = secretJson.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(
      `${source} is invalid: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  const { seed, WEBHOOK_SECRET: legacy, ...explicit } = parsed.data as Record<string, string | undefined>;
  const derived = seed ? deriveSecrets(seed) : undefined;
  const pick = (key: keyof AppSecrets) => {
    const found =
      explicit[key] ?? (key === 'WEBHOOK_SECRET_DEVELOPMENTS' ? legacy : undefined) ?? derived?.[key];
    if (!found) throw new ConfigError(`${source} lacks ${key} (and has no ${SECRET_SEED_KEY} to derive it)`);
    return found;
  };
  return Object.fromEntries(KEYS.map((key) => [key, pick(key)])) as unknown as AppSecrets;
}

/** Secrets Manager when SECRET_ARN is set; otherwise SECRETS_JSON, otherwise the plain variables. */
export async function loadSecrets(
  env: Record<string, string | undefined>,
  client?: Pick<SecretsManagerClient, 'send'>,
): Promise<Partial<AppSecrets>> {
  if (env.SECRET_ARN) {
    const out = await (client ?? new SecretsManagerClient({})).send(
      new GetSecretValueCommand({ SecretId: env.SECRET_ARN }),
    );
    return secretsFromJson(out.SecretString ?? '', `Secret ${env.SECRET_ARN}`);
  }
  if (env.SECRETS_JSON) return secretsFromJson(env.SECRETS_JSON, 'SECRETS_JSON');
  // Left to parseConfig, which names whichever variable is missing.
  return {};
}
