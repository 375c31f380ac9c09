// A language model asked for one summary through one forced tool call, and the store of its answers.
// The model-written summariser (functions/domain/model-summary) depends on these two ports; Bedrock's
// Converse API and the DynamoDB table implement them.

/** One request: instructions, the report as the user's message, and the one tool the model must call. */
export interface ModelPrompt {
  system: string;
  user: string;
  tool: { name: string; description: string; inputSchema: Record<string, unknown> };
}

export interface ModelUsage {
  inputTokens: number;
  outputTokens: number;
}

/** What the model answered: the tool call's input when it made one, any text it wrote instead. */
export interface ModelReply {
  toolInput?: unknown;
  text?: string;
  stopReason?: string;
  usage: ModelUsage;
  latencyMs: number;
  /** Calls made for this answer (more than one after throttling). */
  attempts: number;
}

export interface SummaryModel {
  /** Recorded on every summary it wrote, e.g. `bedrock:eu.anthropic.claude-haiku-4-5-20251001-v1:0`. */
  readonly generator: string;
  readonly modelId: string;
  /** Throws ModelCallError when no answer came (timeout, throttled throughout, refused). */
  answer(prompt: ModelPrompt): Promise<ModelReply>;
}

/** No usable reply: the message is a plain sentence recorded as the summary's fallback reason. */
export class ModelCallError extends Error {
  override name = 'ModelCallError';
}

/** An answer is reused only for the same request text, the same model and the same prompt version. */
export interface ModelAnswerKey {
  contentHash: string;
  modelId: string;
  promptVersion: number;
}

export interface ModelAnswerCache {
  get(key: ModelAnswerKey): Promise<ModelReply | undefined>;
  put(key: ModelAnswerKey, reply: ModelReply): Promise<void>;
}

/** Where a model call and a fallback are reported (the Powertools logger in practice). */
export interface ModelLog {
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
}
