// Shared by the model-summary tests: a real report from data/developments, a good model answer for it
// (written for these tests, in the report's facts and names, one in another spelling), and a deps
// set-up whose summariser asks the local Converse server.
import { readFileSync } from 'node:fs';
import { shippedCatalogueFor as catalogueFor } from '../../../functions/catalogue-data';
import { ingestDevelopment } from '../../../functions/domain/developments/ingest';
import { parseDevelopmentText } from '../../../functions/domain/developments/input';
import type { Development } from '../../../functions/domain/developments/types';
import { summarise } from '../../../functions/domain/summarise/summarise';
import { testDeps } from '../../support/env';
import type { FakeConverse } from '../../support/fake-converse';

export const MODEL_ID = 'anthropic.claude-test-v1:0';

export const REPORT = parseDevelopmentText(
  readFileSync('data/developments/2025-12-02-witkoff-putin-moscow.md', 'utf8'),
);

/** What the offline summariser makes of REPORT: what readers get whenever the model's answer is not used. */
export const OFFLINE = summarise(REPORT, { catalogue: catalogueFor(REPORT.topic) });

export const GOOD_HEADLINE =
  'Steve Witkoff and Jared Kushner met Vladimir Putin in Moscow on Dec. 2 for five hours; Yuri Ushakov said no ' +
  'compromise on a peace settlement had been found, though some American proposals looked acceptable.';

export function goodAnswer() {
  return {
    headline: GOOD_HEADLINE,
    keyPoints: [
      'Zelenskyy said the next steps would depend on the signals from Moscow and that he was ready to meet Trump.',
      'Kremlin spokesperson Dmitry Peskov denied that Putin had rejected the U.S. peace plan.',
      'Witkoff and Umerov met again in Florida on Dec. 1 to revise the U.S.-backed plan.',
      'The original 28-point plan required Kyiv to cap its military and abandon its NATO bid.',
    ],
    whatsNext: 'Kushner and Witkoff were expected to meet Zelensky in an unspecified European country.',
    speakers: [
      { quote: 1, speaker: 'Yuri Ushakov' },
      { quote: 2, speaker: 'Ushakov' },
      { quote: 3, speaker: 'Zelenskyy' },
      { quote: 4, speaker: 'Volodymyr Zelensky' },
      { quote: 5, speaker: null },
    ],
  };
}

export async function bedrockDeps(converse: FakeConverse, overrides: Record<string, string> = {}) {
  return testDeps({
    SUMMARISER: 'bedrock',
    BEDROCK_ENDPOINT: converse.url,
    BEDROCK_MODEL_ID: MODEL_ID,
    ...overrides,
  });
}

/** Ingest REPORT through the ingest use case with the deps' summariser; the stored development. */
export async function ingestReport(deps: Awaited<ReturnType<typeof testDeps>>): Promise<Development> {
  const ports = {
    developments: deps.developments,
    dispatch: { send: async () => undefined },
    clock: { now: () => new Date('2025-12-03T08:00:00Z') },
    catalogue: deps.catalogue,
    summariser: deps.summariser,
  };
  const { id } = await ingestDevelopment(ports, REPORT);
  const stored = await deps.developments.get(id);
  if (!stored) throw new Error('the report was not stored');
  return stored;
}
