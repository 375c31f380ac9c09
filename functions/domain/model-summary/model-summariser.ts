// A Summariser that lets a language model write the headline, key points and "what's next", and say
// who spoke each quotation the offline extractor found — and uses that only when every check passes.
// The offline summary is always made first: it supplies the quotation texts, dates, events, actors and
// significance (never the model), and it is what readers get whenever the model's answer is missing,
// late, malformed or unverifiable; the reason is recorded on the summary. Answers are kept by request
// hash, model id and prompt version, so summarising the same report again reuses the answer for free.

import type { SummariseInput, SummariseOptions, Summariser, SummariserResult } from '../../ports/summariser';
import type { ModelAnswerCache, ModelLog, ModelReply, SummaryModel } from '../../ports/summary-model';
import { ModelCallError } from '../../ports/summary-model';
import type { TopicCatalogue as Catalogue } from '../catalogue';
import { SUMMARY_MAX_WORDS } from '../summarise/summarise';
import { wordCount } from '../summarise/text';
import type { Quote } from '../summarise/types';
import { checkShape, MAX_PROMPT_QUOTES, type ModelAnswer, TOOL_NAME } from './answer';
import { buildPrompt, PROMPT_VERSION, requestHashOf } from './prompt';
import { matcherFor, reportFacts } from './report-facts';
import { problemsIn } from './verify';

/** A key point or "what's next" line longer than the headline's budget is not a line. */
const LINE_MAX_WORDS = SUMMARY_MAX_WORDS;

export interface ModelSummariserPorts {
  offline: Summariser;
  model: SummaryModel;
  /** Absent: every summary asks the model (scripts that measure it). */
  cache?: ModelAnswerCache;
  log?: ModelLog;
}

export function modelSummariser(ports: ModelSummariserPorts): Summariser {
  return { summarise: (input, options) => summariseWithModel(ports, input, options) };
}

async function summariseWithModel(
  ports: ModelSummariserPorts,
  input: SummariseInput,
  options: SummariseOptions,
): Promise<SummariserResult> {
  const { fallbackReason: _none, ...offline } = await ports.offline.summarise(input, options);
  const { model, cache, log } = ports;
  const fallback = (reason: string): SummariserResult => {
    log?.warn('model summary not used; offline summary kept', { modelId: model.modelId, reason });
    return { ...offline, generator: 'offline', fallbackReason: reason };
  };

  const prompt = buildPrompt({ ...input, quotes: offline.quotes });
  const key = { contentHash: requestHashOf(prompt), modelId: model.modelId, promptVersion: PROMPT_VERSION };
  let reply = await cache?.get(key);
  if (reply) {
    log?.info('model answer reused', { modelId: model.modelId, contentHash: key.contentHash });
  } else {
    try {
      reply = await model.answer(prompt);
    } catch (error) {
      return fallback(
        error instanceof ModelCallError
          ? error.message
          : `the model call failed: ${(error as Error).message}`,
      );
    }
    try {
      await cache?.put(key, reply);
    } catch (error) {
      log?.warn('model answer not kept', { modelId: model.modelId, error: String(error) });
    }
  }

  const judged = judge(reply, input, offline.quotes, options.catalogue);
  if (!judged.ok) return fallback(judged.reason);
  const { answer } = judged;
  return {
    ...offline,
    summary: answer.headline.trim(),
    keyPoints: answer.keyPoints.map((p) => p.trim()),
    quotes: withSpeakers(offline.quotes, answer, options.catalogue),
    ...(answer.whatsNext ? { whatsNext: answer.whatsNext.trim() } : {}),
    generator: model.generator,
  };
}

type Judged = { ok: true; answer: ModelAnswer } | { ok: false; reason: string };

/** The answer, if it fits the tool's shape and every line of it checks out against the report. */
export function judge(
  reply: ModelReply,
  input: SummariseInput,
  quotes: readonly Quote[],
  catalogue: Catalogue,
): Judged {
  if (reply.toolInput === undefined) {
    if (reply.stopReason === 'max_tokens')
      return { ok: false, reason: 'the answer was cut off at its length limit' };
    const text = (reply.text ?? '').replace(/\s+/g, ' ').trim();
    return {
      ok: false,
      reason: `the model answered without calling ${TOOL_NAME}${text ? `: "${clip(text, 80)}"` : ''}`,
    };
  }
  const shape = checkShape(reply.toolInput, Math.min(quotes.length, MAX_PROMPT_QUOTES));
  if (!shape.ok) return shape;
  const { answer } = shape;

  const headlineWords = wordCount(answer.headline);
  if (headlineWords > SUMMARY_MAX_WORDS) {
    return { ok: false, reason: `the headline has ${headlineWords} words (at most ${SUMMARY_MAX_WORDS})` };
  }
  const lines: Array<[string, string]> = [
    ['the headline', answer.headline],
    ...answer.keyPoints.map((p, i): [string, string] => [`key point ${i + 1}`, p]),
    ...(answer.whatsNext ? [["what's next", answer.whatsNext] as [string, string]] : []),
  ];
  for (const [where, line] of lines.slice(1)) {
    const words = wordCount(line);
    if (words > LINE_MAX_WORDS)
      return { ok: false, reason: `${where} has ${words} words (at most ${LINE_MAX_WORDS})` };
  }
  const facts = reportFacts(input, catalogue);
  const actors = matcherFor(catalogue);
  for (const [where, line] of lines) {
    const [problem] = problemsIn(line, facts, actors);
    if (problem) return { ok: false, reason: clip(`${where} ${problem}`, 300) };
  }
  for (const s of answer.speakers) {
    if (!s.speaker || !/\p{Lu}/u.test(s.speaker)) continue;
    const [problem] = problemsIn(s.speaker, facts, actors, { asName: true });
    if (problem) return { ok: false, reason: clip(`the speaker of quotation ${s.quote} ${problem}`, 300) };
  }
  return { ok: true, answer };
}

/**
 * The extracted quotations with the speakers the model named (in the catalogue's spelling when it is a
 * catalogue entry). Where the model names nobody (null, or a description without a name), the offline
 * speaker stays: a model's doubt is no reason to drop an attribution the text supports.
 */
function withSpeakers(quotes: readonly Quote[], answer: ModelAnswer, catalogue: Catalogue): Quote[] {
  const out = quotes.map((q) => ({ ...q }));
  const actors = matcherFor(catalogue);
  for (const s of answer.speakers) {
    const speaker = s.speaker?.trim();
    const quote = out[s.quote - 1];
    if (!quote || !speaker || !/\p{Lu}/u.test(speaker)) continue;
    const hits = actors.find(speaker);
    const whole = hits.length === 1 && hits[0]!.index === 0 && hits[0]!.end === speaker.length;
    quote.speaker = whole ? hits[0]!.actor.name : speaker;
  }
  return out;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
