// Model answers kept in the table (dynalite): the same report summarised again — a redelivered ingest
// message, another instance, a rerun — makes no second model call and gives the same summary; another
// model or no answer at all (a timeout) is never served from the store; a kept answer is judged again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoModelAnswerCache } from '../../../functions/adapters/dynamodb/model-answer-cache';
import { shippedCatalogueFor as catalogueFor } from '../../../functions/catalogue-data';
import { buildPrompt, PROMPT_VERSION, requestHashOf } from '../../../functions/domain/model-summary/prompt';
import { type FakeConverse, startFakeConverse, toolAnswer } from '../../support/fake-converse';
import { bedrockDeps, GOOD_HEADLINE, goodAnswer, ingestReport, MODEL_ID, OFFLINE, REPORT } from './support';

let converse: FakeConverse;
beforeAll(async () => {
  converse = await startFakeConverse();
});
afterAll(() => converse.close());
beforeEach(() => converse.reset());

const options = { catalogue: catalogueFor(REPORT.topic) };

describe('model answers kept by request, model and prompt version', () => {
  it('a second summary of the same report, even from another instance, asks the model nothing', async () => {
    const deps = await bedrockDeps(converse);
    converse.answer(toolAnswer(goodAnswer()));
    const first = await deps.summariser.summarise(REPORT, options);
    const calls = converse.calls.length;

    // Another instance on the same table (a new cold start, a redelivered message), then the ingest path.
    const again = await (
      await bedrockDeps(converse, { TABLE_NAME: deps.config.TABLE_NAME })
    ).summariser.summarise(REPORT, options);
    const { summary } = await ingestReport(deps);
    expect(converse.calls.length).toBe(calls);
    expect(again).toEqual(first);
    expect(summary.summary).toBe(GOOD_HEADLINE);
    expect(summary.generator).toBe(`bedrock:${MODEL_ID}`);
  });

  it('another model asks again', async () => {
    const deps = await bedrockDeps(converse);
    converse.answer(toolAnswer(goodAnswer()), toolAnswer(goodAnswer()));
    await deps.summariser.summarise(REPORT, options);
    const calls = converse.calls.length;
    const other = await bedrockDeps(converse, {
      TABLE_NAME: deps.config.TABLE_NAME,
      BEDROCK_MODEL_ID: 'anthropic.claude-other-v1:0',
    });
    const result = await other.summariser.summarise(REPORT, options);
    expect(converse.calls.length).toBe(calls + 1);
    expect(result.generator).toBe('bedrock:anthropic.claude-other-v1:0');
  });

  it('no answer is not kept: after a timeout the next summary asks again', async () => {
    const deps = await bedrockDeps(converse, { BEDROCK_TIMEOUT_MS: '300' });
    converse.answer({ ...toolAnswer(goodAnswer()), delayMs: 3_000 }, toolAnswer(goodAnswer()));
    const late = await deps.summariser.summarise(REPORT, options);
    expect(late.fallbackReason).toBe('no answer from the model within 300 ms');
    const calls = converse.calls.length;
    const next = await deps.summariser.summarise(REPORT, options);
    expect(converse.calls.length).toBe(calls + 1);
    expect(next.generator).toBe(`bedrock:${MODEL_ID}`);
  });

  it('a kept answer is judged again when read: one that fails the checks is never used', async () => {
    const deps = await bedrockDeps(converse);
    const prompt = buildPrompt({ ...REPORT, quotes: OFFLINE.quotes });
    const bad = { ...goodAnswer(), whatsNext: 'Talks resume in Istanbul on Dec. 9.' };
    await new DynamoModelAnswerCache(deps.dynamo, deps.config.TABLE_NAME).put(
      { contentHash: requestHashOf(prompt), modelId: MODEL_ID, promptVersion: PROMPT_VERSION },
      { toolInput: bad, usage: { inputTokens: 1, outputTokens: 1 }, latencyMs: 1, attempts: 1 },
    );
    const calls = converse.calls.length;
    const result = await deps.summariser.summarise(REPORT, options);
    expect(converse.calls.length).toBe(calls);
    expect(result.generator).toBe('offline');
    expect(result.summary).toBe(OFFLINE.summary);
    expect(result.fallbackReason).toBe(`what's next names "Istanbul", which is not in the report`);
  });
});
