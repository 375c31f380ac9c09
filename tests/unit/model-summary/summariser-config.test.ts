// The summariser's settings: offline unless switched on, a 10 s model deadline by default, and a bad
// value stops start-up naming the variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_BEDROCK_MODEL_ID, parseSummariserConfig } from '../../../functions/config';

describe('summariser settings', () => {
  it('default to the offline summariser; with bedrock, the default model and a 10 s deadline', () => {
    expect(parseSummariserConfig({})).toMatchObject({ SUMMARISER: 'offline', AWS_REGION: 'eu-west-1' });
    const bedrock = parseSummariserConfig({ SUMMARISER: 'bedrock' });
    expect(bedrock).toMatchObject({
      SUMMARISER: 'bedrock',
      BEDROCK_MODEL_ID: DEFAULT_BEDROCK_MODEL_ID,
      BEDROCK_TIMEOUT_MS: 10_000,
    });
    expect(bedrock.BEDROCK_REGION).toBeUndefined();
    expect(bedrock.BEDROCK_ENDPOINT).toBeUndefined();
  });

  it('refuse a bad value, naming the variable and what it expects', () => {
    const problem = (env: Record<string, string>) => {
      try {
        parseSummariserConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(problem({ SUMMARISER: 'gpt' })).toContain('SUMMARISER: must be offline or bedrock (got "gpt")');
    expect(problem({ BEDROCK_MODEL_ID: 'Claude Haiku' })).toContain(
      'BEDROCK_MODEL_ID: must be a Bedrock model id',
    );
    expect(problem({ BEDROCK_ENDPOINT: 'localhost:4000' })).toContain(
      'BEDROCK_ENDPOINT: must be an http(s) URL, like http://localhost:4000 (got "localhost:4000")',
    );
    expect(problem({ BEDROCK_TIMEOUT_MS: '10s' })).toContain(
      'BEDROCK_TIMEOUT_MS: must be a number of milliseconds',
    );
    expect(problem({ BEDROCK_TIMEOUT_MS: '120000' })).toContain('at most 60000 ms');
  });
});
