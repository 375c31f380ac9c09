// The secrets every Lambda reads at cold start: derived from the seed CDK generates (in the formats
// the configuration demands), overridable per key, and readable locally without Secrets Manager.
import type { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, test } from 'vitest';
import { awsDeps } from '../../functions/aws/runtime';
import { deriveSecrets, loadSecrets, secretsFromJson } from '../../functions/aws/secrets';
import { ConfigError, parseConfig } from '../../functions/config';

const SEED = 'Qm9uam91ckxhTW9uZGVUb3V0TGVNb25kZUVzdEJpZW5BcnJpdmVWb2lsYTEyMw';

describe('secrets derived from the generated seed', () => {
  test('are a whsec_ secret per webhook, an admin token and version-1 token keys the config accepts', () => {
    const secrets = deriveSecrets(SEED);
    expect(secrets.WEBHOOK_SECRET_DEVELOPMENTS).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(secrets.WEBHOOK_SECRET_SEND).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const config = parseConfig({ ...secrets, PUBLIC_URL: 'https://talkwatch.test' });
    expect(config.WEBHOOK_SECRET_DEVELOPMENTS).toEqual([secrets.WEBHOOK_SECRET_DEVELOPMENTS]);
    expect(config.WEBHOOK_SECRET_SEND).toEqual([secrets.WEBHOOK_SECRET_SEND]);
    // AWS never mounts POST /webhooks/ses, so no secret is derived for it.
    expect(config.WEBHOOK_SECRET_SES).toBeUndefined();
    expect(config.TOKEN_KEYS[0]?.version).toBe('1');
    expect(config.ADMIN_TOKEN.length).toBeGreaterThanOrEqual(24);
  });

  test('are stable for a seed, differ between seeds and from each other', () => {
    expect(deriveSecrets(SEED)).toEqual(deriveSecrets(SEED));
    const other = deriveSecrets(`${SEED}x`);
    expect(other.WEBHOOK_SECRET_SEND).not.toBe(deriveSecrets(SEED).WEBHOOK_SECRET_SEND);
    const { WEBHOOK_SECRET_DEVELOPMENTS, WEBHOOK_SECRET_SEND, ADMIN_TOKEN, TOKEN_KEYS } = deriveSecrets(SEED);
    const values = [WEBHOOK_SECRET_DEVELOPMENTS.slice(6), WEBHOOK_SECRET_SEND.slice(6), ADMIN_TOKEN];
    expect(new Set([...values, TOKEN_KEYS.slice(2)]).size).toBe(4);
  });

  test('explicit keys in the secret win (rotation), the rest still derive', () => {
    const rotated = 'whsec_bmV3bmV3bmV3bmV3bmV3bmV3bmV3 whsec_b2xkb2xkb2xkb2xkb2xkb2xkb2xk';
    const secrets = secretsFromJson(JSON.stringify({ seed: SEED, WEBHOOK_SECRET_SEND: rotated }), 'test');
    expect(secrets.WEBHOOK_SECRET_SEND).toBe(rotated);
    expect(secrets.ADMIN_TOKEN).toBe(deriveSecrets(SEED).ADMIN_TOKEN);
  });

  test('a secret from before the split keeps signing developments, and only developments', () => {
    const legacy = 'whsec_b2xkb2xkb2xkb2xkb2xkb2xkb2xk';
    const secrets = secretsFromJson(JSON.stringify({ seed: SEED, WEBHOOK_SECRET: legacy }), 'test');
    expect(secrets.WEBHOOK_SECRET_DEVELOPMENTS).toBe(legacy);
    expect(secrets.WEBHOOK_SECRET_SEND).toBe(deriveSecrets(SEED).WEBHOOK_SECRET_SEND);
  });

  test('a secret without seed or value, or not JSON, is refused with a message naming it', () => {
    expect(() => secretsFromJson(JSON.stringify({ ADMIN_TOKEN: 'x'.repeat(30) }), 'Secret arn:1')).toThrow(
      /Secret arn:1 lacks WEBHOOK_SECRET_DEVELOPMENTS/,
    );
    expect(() => secretsFromJson('not json', 'SECRETS_JSON')).toThrow(ConfigError);
  });
});

describe('loadSecrets', () => {
  test('reads the secret named by SECRET_ARN from Secrets Manager', async () => {
    const asked: string[] = [];
    const client = {
      send: async (command: GetSecretValueCommand) => {
        asked.push(String(command.input.SecretId));
        return { SecretString: JSON.stringify({ seed: SEED }) };
      },
    };
    const secrets = await loadSecrets(
      { SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:1:secret:tw' },
      client as never,
    );
    expect(asked).toEqual(['arn:aws:secretsmanager:eu-west-1:1:secret:tw']);
    expect(secrets).toEqual(deriveSecrets(SEED));
  });

  test('without SECRET_ARN takes SECRETS_JSON, or leaves the plain variables to the config', async () => {
    expect(await loadSecrets({ SECRETS_JSON: JSON.stringify({ seed: SEED }) })).toEqual(deriveSecrets(SEED));
    expect(await loadSecrets({})).toEqual({});
  });

  test('awsDeps names a missing queue URL of the function and retries after a failed cold start', async () => {
    const dispatchUrl = 'https://sqs.eu-west-1.amazonaws.com/1/dispatch';
    const sendUrl = 'https://sqs.eu-west-1.amazonaws.com/1/send';
    const needs = { queues: ['dispatch', 'send'] as const, secrets: false };
    await expect(awsDeps({ SEND_QUEUE_URL: sendUrl }, needs)).rejects.toThrow(/: DISPATCH_QUEUE_URL$/);
    // Not the cached failure: the second cold start reads its own environment.
    await expect(awsDeps({ DISPATCH_QUEUE_URL: dispatchUrl }, needs)).rejects.toThrow(/: SEND_QUEUE_URL$/);
  });

  test('a function that holds no secret verifies no webhook, passes no admin check, signs no link', async () => {
    const deps = await awsDeps(
      { PUBLIC_URL: 'https://talkwatch.test', DISPATCH_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/1/d' },
      { queues: ['dispatch'], secrets: false },
    );
    expect(deps.config.WEBHOOK_SECRET_DEVELOPMENTS).toEqual([]);
    expect(deps.config.WEBHOOK_SECRET_SEND).toEqual([]);
    expect(deps.config.TOKEN_KEYS).toEqual([]);
    // Queues it may not use refuse rather than silently going somewhere.
    await expect(deps.queues.send.send([])).rejects.toThrow(/may not enqueue to the send queue/);
  });
});
