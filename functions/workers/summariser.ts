// Builds the Summariser the ingest consumer uses, once per deps object (per warm Lambda instance or
// local stack): the offline summariser, or with SUMMARISER=bedrock the model-written one over Bedrock,
// with its answers kept in the table and the offline summariser as its fallback. Kept out of
// functions/deps.ts so only the functions that summarise bundle the Bedrock client.
import { BedrockSummaryModel, createBedrockClient } from '../adapters/bedrock/bedrock-model';
import { DynamoModelAnswerCache } from '../adapters/dynamodb/model-answer-cache';
import { offlineSummariser } from '../adapters/summariser/offline-summariser';
import type { Deps } from '../deps';
import { modelSummariser } from '../domain/model-summary/model-summariser';
import type { Summariser } from '../ports/summariser';

const built = new WeakMap<object, Summariser>();

export function summariserFor(deps: Pick<Deps, 'config' | 'dynamo' | 'logger' | 'credentials'>): Summariser {
  let summariser = built.get(deps);
  if (!summariser) {
    const { config } = deps;
    summariser =
      config.SUMMARISER === 'bedrock'
        ? modelSummariser({
            offline: offlineSummariser,
            model: new BedrockSummaryModel({
              client: createBedrockClient({
                region: config.BEDROCK_REGION ?? config.AWS_REGION,
                endpoint: config.BEDROCK_ENDPOINT,
                // Emulator credentials only go to an emulator; real Bedrock gets the default chain.
                credentials: config.BEDROCK_ENDPOINT ? deps.credentials : undefined,
              }),
              modelId: config.BEDROCK_MODEL_ID,
              timeoutMs: config.BEDROCK_TIMEOUT_MS,
              log: deps.logger,
            }),
            cache: new DynamoModelAnswerCache(deps.dynamo, config.TABLE_NAME),
            log: deps.logger,
          })
        : offlineSummariser;
    built.set(deps, summariser);
  }
  return summariser;
}
