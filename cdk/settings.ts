// Deployment settings read from CDK context (defaults in cdk.json, override with `-c key=value`),
// validated with zod so a bad value stops synth with a message naming the key.
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { z } from 'zod';
import { bedrockModelId, DEFAULT_BEDROCK_MODEL_ID } from '../functions/config';

const schedule = z
  .string()
  .regex(/^(cron|rate)\(.+\)$/, 'must be an EventBridge expression: cron(...) or rate(...)');
const optional = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

const RETENTION_DAYS = Object.values(RetentionDays).filter((v): v is number => typeof v === 'number');

export const settingsSchema = z.object({
  /** The mail domain: Message-ID, List-Id and the one-click mailto address. */
  domain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain name'),
  /** Sender of every email, e.g. `Talkwatch <alerts@example.com>`. */
  fromAddress: z.string().regex(/<?[^<>\s@]+@[^<>\s@]+>?\s*$/, 'must contain an email address'),
  /** The SES identity emails are sent as (a domain, or an address): IAM allows only this one. */
  sesIdentity: z.string().min(3),
  /** Create the SES domain identity (Easy DKIM, custom MAIL FROM) in this stack. */
  manageSesIdentity: z.coerce.string().transform((v) => v !== 'false'),
  sesConfigurationSet: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  /** Base of every link in emails; defaults to the HTTP API's own URL. */
  publicUrl: optional.pipe(z.url().optional()),
  maxSendRate: z.coerce.number().positive().max(100_000),
  sendMaxConcurrency: z.coerce.number().int().min(2).max(1000),
  apiRateLimit: z.coerce.number().positive(),
  apiBurstLimit: z.coerce.number().int().positive(),
  /** POST /subscribe has its own, lower bucket: a flood of sign-ups cannot starve unsubscribes or webhooks. */
  subscribeRateLimit: z.coerce.number().positive(),
  subscribeBurstLimit: z.coerce.number().int().positive(),
  /** A custom domain for the API (with an ACM certificate in the stack's region): the default
   * execute-api endpoint is then switched off, so nothing bypasses the domain. */
  apiDomainName: optional.pipe(
    z
      .string()
      .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain name')
      .optional(),
  ),
  apiCertificateArn: optional.pipe(z.string().startsWith('arn:').optional()),
  dailyDigestSchedule: schedule,
  weeklyDigestSchedule: schedule,
  feedPollSchedule: schedule,
  alarmEmail: optional.pipe(z.email().optional()),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']),
  logRetentionDays: z.coerce
    .number()
    .refine((days) => RETENTION_DAYS.includes(days), {
      message: `must be one of CloudWatch's retention periods: ${RETENTION_DAYS.join(', ')}`,
    })
    .transform((days) => days as RetentionDays),
  /** Who writes headlines and key points: `offline` (the default) or `bedrock` (README, Model-written summaries). */
  summariser: z.enum(['offline', 'bedrock'], { error: 'must be offline or bedrock' }).default('offline'),
  /** The one model (or system inference profile) the ingest function may invoke with `bedrock`. */
  bedrockModelId: optional.pipe(bedrockModelId.optional()).transform((id) => id ?? DEFAULT_BEDROCK_MODEL_ID),
});

export type Settings = z.infer<typeof settingsSchema>;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

export function readSettings(node: Node): Settings {
  const raw = Object.fromEntries(
    Object.keys(settingsSchema.shape).map((key) => [key, node.tryGetContext(key)]),
  );
  const result = settingsSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new SettingsError(`Invalid CDK context (cdk.json or -c key=value):\n${lines.join('\n')}`);
  }
  if (Boolean(result.data.apiDomainName) !== Boolean(result.data.apiCertificateArn)) {
    throw new SettingsError(
      'Invalid CDK context (cdk.json or -c key=value):\n  apiDomainName and apiCertificateArn go together',
    );
  }
  return result.data;
}

/** The bare address of `Name <address>`. */
export function bareAddress(from: string): string {
  return (/<([^>]+)>/.exec(from)?.[1] ?? from).trim();
}
