// SummaryModel on Amazon Bedrock's Converse API: temperature 0, one tool offered and forced
// (toolChoice), so the answer arrives as the tool's JSON input. One deadline covers the whole call,
// retries included (an AbortController: the SDK's requestTimeout only logs); throttling and the
// service's other "try again" answers are retried with jittered backoff inside it; every call logs
// its latency, attempts and tokens. HTTP/1.1 through NodeHttpHandler (the client's default is HTTP/2),
// the same keep-alive agents as the other AWS clients, and a local Converse server in tests.
import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
  type ToolInputSchema,
} from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { backoffMs } from '../../domain/delivery/deliver';
import {
  ModelCallError,
  type ModelLog,
  type ModelPrompt,
  type ModelReply,
  type SummaryModel,
} from '../../ports/summary-model';
import { type AwsClientSettings, requestHandlerOptions } from '../aws-client';

/** Answers Bedrock gives when it wants the caller to come back a little later. */
const RETRYABLE = new Set([
  'ThrottlingException',
  'ServiceUnavailableException',
  'ModelNotReadyException',
  'InternalServerException',
]);

/** Enough for a 70-word headline, five key points, a line and the speakers, with room to spare. */
const MAX_OUTPUT_TOKENS = 1500;

export function createBedrockClient(settings: AwsClientSettings): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    // Retries are this adapter's, inside its deadline.
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler(requestHandlerOptions()),
  });
}

export interface BedrockModelOptions {
  client: BedrockRuntimeClient;
  modelId: string;
  /** The whole call, retries included. */
  timeoutMs: number;
  log: ModelLog;
  maxAttempts?: number;
  random?: () => number;
}

export class BedrockSummaryModel implements SummaryModel {
  readonly generator: string;
  readonly modelId: string;

  constructor(private readonly options: BedrockModelOptions) {
    this.modelId = options.modelId;
    this.generator = `bedrock:${options.modelId}`;
  }

  async answer(prompt: ModelPrompt): Promise<ModelReply> {
    const { client, modelId, timeoutMs, log } = this.options;
    const maxAttempts = this.options.maxAttempts ?? 4;
    const started = Date.now();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const command = new ConverseCommand({
      modelId,
      system: [{ text: prompt.system }],
      messages: [{ role: 'user', content: [{ text: prompt.user }] }],
      inferenceConfig: { temperature: 0, maxTokens: MAX_OUTPUT_TOKENS },
      toolConfig: {
        tools: [
          {
            toolSpec: {
              name: prompt.tool.name,
              description: prompt.tool.description,
              inputSchema: { json: prompt.tool.inputSchema as ToolInputSchema.JsonMember['json'] },
            },
          },
        ],
        toolChoice: { tool: { name: prompt.tool.name } },
      },
    });
    let attempts = 0;
    // The last "try again" answer, so a deadline that strikes while retrying says why we were retrying.
    let unavailable: string | undefined;
    const stillUnavailable = (name: string) =>
      `the model was still unavailable after ${attempts} attempt${attempts === 1 ? '' : 's'} (${name})`;
    try {
      for (;;) {
        attempts++;
        try {
          const output = await client.send(command, { abortSignal: deadline.signal });
          const reply = toReply(output, prompt.tool.name, attempts, Date.now() - started);
          log.info('model call', {
            modelId,
            latencyMs: reply.latencyMs,
            attempts,
            inputTokens: reply.usage.inputTokens,
            outputTokens: reply.usage.outputTokens,
            stopReason: reply.stopReason,
            toolCalled: reply.toolInput !== undefined,
          });
          return reply;
        } catch (error) {
          if (deadline.signal.aborted) {
            throw new ModelCallError(
              unavailable ? stillUnavailable(unavailable) : `no answer from the model within ${timeoutMs} ms`,
            );
          }
          const name = (error as Error).name;
          if (RETRYABLE.has(name)) unavailable = name;
          const wait = backoffMs(attempts + 2, this.options.random);
          if (RETRYABLE.has(name) && attempts < maxAttempts && Date.now() - started + wait < timeoutMs) {
            await pause(wait, deadline.signal);
            continue;
          }
          throw new ModelCallError(
            RETRYABLE.has(name)
              ? stillUnavailable(name)
              : `the model call failed: ${name}: ${(error as Error).message}`,
          );
        }
      }
    } catch (error) {
      log.warn('model call failed', {
        modelId,
        latencyMs: Date.now() - started,
        attempts,
        reason: (error as Error).message,
      });
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

function toReply(
  output: ConverseCommandOutput,
  tool: string,
  attempts: number,
  latencyMs: number,
): ModelReply {
  const content = output.output?.message?.content ?? [];
  const call = content.find((c) => c.toolUse?.name === tool)?.toolUse;
  const text = content
    .map((c) => c.text)
    .filter((t): t is string => typeof t === 'string')
    .join('\n');
  return {
    ...(call ? { toolInput: call.input } : {}),
    ...(text ? { text } : {}),
    ...(output.stopReason ? { stopReason: output.stopReason } : {}),
    usage: { inputTokens: output.usage?.inputTokens ?? 0, outputTokens: output.usage?.outputTokens ?? 0 },
    latencyMs,
    attempts,
  };
}

/** Waits, or stops waiting when the deadline passes (the next call then fails at once as late). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
