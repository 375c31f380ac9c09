// The summariser's part of the composition root, kept apart so only the hosts that summarise (the
// ingest function, the local stack, scripts) bundle it: the offline summariser carries a language
// model of several MB. With SUMMARISER=bedrock, the model-written summariser over Bedrock, its answers
// kept in the table, the offline summariser as its fallback.
import { BedrockSummaryModel, createBedrockClient } from './adapters/bedrock/bedrock-model';
import { DynamoModelAnswerCache } from './adapters/dynamodb/model-answer-cache';
import { offlineSummariser } from './adapters/summariser/offline-summariser';
import type { AdapterParts } from './deps';
import { modelSummariser } from './domain/model-summary/model-summariser';
import type { Summariser } from './ports/summariser';

export function buildSummariser({ config, dynamo, logger, credentials }: AdapterParts): Summariser {
  if (config.SUMMARISER !== 'bedrock') return offlineSummariser;
  return modelSummariser({
    offline: offlineSummariser,
    model: new BedrockSummaryModel({
      client: createBedrockClient({
        region: config.BEDROCK_REGION ?? config.AWS_REGION,
        endpoint: config.BEDROCK_ENDPOINT,
        // Emulator credentials only go to an emulator; real Bedrock gets the default chain.
        credentials: config.BEDROCK_ENDPOINT ? credentials : undefined,
      }),
      modelId: config.BEDROCK_MODEL_ID,
      timeoutMs: config.BEDROCK_TIMEOUT_MS,
      log: logger,
    }),
    cache: new DynamoModelAnswerCache(dynamo, config.TABLE_NAME),
    log: logger,
  });
}
