// Turning a report into its summary. The ingest queue's consumer depends on this port, not on a
// summariser: the offline one (extractive, deterministic) is the default, and a model-written one
// (functions/domain/model-summary) falls back to it whenever the model's answer cannot be trusted.
import type { FullSummary, SummariseInput, SummariseOptions } from '../domain/summarise/summarise';

export type { SummariseInput, SummariseOptions };

/** A summary with who wrote it (`offline` or `bedrock:<model id>`) and, after a fallback, why. */
export interface SummariserResult extends FullSummary {
  generator: string;
  fallbackReason?: string;
}

export interface Summariser {
  summarise(input: SummariseInput, options: SummariseOptions): Promise<SummariserResult>;
}
