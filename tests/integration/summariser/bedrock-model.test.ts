// The Bedrock adapter's own bounds, through the real SDK against the local Converse server: each retry
// after throttling waits a freshly drawn random share of its backoff (jitter, so instances throttled
// together do not come back together), and no retry is made whose wait would pass the deadline.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BedrockSummaryModel, createBedrockClient } from '../../../functions/adapters/bedrock/bedrock-model';
import { backoffMs } from '../../../functions/domain/delivery/deliver';
import { buildPrompt } from '../../../functions/domain/model-summary/prompt';
import { ModelCallError } from '../../../functions/ports/summary-model';
import { type FakeConverse, startFakeConverse, throttled, toolAnswer } from '../../support/fake-converse';
import { goodAnswer, MODEL_ID, OFFLINE, REPORT } from './support';

let converse: FakeConverse;
beforeAll(async () => {
  converse = await startFakeConverse();
});
afterAll(() => converse.close());
beforeEach(() => converse.reset());

const prompt = buildPrompt({ ...REPORT, quotes: OFFLINE.quotes });
const quiet = { info: () => undefined, warn: () => undefined };

function model(timeoutMs: number, random: () => number) {
  return new BedrockSummaryModel({
    client: createBedrockClient({
      region: 'eu-west-1',
      endpoint: converse.url,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    modelId: MODEL_ID,
    timeoutMs,
    log: quiet,
    random,
  });
}

describe('the Bedrock adapter on throttling', () => {
  it('draws a new random wait before each retry, from a backoff that grows', async () => {
    const random = vi.fn(() => 0.01);
    converse.answer(throttled(), throttled(), toolAnswer(goodAnswer()));
    const reply = await model(10_000, random).answer(prompt);
    expect(reply.attempts).toBe(3);
    expect(reply.toolInput).toEqual(goodAnswer());
    expect(random).toHaveBeenCalledTimes(2);
    // The ceiling each draw scales doubles per attempt (800 ms, then 1.6 s).
    expect(backoffMs(3, () => 1)).toBeLessThan(backoffMs(4, () => 1));
  });

  it('gives up rather than wait past its deadline', async () => {
    const before = converse.calls.length;
    converse.otherwise(throttled());
    // The whole backoff (random() near 1) is longer than what is left of a 300 ms deadline.
    const failure = await model(300, () => 0.99)
      .answer(prompt)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ModelCallError);
    expect((failure as Error).message).toBe(
      'the model was still unavailable after 1 attempt (ThrottlingException)',
    );
    expect(converse.calls.length - before).toBe(1);
  });
});
