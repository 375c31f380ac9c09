import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, parseLocalSettings } from '../../functions/config';
import { generateSecrets } from '../../functions/local/secrets';

const valid = { ...generateSecrets(), PUBLIC_URL: 'https://news.example.org/' };

describe('config', () => {
  it('parses a valid environment with defaults and derives the mail domain', () => {
    const config = parseConfig({ ...valid, FROM_ADDRESS: 'Talkwatch <alerts@news.example.org>' });
    expect(config.PUBLIC_URL).toBe('https://news.example.org');
    expect(config.mailDomain).toBe('news.example.org');
    expect(config.TABLE_NAME).toBe('talkwatch');
    expect(config.TOKEN_KEYS[0]?.version).toBe('1');
  });

  it('accepts several webhook secrets per route for rotation', () => {
    const second = generateSecrets().WEBHOOK_SECRET_SEND;
    const config = parseConfig({ ...valid, WEBHOOK_SECRET_SEND: `${valid.WEBHOOK_SECRET_SEND} ${second}` });
    expect(config.WEBHOOK_SECRET_SEND).toHaveLength(2);
    expect(config.WEBHOOK_SECRET_DEVELOPMENTS).toEqual([valid.WEBHOOK_SECRET_DEVELOPMENTS]);
  });

  it.each([
    ['PUBLIC_URL', { PUBLIC_URL: 'not a url' }],
    ['WEBHOOK_SECRET_DEVELOPMENTS', { WEBHOOK_SECRET_DEVELOPMENTS: 'plain-secret' }],
    ['WEBHOOK_SECRET_SEND', { WEBHOOK_SECRET_SEND: undefined }],
    ['WEBHOOK_SECRET_SES', { WEBHOOK_SECRET_SES: 'whsec_short' }],
    ['ADMIN_TOKEN', { ADMIN_TOKEN: 'short' }],
    ['TOKEN_KEYS', { TOKEN_KEYS: 'one:abc' }],
    ['MAX_SEND_RATE', { MAX_SEND_RATE: '-3' }],
  ])('names %s when it is invalid', (name, patch) => {
    expect(() => parseConfig({ ...valid, ...patch })).toThrowError(new RegExp(`${name}`));
  });

  it('names a missing required variable', () => {
    const { ADMIN_TOKEN: _, ...rest } = valid;
    expect(() => parseConfig(rest)).toThrowError(ConfigError);
    expect(() => parseConfig(rest)).toThrowError(/ADMIN_TOKEN/);
  });

  it('reads local ports with defaults and rejects a bad one by name', () => {
    expect(parseLocalSettings({})).toMatchObject({
      PORT: 3000,
      SES_PORT: 8005,
      DYNAMODB_PORT: 8000,
      DATA_DIR: '.data',
    });
    expect(() => parseLocalSettings({ SES_PORT: '70000' })).toThrowError(/SES_PORT/);
  });
});
