// Configuration is read once, validated with zod, and passed down typed. A bad value stops start-up
// with a message naming the variable, what it expects and (for anything not secret) what it got.
import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';
import { normaliseEmail } from './domain/subscribers/email';

/** 0 asks the OS for a free port (tests and benchmarks). */
const port = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a port number')
  .min(0, 'must be a port number from 0 to 65535')
  .max(65535, 'must be a port number from 0 to 65535');
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

/**
 * `Name <address>` or a bare address. Anything else (`nobody`, two addresses) would have SES refuse
 * every email, so it stops start-up instead.
 */
const fromAddress = z.string().refine((raw) => senderAddress(raw) !== undefined, {
  message: 'must be one email address, optionally with a name, like "Talkwatch <alerts@example.org>"',
});

/** The address part of FROM_ADDRESS, normalised, or undefined when it is not exactly one valid address. */
export function senderAddress(from: string): string | undefined {
  const parsed = addressparser(from, { flatten: true });
  if (parsed.length !== 1 || !parsed[0]?.address) return undefined;
  return normaliseEmail(parsed[0].address);
}

/** A domain that can follow the `@` of an address (the same rules as subscribers' addresses). */
const mailDomain = z
  .string()
  .refine((d) => normaliseEmail(`postmaster@${d}`) === `postmaster@${d.toLowerCase()}`, {
    message: 'must be a domain name, like example.org',
  })
  .transform((d) => d.toLowerCase());

/** Every link in emails and pages starts with it, so mail clients must be able to open it. */
const publicUrl = z
  .url({
    protocol: /^https?$/,
    error: 'must be an absolute http(s) URL that readers can open, like https://news.example.org',
  })
  .transform((u) => u.replace(/\/+$/, ''));

const perSecond = z.coerce
  .number({ error: 'must be a number' })
  .positive('must be a number of emails per second above 0')
  .max(100_000, 'must be a number of emails per second up to 100000');
const perWindow = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .positive('must be a number of requests per window above 0');

/** The model a `SUMMARISER=bedrock` deployment asks unless BEDROCK_MODEL_ID says otherwise (README). */
export const DEFAULT_BEDROCK_MODEL_ID = 'eu.anthropic.claude-haiku-4-5-20251001-v1:0';

/** A Bedrock model id (`anthropic.claude-…-v1:0`) or a system inference profile (`eu.anthropic.…`). */
export const bedrockModelId = z
  .string()
  .regex(
    /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$/,
    'must be a Bedrock model id or inference profile id, like eu.anthropic.claude-haiku-4-5-20251001-v1:0',
  );

/** Who writes the headline and key points; read by the function that summarises (the ingest consumer). */
export const summariserSchema = z.object({
  SUMMARISER: z.enum(['offline', 'bedrock'], { error: 'must be offline or bedrock' }).default('offline'),
  BEDROCK_MODEL_ID: bedrockModelId.default(DEFAULT_BEDROCK_MODEL_ID),
  /** Defaults to AWS_REGION. */
  BEDROCK_REGION: z.string().min(1).optional(),
  /** A Converse-speaking server instead of Bedrock's own endpoint (a local server in tests). */
  BEDROCK_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, like http://localhost:4000' })
    .optional(),
  /** One model call, retries included; past it the offline summary is used. */
  BEDROCK_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(100, 'must be at least 100 ms')
    .max(60_000, 'must be at most 60000 ms (the ingest function has 60 s in all)')
    .default(10_000),
});
export type SummariserConfig = z.infer<typeof summariserSchema>;

export const configSchema = z.object({
  ...summariserSchema.shape,
  PUBLIC_URL: publicUrl,
  TABLE_NAME: z.string().min(3).default('talkwatch'),
  AWS_REGION: z.string().min(1).default('eu-west-1'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  SES_ENDPOINT: z.url().optional(),
  FROM_ADDRESS: fromAddress.default('Talkwatch <alerts@talkwatch.example>'),
  /** Domain for Message-ID and List-Id; defaults to the From address's domain. */
  MAIL_DOMAIN: mailDomain.optional(),
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
  MAX_SEND_RATE: perSecond.default(14),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  /** Abuse limits as requests per window; raise them only for load tests or behind a trusted proxy. */
  RATE_LIMIT_SUBSCRIBE_PER_IP: perWindow.default(10),
  RATE_LIMIT_SUBSCRIBE_PER_ADDRESS: perWindow.default(5),
  RATE_LIMIT_TOKEN_ACTIONS_PER_IP: perWindow.default(60),
});

export type Config = z.infer<typeof configSchema> & { mailDomain: string };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Values never echoed in an error message (the rate limits merely mention tokens). */
const isSecret = (name: string) => /SECRET|TOKEN|KEY|PASSWORD/.test(name) && !name.startsWith('RATE_LIMIT_');

/**
 * One line per problem, naming the variable as a person sets it: `WEBHOOK_SECRET (entry 2)`, never
 * zod's `WEBHOOK_SECRET.1`; the value given is repeated unless the variable holds a secret.
 */
export function describeIssues(issues: z.core.$ZodIssue[], env: Record<string, string | undefined>): string {
  const lines = issues.map((issue) => {
    const [name, index] = issue.path;
    const variable = String(name ?? '(configuration)');
    const entry = typeof index === 'number' ? ` (entry ${index + 1})` : '';
    const value = env[variable];
    const missing = value === undefined || value === '';
    const message = missing && issue.code === 'invalid_type' ? 'is required but not set' : issue.message;
    const got = missing || isSecret(variable) ? '' : ` (got ${JSON.stringify(value)})`;
    return `  ${variable}${entry}: ${message}${got}`;
  });
  return `Invalid configuration:\n${lines.join('\n')}`;
}

export function parseConfig(env: Record<string, string | undefined>, schema = configSchema): Config {
  const result = schema.safeParse(env);
  if (!result.success) throw new ConfigError(describeIssues(result.error.issues, env));
  const data = result.data;
  const mailDomain =
    data.MAIL_DOMAIN ?? senderAddress(data.FROM_ADDRESS)?.split('@')[1] ?? 'talkwatch.example';
  return { ...data, mailDomain };
}

/** The summariser's settings alone (plus AWS_REGION), for scripts that summarise without the rest. */
export function parseSummariserConfig(
  env: Record<string, string | undefined>,
): SummariserConfig & { AWS_REGION: string } {
  const schema = summariserSchema.extend({ AWS_REGION: configSchema.shape.AWS_REGION });
  const result = schema.safeParse(env);
  if (!result.success) throw new ConfigError(describeIssues(result.error.issues, env));
  return result.data;
}

/** Variables only the local stack reads. */
export const localSchema = z.object({
  PORT: port.default(3000),
  SES_PORT: port.default(8005),
  DYNAMODB_PORT: port.default(8000),
  DATA_DIR: z.string().min(1).default('.data'),
  /** Poll the topics' RSS feeds (off by default locally: a first run should not fetch the web). */
  FEEDS: z.enum(['on', 'off'], { error: 'must be on or off' }).default('off'),
  /**
   * Worker threads running the send queue's consumer, sharing the one send-rate schedule as several
   * send functions do in AWS: `auto` (the default: one per core) or a number; 0 runs it on the main
   * thread.
   */
  SEND_THREADS: z
    .union([z.literal('auto'), z.coerce.number().int().min(0).max(64)], {
      error: 'must be auto or a whole number from 0 to 64',
    })
    .default('auto'),
});
export type LocalSettings = z.infer<typeof localSchema>;

export function parseLocalSettings(env: Record<string, string | undefined>): LocalSettings {
  const result = localSchema.safeParse(env);
  if (!result.success) throw new ConfigError(describeIssues(result.error.issues, env));
  return result.data;
}
