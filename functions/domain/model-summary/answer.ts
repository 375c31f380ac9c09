// The shape of the model's answer: the input of the one tool it must call, `record_summary`. The same
// zod schema checks the answer and, as JSON Schema, tells the model the shape, so the two never drift.
import { z } from 'zod';

export const TOOL_NAME = 'record_summary';

/** At most this many quotations are numbered in a prompt (more would only add tokens). */
export const MAX_PROMPT_QUOTES = 40;

export const answerSchema = z
  .object({
    headline: z
      .string()
      .min(1)
      .describe('What happened, in one to three plain sentences of at most 70 words in all.'),
    keyPoints: z
      .array(z.string().min(1))
      .min(3)
      .max(5)
      .describe('Three to five single-sentence points that add to the headline, most important first.'),
    whatsNext: z
      .string()
      .min(1)
      .nullable()
      .describe('One sentence on the next step the report names (a meeting, a deadline, a vote), or null.'),
    speakers: z
      .array(
        z
          .object({
            quote: z
              .number()
              .int()
              .min(1)
              .max(MAX_PROMPT_QUOTES)
              .describe('The number of a listed quotation.'),
            speaker: z
              .string()
              .min(1)
              .nullable()
              .describe(
                'Who said it, named as the report names them, or null when the report leaves it unclear.',
              ),
          })
          .strict(),
      )
      .describe('One entry per numbered quotation.'),
  })
  .strict();

export type ModelAnswer = z.infer<typeof answerSchema>;

/** The tool's input schema as JSON Schema (without the `$schema` line Converse does not need). */
export function answerJsonSchema(): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(answerSchema) as Record<string, unknown>;
  return schema;
}

export type ShapeCheck = { ok: true; answer: ModelAnswer } | { ok: false; reason: string };

/** The answer as the tool defines it, or a plain reason naming the first thing that does not fit. */
export function checkShape(input: unknown, quoteCount: number): ShapeCheck {
  const parsed = answerSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length > 0 ? issue.path.join('.') : 'the answer';
    return { ok: false, reason: `the answer does not fit the ${TOOL_NAME} shape: ${at}: ${issue.message}` };
  }
  const seen = new Set<number>();
  for (const s of parsed.data.speakers) {
    if (s.quote > quoteCount) {
      return {
        ok: false,
        reason: `the answer gives a speaker for quotation ${s.quote}, but only ${quoteCount} were listed`,
      };
    }
    if (seen.has(s.quote)) return { ok: false, reason: `the answer gives quotation ${s.quote} two speakers` };
    seen.add(s.quote);
  }
  return { ok: true, answer: parsed.data };
}
