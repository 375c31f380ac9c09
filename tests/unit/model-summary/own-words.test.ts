// The checks must not refuse what the report itself says: the offline summariser's lines are the
// report's own sentences, so offered as a model's answer they pass for every report we have (the
// shipped developments and samples, and the evaluation set when it is present).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedCatalogueFor as catalogueFor } from '../../../functions/catalogue-data';
import { parseDevelopmentText } from '../../../functions/domain/developments/input';
import { judge } from '../../../functions/domain/model-summary/model-summariser';
import { summarise } from '../../../functions/domain/summarise/summarise';

const DEV_SET = resolve(import.meta.dirname, '../../../../shared/eval/articles');
const folders = ['data/developments', 'data/samples', ...(existsSync(DEV_SET) ? [DEV_SET] : [])];
const reports = folders.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.(md|txt)$/.test(f))
    .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') })),
);

describe('a model answer made of the report’s own lines', () => {
  it.each(reports.map((r) => [r.file, r.text]))('passes every check: %s', (file, text) => {
    const input = parseDevelopmentText(text, file);
    const catalogue = catalogueFor(input.topic);
    const s = summarise(input, { catalogue });
    const keyPoints = [...s.keyPoints, s.outcome, s.outcome, s.outcome].slice(
      0,
      Math.max(3, s.keyPoints.length),
    );
    const answer = {
      headline: s.summary,
      keyPoints,
      whatsNext: s.outcome,
      speakers: s.quotes.slice(0, 40).map((q, i) => ({ quote: i + 1, speaker: q.speaker })),
    };
    const reply = {
      toolInput: answer,
      usage: { inputTokens: 0, outputTokens: 0 },
      latencyMs: 0,
      attempts: 1,
    };
    expect(judge(reply, input, s.quotes, catalogue)).toEqual({ ok: true, answer });
  });
});
