// Configuration is read once, validated with zod, and passed down typed. A bad value stops start-up
// with a message naming the variable.
import { z } from 'zod';

/** 0 asks the OS for a free port (tests and benchmarks). */
const port = z.coerce.number().int().min(0).max(65535);
const secret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/=]{24,}$/, 'must be whsec_ followed by base64 (at least 18 bytes)');

/** Space-separated `whsec_` secrets: the first signs, all verify (rotation). */
const secrets = z
  .string()
  .transform((s) => s.split(/\s+/).filter(Boolean))
  .pipe(z.array(secret).min(1));

/** `TOKEN_KEYS`: comma-separated `version:base64key`, the first one signs, all verify. */
const tokenKeys = z
  .string()
  .min(1)
  .transform((raw, ctx) => {
    const keys = raw.split(',').map((part) => {
      const [version, key] = part.trim().split(':');
      return { version: version ?? '', key: key ?? '' };
    });
    for (const k of keys) {
      if (!/^[0-9]{1,4}$/.test(k.version) || Buffer.from(k.key, 'base64').length < 16) {
        ctx.addIssue({
          code: 'custom',
          message: 'each entry must be <version digits>:<base64 key of 16+ bytes>',
        });
        return z.NEVER;
      }
    }
    return keys;
  });

export const configSchema = z.object({
  PUBLIC_URL: z.url().transform((u) => u.replace(/\/+$/, '')),
  TABLE_NAME: z.string().min(3).default('talkwatch'),
  AWS_REGION: z.string().min(1).default('eu-west-1'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  SES_ENDPOINT: z.url().optional(),
  FROM_ADDRESS: z.string().min(3).default('Talkwatch <alerts@talkwatch.example>'),
  /** Domain for Message-ID and List-Id; defaults to the From address's domain. */
  MAIL_DOMAIN: z.string().optional(),
  SES_CONFIGURATION_SET: z.string().optional(),
  /** One secret per webhook route, so a sender trusted with one route cannot call another. */
  WEBHOOK_SECRET_DEVELOPMENTS: secrets,
  WEBHOOK_SECRET_SEND: secrets,
  /** Only the local stack mounts POST /webhooks/ses. */
  WEBHOOK_SECRET_SES: secrets.optional(),
  ADMIN_TOKEN: z.string().min(24, 'must be at least 24 characters'),
  TOKEN_KEYS: tokenKeys,
  /** HMAC key of subscriber ids and abuse-limit keys (base64, 16+ bytes). Never rotated: ids derive from it. */
  SUBSCRIBER_ID_KEY: z
    .string()
    .refine((k) => Buffer.from(k, 'base64').length >= 16, 'must be base64 of 16+ bytes'),
  MAX_SEND_RATE: z.coerce.number().positive().max(100_000).default(14),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  /** Abuse limits as requests per window; raise them only for load tests or behind a trusted proxy. */
  RATE_LIMIT_SUBSCRIBE_PER_IP: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_SUBSCRIBE_PER_ADDRESS: z.coerce.number().int().positive().default(5),
  RATE_LIMIT_TOKEN_ACTIONS_PER_IP: z.coerce.number().int().positive().default(60),
});

export type Config = z.infer<typeof configSchema> & { mailDomain: string };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(env: Record<string, string | undefined>, schema = configSchema): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const data = result.data;
  const mailDomain =
    data.MAIL_DOMAIN ?? /@([^>\s]+)>?\s*$/.exec(data.FROM_ADDRESS)?.[1] ?? 'talkwatch.example';
  return { ...data, mailDomain };
}

/** Variables only the local stack reads. */
export const localSchema = z.object({
  PORT: port.default(3000),
  SES_PORT: port.default(8005),
  DYNAMODB_PORT: port.default(8000),
  DATA_DIR: z.string().min(1).default('.data'),
});
export type LocalSettings = z.infer<typeof localSchema>;

export function parseLocalSettings(env: Record<string, string | undefined>): LocalSettings {
  const result = localSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
