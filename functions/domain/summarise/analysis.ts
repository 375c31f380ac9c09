// Analyse once, then select: a report is annotated in passes, each adding a layer the later ones read —
// paragraphs and sentences (datelines removed), tokens with parts of speech, quotation spans, mentions
// of people and bodies with the roles the text gives them, who "he", "the envoy" and "Rubio" refer to,
// and each sentence's subject. Extractors (quotes, events, headline, significance) read these layers
// instead of re-scanning raw text. Pure and deterministic; linear in the length of the report.
import type { ActorMatcher } from './actors';
import type { ActorEntry } from './catalogue';
import { resolveReferences } from './coref';
import { stripDateline } from './dateline';
import { findMentions } from './mentions';
import { quoteSpans } from './quote-spans';
import { splitParagraph } from './sentences';
import { normaliseText } from './text';
import { type Token, tag } from './tokens';

/** Reports are summarised from their opening: analysing more costs time and adds nothing to the lead. */
export const MAX_ANALYSED_CHARS = 30_000;
/** A "sentence" longer than this is not prose (a list, a table, an attack); it is kept out of selection. */
export const MAX_SENTENCE_CHARS = 1_200;

export type MentionKind = 'name' | 'description' | 'pronoun';
export type EntityKind = 'person' | 'organisation' | 'media' | 'place' | 'group';

export interface Entity {
  id: number;
  /** Full name as best known ("Marco Rubio"), or a body's name ("the Kremlin"). */
  name: string;
  kind: EntityKind;
  /** Roles from the catalogue (on the publication day) and from the text ("Top Kremlin aide"). */
  roles: string[];
  side: string | null;
  countries: string[];
  entry?: ActorEntry;
  /** Journalists and outlets report the news; they never take part in it. */
  reporter: boolean;
  /** Only part of the name is known (a surname the text never completes): never shown as a speaker. */
  partial: boolean;
}

export interface Mention {
  sentence: number;
  /** Token range [from, to) in the sentence. */
  from: number;
  to: number;
  text: string;
  kind: MentionKind;
  entity?: Entity;
  /** "Trump's" in "Trump's son-in-law": a possessor, not the one who acts. */
  possessive: boolean;
  /** "Kremlin" in "Kremlin aide Yuri Ushakov": a modifier of the noun after it. */
  modifier: boolean;
  inQuote: boolean;
  /** Descriptions: the role noun ("president") and the other words ("us", "top"). */
  head?: string;
  modifiers?: string[];
  /** Descriptions that point at nobody in particular ("a Russian source", "officials"). */
  indefinite?: boolean;
  /** Descriptions owned by a name before them ("Netanyahu's office", "Colombia's ministry"). */
  owner?: Entity;
  /** Owned by "his"/"her" ("His office said"): the owner is who the pronoun means. */
  ownerPronoun?: boolean;
}

/** A quotation's part in one sentence: token range [from, to) and offsets of the words inside the marks. */
export interface SentenceQuote {
  /** The same id in every sentence a quotation spans ("paragraph:n"). */
  id: string;
  from: number;
  to: number;
  start: number;
  end: number;
  /** Still open at the end of the paragraph. */
  open: boolean;
  /** Goes on from the previous paragraph's open quotation. */
  continues: boolean;
}

export interface Sentence {
  index: number;
  paragraph: number;
  /** Position in its paragraph (0 for the first sentence). */
  position: number;
  text: string;
  tokens: Token[];
  /** Per token: inside a quotation. */
  quoted: boolean[];
  /** Quotation spans as token ranges [from, to) of the words inside the marks; `open` continues on. */
  quotes: SentenceQuote[];
  mentions: Mention[];
  /** The sentence's grammatical subject (set by the reference pass). */
  subject?: Mention;
  /** Reporting verbs outside quotations and who they credit (set by the reference pass). */
  speakers: Speaking[];
  /** What pronouns in this sentence may point back to (set by the reference pass). */
  context: {
    previousSubject?: Entity;
    /** The sentence before in the paragraph has a person for subject whom the text does not name. */
    previousSubjectUnknown?: boolean;
    lastSpeaker?: { entity: Entity; paragraph: number };
  };
  oversize: boolean;
}

export interface Speaking {
  /** Token index of the reporting verb. */
  verb: number;
  subject?: Mention;
  /** Who is credited: a person, a body, a group; undefined when the text does not say. */
  entity?: Entity;
}

export interface Analysis {
  title: string;
  published: Date;
  /** YYYY-MM-DD of publication. */
  day: string;
  paragraphs: string[];
  sentences: Sentence[];
  entities: Entity[];
  actors: ActorMatcher;
}

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
  resolveReferences(analysis);
  return analysis;
}
