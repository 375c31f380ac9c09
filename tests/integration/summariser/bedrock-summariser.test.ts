// Model-written summaries through the real Bedrock SDK against a local Converse server: each answer
// the issue lists, and which summary readers get from it — the model's, or the offline one with the
// reason recorded. The report is summarised by the ingest use case and read back from the store.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../functions/app/create-app';
import {
  type FakeConverse,
  startFakeConverse,
  TOKENS,
  textAnswer,
  throttled,
  toolAnswer,
} from '../../support/fake-converse';
import { bedrockDeps, GOOD_HEADLINE, goodAnswer, ingestReport, MODEL_ID, OFFLINE } from './support';

let converse: FakeConverse;
beforeAll(async () => {
  converse = await startFakeConverse();
});
afterAll(() => converse.close());
beforeEach(() => converse.reset());

const fellBack = (summary: { summary: string; keyPoints: string[]; generator?: string }) => {
  expect(summary.generator).toBe('offline');
  expect(summary.summary).toBe(OFFLINE.summary);
  expect(summary.keyPoints).toEqual(OFFLINE.keyPoints);
};

describe('a model-written summary', () => {
  it('is used when it checks out: headline, key points, what next and speakers from the model', async () => {
    const deps = await bedrockDeps(converse);
    const info = vi.spyOn(deps.logger, 'info');
    const before = converse.calls.length;
    converse.answer(toolAnswer(goodAnswer()));
    const { summary } = await ingestReport(deps);

    expect(summary.generator).toBe(`bedrock:${MODEL_ID}`);
    expect(summary.fallbackReason).toBeUndefined();
    expect(summary.summary).toBe(GOOD_HEADLINE);
    expect(summary.keyPoints).toEqual(goodAnswer().keyPoints);
    expect(summary.whatsNext).toBe(goodAnswer().whatsNext);
    // Quotation texts are the extractor's; speakers are the model's in the catalogue's spelling, and
    // where the model names nobody the extractor's speaker stays.
    expect(summary.quotes.map((q) => q.text)).toEqual(OFFLINE.quotes.map((q) => q.text));
    expect(summary.quotes.map((q) => q.speaker)).toEqual([
      'Yuri Ushakov',
      'Yuri Ushakov',
      'Volodymyr Zelensky',
      'Volodymyr Zelensky',
      OFFLINE.quotes[4]!.speaker,
    ]);
    // Dates, events and significance stay with the deterministic code.
    expect(summary.events).toEqual(OFFLINE.events);
    expect(summary.significance).toEqual(OFFLINE.significance);

    // One Converse call: one tool, forced, temperature 0, the quotations numbered in the prompt.
    expect(converse.calls.length - before).toBe(1);
    const call = converse.calls.at(-1)!;
    expect(call.modelId).toBe(MODEL_ID);
    expect(call.body.toolConfig.tools.map((t: { toolSpec: { name: string } }) => t.toolSpec.name)).toEqual([
      'record_summary',
    ]);
    expect(call.body.toolConfig.toolChoice).toEqual({ tool: { name: 'record_summary' } });
    expect(call.body.inferenceConfig.temperature).toBe(0);
    expect(call.body.messages[0].content[0].text).toContain(`1. "${OFFLINE.quotes[0]!.text}"`);
    expect(call.body.toolConfig.tools[0].toolSpec.inputSchema.json.required).toEqual([
      'headline',
      'keyPoints',
      'whatsNext',
      'speakers',
    ]);
    // A log line per call with latency and tokens.
    expect(info).toHaveBeenCalledWith(
      'model call',
      expect.objectContaining({ modelId: MODEL_ID, attempts: 1, latencyMs: expect.any(Number), ...TOKENS }),
    );
  });

  it('naming a person the report never mentions: offline summary, reason names the person', async () => {
    const deps = await bedrockDeps(converse);
    const answer = goodAnswer();
    answer.keyPoints[1] = 'Boris Johnson urged Putin to accept the U.S. peace plan.';
    converse.answer(toolAnswer(answer));
    const { summary } = await ingestReport(deps);
    fellBack(summary);
    expect(summary.fallbackReason).toBe('key point 2 names "Boris Johnson", which is not in the report');
  });

  it('altering a quotation: offline summary, reason quotes the altered words', async () => {
    const deps = await bedrockDeps(converse);
    const answer = goodAnswer();
    answer.headline =
      'Ushakov called the meeting "very useful, constructive, and decisive" but no deal was agreed.';
    converse.answer(toolAnswer(answer));
    const { summary } = await ingestReport(deps);
    fellBack(summary);
    expect(summary.fallbackReason).toBe(
      `the headline quotes "very useful, constructive, and decisive", which is not the report's wording`,
    );
  });

  it('a headline over 70 words: offline summary, reason gives the count', async () => {
    const deps = await bedrockDeps(converse);
    const answer = goodAnswer();
    answer.headline = `${GOOD_HEADLINE} ${GOOD_HEADLINE} ${GOOD_HEADLINE}`;
    converse.answer(toolAnswer(answer));
    const { summary } = await ingestReport(deps);
    fellBack(summary);
    const words = answer.headline.split(/\s+/).length;
    expect(words).toBeGreaterThan(70);
    expect(summary.fallbackReason).toBe(`the headline has ${words} words (at most 70)`);
  });

  it('malformed JSON written as text instead of the tool call: offline summary', async () => {
    const deps = await bedrockDeps(converse);
    converse.answer(textAnswer('{"headline": "Witkoff met Putin", "keyPoints": ["'));
    const { summary } = await ingestReport(deps);
    fellBack(summary);
    expect(summary.fallbackReason).toBe(
      'the model answered without calling record_summary: "{"headline": "Witkoff met Putin", "keyPoints": [""',
    );
  });

  it('a tool call whose input is not the record_summary shape: offline summary, reason names the field', async () => {
    const deps = await bedrockDeps(converse);
    converse.answer(toolAnswer({ ...goodAnswer(), keyPoints: 'Witkoff met Putin.' }));
    const { summary } = await ingestReport(deps);
    fellBack(summary);
    expect(summary.fallbackReason).toMatch(/^the answer does not fit the record_summary shape: keyPoints: /);
  });

  it('a body that is not JSON at all: offline summary', async () => {
    const deps = await bedrockDeps(converse);
    converse.answer({ raw: '{"output": {"message": ' });
    const { summary } = await ingestReport(deps);
    fellBack(summary);
    expect(summary.fallbackReason).toMatch(/^the model call failed: /);
  });

  it('throttled, then a good answer: retried after a pause, and the model summary is used', async () => {
    const deps = await bedrockDeps(converse);
    const info = vi.spyOn(deps.logger, 'info');
    const before = converse.calls.length;
    converse.answer(throttled(), toolAnswer(goodAnswer()));
    const { summary } = await ingestReport(deps);
    expect(converse.calls.length - before).toBe(2);
    expect(summary.generator).toBe(`bedrock:${MODEL_ID}`);
    expect(summary.summary).toBe(GOOD_HEADLINE);
    expect(summary.fallbackReason).toBeUndefined();
    expect(info).toHaveBeenCalledWith('model call', expect.objectContaining({ attempts: 2 }));
  });

  it('throttled throughout the deadline: offline summary, reason says so', async () => {
    const deps = await bedrockDeps(converse, { BEDROCK_TIMEOUT_MS: '1200' });
    converse.otherwise(throttled());
    const { summary } = await ingestReport(deps);
    fellBack(summary);
    expect(summary.fallbackReason).toMatch(
      /^the model was still unavailable after [1-4] attempts? \(ThrottlingException\)$/,
    );
  });

  it('throttled, then no answer before the deadline: the reason is the throttling, not a bare timeout', async () => {
    const deps = await bedrockDeps(converse, { BEDROCK_TIMEOUT_MS: '1500' });
    converse.answer(throttled(), { ...toolAnswer(goodAnswer()), delayMs: 5_000 });
    const { summary } = await ingestReport(deps);
    fellBack(summary);
    expect(summary.fallbackReason).toBe(
      'the model was still unavailable after 2 attempts (ThrottlingException)',
    );
  });

  it('no answer within the timeout: offline summary, reason gives the timeout', async () => {
    const deps = await bedrockDeps(converse, { BEDROCK_TIMEOUT_MS: '400' });
    const warn = vi.spyOn(deps.logger, 'warn');
    converse.answer({ ...toolAnswer(goodAnswer()), delayMs: 5_000 });
    const { summary } = await ingestReport(deps);
    fellBack(summary);
    expect(summary.fallbackReason).toBe('no answer from the model within 400 ms');
    expect(warn).toHaveBeenCalledWith(
      'model call failed',
      expect.objectContaining({ modelId: MODEL_ID, reason: 'no answer from the model within 400 ms' }),
    );
  });
});

describe('the offline summariser stays the default', () => {
  it('without SUMMARISER nothing is sent anywhere and the summary says offline, with no reason', async () => {
    const { testDeps } = await import('../../support/env');
    const deps = await testDeps({ BEDROCK_ENDPOINT: converse.url });
    const before = converse.calls.length;
    const { summary } = await ingestReport(deps);
    expect(converse.calls.length).toBe(before);
    expect(summary.generator).toBe('offline');
    expect(summary.fallbackReason).toBeUndefined();
    expect(summary.summary).toBe(OFFLINE.summary);
  });
});

describe('GET /developments/:id', () => {
  it('tells an operator who wrote the summary and, when the model was not used, why', async () => {
    const deps = await bedrockDeps(converse);
    const app = createApp(deps);
    const admin = { headers: { authorization: `Bearer ${deps.config.ADMIN_TOKEN}` } };
    converse.answer(toolAnswer({ ...goodAnswer(), headline: 'Boris Johnson met Putin.' }));
    const { id } = await ingestReport(deps);
    expect(await (await app.request(`/developments/${id}`, admin)).json()).toMatchObject({
      status: 'summarised',
      generator: 'offline',
      fallbackReason: 'the headline names "Boris Johnson", which is not in the report',
    });
  });
});
