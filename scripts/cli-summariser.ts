// The summariser `npm run summarise` and `npm run eval` use: `--summariser=offline|bedrock` (else the
// SUMMARISER variable, else offline), Bedrock settings from the environment (BEDROCK_MODEL_ID,
// BEDROCK_REGION, BEDROCK_ENDPOINT, BEDROCK_TIMEOUT_MS). No answers are kept between runs, so every
// run asks the model and its figures are measured. Without AWS credentials it says so and exits 2.
import { BedrockSummaryModel, createBedrockClient } from '../functions/adapters/bedrock/bedrock-model';
import { offlineSummariser } from '../functions/adapters/summariser/offline-summariser';
import { ConfigError, parseSummariserConfig } from '../functions/config';
import { modelSummariser } from '../functions/domain/model-summary/model-summariser';
import type { Summariser } from '../functions/ports/summariser';
import type { ModelReply } from '../functions/ports/summary-model';

export interface CliSummariser {
  summariser: Summariser;
  /** `offline`, or `bedrock:<model id>`. */
  name: string;
  /** Every answer the model gave in this run (latency, tokens), in order. */
  replies: ModelReply[];
}

const quiet = { info: () => undefined, warn: () => undefined };

export async function cliSummariser(
  args: readonly string[],
  env: Record<string, string | undefined> = process.env,
): Promise<CliSummariser> {
  const flag = args.find((a) => a.startsWith('--summariser'));
  const chosen = flag ? flag.split('=')[1] : (env.SUMMARISER ?? 'offline');
  if (chosen !== 'offline' && chosen !== 'bedrock') {
    fail(`--summariser must be offline or bedrock (got ${JSON.stringify(chosen ?? '')})`);
  }
  if (chosen === 'offline') return { summariser: offlineSummariser, name: 'offline', replies: [] };

  let config: ReturnType<typeof parseSummariserConfig>;
  try {
    config = parseSummariserConfig({ ...env, SUMMARISER: 'bedrock' });
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  // Node 20 here knowingly (Lambda runs 22), as in functions/local.ts: the SDK's reminder is noise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const region = config.BEDROCK_REGION ?? config.AWS_REGION;
  const client = createBedrockClient({ region, endpoint: config.BEDROCK_ENDPOINT });
  try {
    await client.config.credentials();
  } catch {
    fail(
      `No AWS credentials found, so Amazon Bedrock cannot be asked.\n` +
        `Set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) for an identity allowed\n` +
        `bedrock:InvokeModel on ${config.BEDROCK_MODEL_ID} in ${region}, or run without --summariser=bedrock.`,
    );
  }
  const model = new BedrockSummaryModel({
    client,
    modelId: config.BEDROCK_MODEL_ID,
    timeoutMs: config.BEDROCK_TIMEOUT_MS,
    log: quiet,
  });
  const replies: ModelReply[] = [];
  const recording = {
    generator: model.generator,
    modelId: model.modelId,
    answer: async (prompt: Parameters<typeof model.answer>[0]) => {
      const reply = await model.answer(prompt);
      replies.push(reply);
      return reply;
    },
  };
  return {
    summariser: modelSummariser({ offline: offlineSummariser, model: recording, log: quiet }),
    name: model.generator,
    replies,
  };
}

export interface ModelFigures {
  summariser: string;
  articles: number;
  fallbacks: number;
  fallbackRate: number;
  medianLatencyMs: number | null;
  tokens: { input: number; output: number };
  fallbackReasons: Array<{ file: string; reason: string }>;
}

/** What a run with a model adds to the figures: how often its answer was not used, how fast it was. */
export function modelFigures(
  name: string,
  replies: readonly ModelReply[],
  fallbacks: Array<{ file: string; reason: string }>,
  articles: number,
): ModelFigures | undefined {
  if (name === 'offline') return undefined;
  const latencies = replies.map((r) => r.latencyMs).sort((a, b) => a - b);
  return {
    summariser: name,
    articles,
    fallbacks: fallbacks.length,
    fallbackRate: articles === 0 ? 0 : fallbacks.length / articles,
    medianLatencyMs: latencies.length > 0 ? latencies[Math.floor((latencies.length - 1) / 2)]! : null,
    tokens: {
      input: replies.reduce((n, r) => n + r.usage.inputTokens, 0),
      output: replies.reduce((n, r) => n + r.usage.outputTokens, 0),
    },
    fallbackReasons: fallbacks,
  };
}

export function printModelFigures(m: ModelFigures, verbose: boolean): void {
  console.log(
    `  ${m.summariser}\n` +
      `    offline summary used instead   ${Math.round(100 * m.fallbackRate)}% (${m.fallbacks} of ${m.articles})\n` +
      `    median model latency           ${m.medianLatencyMs === null ? '–' : `${m.medianLatencyMs} ms`}\n` +
      `    tokens in · out                ${m.tokens.input} · ${m.tokens.output}`,
  );
  for (const f of verbose ? m.fallbackReasons : []) console.log(`    ${f.file}: ${f.reason}`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
