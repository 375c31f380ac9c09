// Analyse once, then select: a report is annotated in passes, each adding a layer the later ones read —
// paragraphs and sentences (datelines removed), tokens with parts of speech, quotation spans, mentions
// of people and bodies with the roles the text gives them, who "he", "the envoy" and "Rubio" refer to,
// and each sentence's subject. Extractors (quotes, events, headline, significance) read these layers
// instead of re-scanning raw text. Pure and deterministic; linear in the length of the report.

import type { ActorMatcher } from './actors';
import type { Analysis, Sentence } from './analysis-types';
import { resolveReferences } from './coref';
import { stripDateline } from './dateline';
import { findMentions } from './mentions';
import { quoteSpans } from './quote-spans';
import { splitParagraph } from './sentences';
import { normaliseText } from './text';
import { tag } from './tokens';

/** Reports are summarised from their opening: analysing more costs time and adds nothing to the lead. */
export const MAX_ANALYSED_CHARS = 30_000;
/** A "sentence" longer than this is not prose (a list, a table, an attack); it is kept out of selection. */
export const MAX_SENTENCE_CHARS = 1_200;

export type * from './analysis-types';

export function analyse(
  input: { title: string; body: string; publishedAt: string },
  actors: ActorMatcher,
): Analysis {
  const published = new Date(input.publishedAt);
  const day = published.toISOString().slice(0, 10);
  const paragraphs = normaliseText(input.body.slice(0, MAX_ANALYSED_CHARS))
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const sentences: Sentence[] = [];
  let carryOpen = false;
  paragraphs.forEach((text, paragraph) => {
    const spans = quoteSpans(text, carryOpen);
    carryOpen = spans.some((s) => s.open);
    splitParagraph(text).forEach((raw, position) => {
      // A dateline opens a report (or a wire story pasted into one): never part of a sentence.
      const text = stripDateline(raw.text);
      const span = { text, start: raw.start + raw.text.length - text.length };
      const oversize = span.text.length > MAX_SENTENCE_CHARS;
      const tokens = oversize ? [] : tag(span.text);
      const quoted = tokens.map(() => false);
      const quotes: Sentence['quotes'] = [];
      for (const [n, q] of spans.entries()) {
        const start = Math.max(q.start, span.start) - span.start;
        const end = Math.min(q.end, span.start + span.text.length) - span.start;
        if (end <= start) continue;
        let from = -1;
        let to = -1;
        tokens.forEach((t, i) => {
          if (t.start >= start && t.end <= end && /[\p{L}\p{N}]/u.test(t.text)) {
            quoted[i] = true;
            if (from < 0) from = i;
            to = i + 1;
          }
        });
        if (from >= 0) {
          quotes.push({
            id: `${paragraph}:${n}`,
            from,
            to,
            start,
            end,
            open: q.open && q.end >= span.start + span.text.length,
            continues: q.continues && q.start <= span.start + 1,
          });
        }
      }
      sentences.push({
        index: sentences.length,
        paragraph,
        position,
        text: span.text,
        tokens,
        quoted,
        quotes,
        mentions: [],
        speakers: [],
        context: {},
        oversize,
      });
    });
  });
  const analysis: Analysis = {
    title: input.title,
    published,
    day,
    paragraphs,
    sentences,
    entities: [],
    actors,
  };
  findMentions(analysis);
  // A name is a proper noun whatever the tagger made of its words ("Doug Ford says", "Ford, for his
  // part, was …"): a surname that is also a verb must not become the clause's verb.
  for (const s of sentences)
    for (const m of s.mentions)
      if (m.kind === 'name')
        for (let i = m.from; i < m.to; i++) if (s.tokens[i]!.capitalised) s.tokens[i]!.pos = 'PROPN';
  resolveReferences(analysis);
  return analysis;
}
