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

  // Settings that used to pass and then fail quietly at send time (every email refused, links no mail
  // client opens): each now stops start-up, naming the variable, what it expects and what it got.
  it.each([
    ['FROM_ADDRESS', 'nobody', /FROM_ADDRESS: must be one email address.*\(got "nobody"\)/],
    ['FROM_ADDRESS', 'a@x.org, b@x.org', /FROM_ADDRESS: must be one email address/],
    ['FROM_ADDRESS', 'Talkwatch <alerts@localhost>', /FROM_ADDRESS: must be one email address/],
    [
      'PUBLIC_URL',
      'localhost:3000',
      /PUBLIC_URL: must be an absolute http\(s\) URL.*\(got "localhost:3000"\)/,
    ],
    ['PUBLIC_URL', 'ftp://news.example.org', /PUBLIC_URL: must be an absolute http\(s\) URL/],
    ['MAIL_DOMAIN', 'not a domain', /MAIL_DOMAIN: must be a domain name.*\(got "not a domain"\)/],
    ['MAIL_DOMAIN', 'alerts@example.org', /MAIL_DOMAIN: must be a domain name/],
    ['MAX_SEND_RATE', '0', /MAX_SEND_RATE: must be a number of emails per second above 0 \(got "0"\)/],
    ['MAX_SEND_RATE', '-1', /MAX_SEND_RATE: must be a number of emails per second above 0/],
    ['MAX_SEND_RATE', 'fast', /MAX_SEND_RATE: must be a number \(got "fast"\)/],
    ['RATE_LIMIT_SUBSCRIBE_PER_IP', '0', /RATE_LIMIT_SUBSCRIBE_PER_IP: must be a number of requests/],
    ['RATE_LIMIT_SUBSCRIBE_PER_ADDRESS', '-5', /RATE_LIMIT_SUBSCRIBE_PER_ADDRESS: must be a number of/],
    ['RATE_LIMIT_TOKEN_ACTIONS_PER_IP', '0', /RATE_LIMIT_TOKEN_ACTIONS_PER_IP: must be a number of/],
  ])('stops on %s=%j with a message saying what is expected', (name, value, message) => {
    expect(() => parseConfig({ ...valid, [name]: value })).toThrowError(message);
  });

  it('accepts a bare sender address or one with a quoted name, and takes the mail domain from it', () => {
    expect(parseConfig({ ...valid, FROM_ADDRESS: 'alerts@news.example.org' }).mailDomain).toBe(
      'news.example.org',
    );
    const named = parseConfig({ ...valid, FROM_ADDRESS: '"Talk, watch" <Alerts@News.Example.org>' });
    expect(named.mailDomain).toBe('news.example.org');
    expect(parseConfig({ ...valid, MAIL_DOMAIN: 'Mail.Example.org' }).mailDomain).toBe('mail.example.org');
  });

  it('names a variable as a person writes it, and never echoes a secret', () => {
    const second = 'whsec_not-base64!';
    const error = (() => {
      try {
        parseConfig({ ...valid, WEBHOOK_SECRET_SEND: `${valid.WEBHOOK_SECRET_SEND} ${second}` });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(error).toMatch(/^ {2}WEBHOOK_SECRET_SEND \(entry 2\): must be whsec_/m);
    expect(error).not.toMatch(/WEBHOOK_SECRET_SEND\.1/);
    expect(error).not.toContain(second);
    expect(() => parseConfig({ ...valid, ADMIN_TOKEN: 'short-admin' })).toThrowError(
      /^(?![\s\S]*short-admin)[\s\S]*ADMIN_TOKEN: must be at least 24 characters/,
    );
  });

  it('names a missing required variable', () => {
    const { ADMIN_TOKEN: _, ...rest } = valid;
    expect(() => parseConfig(rest)).toThrowError(ConfigError);
    expect(() => parseConfig(rest)).toThrowError(/ADMIN_TOKEN: is required but not set/);
  });

  it('reads local ports with defaults and rejects a bad one by name', () => {
    expect(parseLocalSettings({})).toMatchObject({
      PORT: 3000,
      SES_PORT: 8005,
      DYNAMODB_PORT: 8000,
      DATA_DIR: '.data',
    });
    expect(() => parseLocalSettings({ SES_PORT: '70000' })).toThrowError(
      /SES_PORT: must be a port number from 0 to 65535 \(got "70000"\)/,
    );
  });
});
