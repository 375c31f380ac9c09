// Model-written summaries in the synthesised stack: off unless the `summariser` context says bedrock;
// then only the ingest function (the one that summarises) is told so and may invoke the one model
// configured — a base model in the stack's Region, or a system inference profile and its model only
// through it. cdk-nag stays clean in both (tests/cdk/nag.test.ts).
import { describe, expect, test } from 'vitest';
import { SettingsError } from '../../cdk/settings';
import { DEFAULT_BEDROCK_MODEL_ID } from '../../functions/config';
import { buildStack } from './support/synth';
import { actionsOf, type Json, synthesised, TEST_CONTEXT } from './support/template';

const bedrockStatements = (s: ReturnType<typeof synthesised>, fn: object) =>
  s.statementsOf(fn as never).filter((st) => actionsOf(st).some((a) => a.startsWith('bedrock:')));
const envOf = (s: ReturnType<typeof synthesised>, fn: object) =>
  s.resources[s.logicalId(fn as never)]!.Properties.Environment.Variables as Record<string, Json>;

describe('summariser context', () => {
  test('offline by default: no function may call Bedrock or is told to', () => {
    const s = synthesised();
    for (const [name, fn] of Object.entries(s.functions())) {
      expect(bedrockStatements(s, fn), name).toEqual([]);
      expect(envOf(s, fn).SUMMARISER, name).toBeUndefined();
    }
  });

  test('bedrock with a base model: only the ingest function, InvokeModel on that one model ARN', () => {
    const modelId = 'anthropic.claude-3-haiku-20240307-v1:0';
    const s = synthesised({ ...TEST_CONTEXT, summariser: 'bedrock', bedrockModelId: modelId });
    for (const [name, fn] of Object.entries(s.functions())) {
      if (name === 'ingest') continue;
      expect(bedrockStatements(s, fn), name).toEqual([]);
      expect(envOf(s, fn).SUMMARISER, name).toBeUndefined();
    }
    const ingest = s.functions().ingest;
    expect(envOf(s, ingest)).toMatchObject({ SUMMARISER: 'bedrock', BEDROCK_MODEL_ID: modelId });
    const statements = bedrockStatements(s, ingest);
    expect(statements).toHaveLength(1);
    expect(actionsOf(statements[0]!)).toEqual(['bedrock:InvokeModel']);
    expect(statements[0]!.Resource).toBe(`arn:aws:bedrock:eu-west-1::foundation-model/${modelId}`);
  });

  test('bedrock with the default inference profile: the profile, and its model only through it', () => {
    const s = synthesised({ ...TEST_CONTEXT, summariser: 'bedrock' });
    const ingest = s.functions().ingest;
    expect(envOf(s, ingest).BEDROCK_MODEL_ID).toBe(DEFAULT_BEDROCK_MODEL_ID);
    const statements = bedrockStatements(s, ingest).map((st) => JSON.stringify(st));
    expect(statements).toHaveLength(2);
    const profileArn = `arn:aws:bedrock:eu-west-1:123456789012:inference-profile/${DEFAULT_BEDROCK_MODEL_ID}`;
    const model = DEFAULT_BEDROCK_MODEL_ID.replace(/^eu\./, '');
    const [profile, underlying] = [
      statements.find((st) => !st.includes('Condition')),
      statements.find((st) => st.includes('Condition')),
    ].map((st) => JSON.parse(st!));
    expect(profile.Resource).toBe(profileArn);
    expect(underlying.Resource).toBe(`arn:aws:bedrock:*::foundation-model/${model}`);
    expect(underlying.Condition).toEqual({ StringEquals: { 'bedrock:InferenceProfileArn': profileArn } });
    for (const st of statements) expect(JSON.parse(st).Action).toBe('bedrock:InvokeModel');
  });

  test('a wrong setting stops synth naming the key', () => {
    expect(() => buildStack({ context: { summariser: 'gpt' } })).toThrow(SettingsError);
    expect(() => buildStack({ context: { summariser: 'bedrock', bedrockModelId: 'claude please' } })).toThrow(
      /bedrockModelId: must be a Bedrock model id/,
    );
  });
});
