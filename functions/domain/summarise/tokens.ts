// Words with their part of speech: the layer every later pass reads instead of re-scanning raw text.
// Tokens are ours (hyphenated words and initialisms such as "U.S." stay whole; a possessive 's is
// marked, not split); parts of speech come from wink-nlp's small English model, aligned by offset.

import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { PARTICLE_NAME } from './lexicon';

export interface Token {
  /** As written, including a possessive 's. */
  text: string;
  /** Without a possessive 's. */
  bare: string;
  start: number;
  end: number;
  /** Universal POS tag (NOUN, PROPN, VERB, AUX, ADJ, ADP, DET, PRON, PUNCT…). */
  pos: string;
  possessive: boolean;
  capitalised: boolean;
}

// "Mr.", "Dr.", "Gen." keep their period: they are titles, not sentence ends.
// "Farmers’ Union", "Teachers' Federation": a plural possessive inside a capitalised name keeps its
// apostrophe, so the name reads as one run; so does a lower-case one ("the doctors' union leader"),
// which owns the words after it.
const TOKEN =
  /\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Sens|Rep|Reps|Lt|Col|Gov|Prof|Maj|Capt|Adm|Sgt|Amb|Jr|Sr)\.|\b\p{Lu}\.(?=\s+\p{Lu}\p{Ll})|(?:\p{L}\.){2,}|\p{Lu}[\p{L}]*s['’](?=\s+\p{L})|\b\p{Ll}{2,}s['’](?=\s+\p{Ll})|[\p{L}\p{N}]+(?:[-'’.,:][\p{L}\p{N}]+)*|\S/gu;

let tagger: ReturnType<typeof winkNLP> | undefined;

/** The model loads on first use (about a third of a second), not when the module is imported. */
function wink() {
  tagger ??= winkNLP(model, ['sbd', 'pos']);
  return tagger;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = m.index ?? 0;
    // "1,000" and "15:35" stay whole; "Russia's" is one token marked possessive.
    // "Hamas' chief negotiator": a name ending in s takes the apostrophe alone (before a capital it is
    // part of a name, "Farmers' Union").
    const bareApostrophe =
      /^\p{Lu}[\p{L}]*s['’]$/u.test(raw) && /^\s+\p{Ll}/u.test(text.slice(start + raw.length));
    const possessive = /^[\p{L}.]+['’]s$/u.test(raw) || bareApostrophe;
    out.push({
      text: raw,
      bare: bareApostrophe ? raw.slice(0, -1) : possessive ? raw.slice(0, -2) : raw,
      start,
      end: start + raw.length,
      pos: 'X',
      possessive,
      // "al-Ansari said": a name's particle may open it in lower case.
      capitalised: /^\p{Lu}/u.test(raw) || PARTICLE_NAME.test(raw),
    });
  }
  return out;
}

/** Tokens with parts of speech. Text is expected to be one sentence (any length works, linearly). */
export function tag(text: string): Token[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return tokens;
  const nlp = wink();
  const doc = nlp.readDoc(text);
  const words = doc.tokens().out() as string[];
  const tags = doc.tokens().out(nlp.its.pos) as string[];
  // wink's tokens in order; find each in the text from a moving cursor to get its offset.
  const starts: number[] = [];
  let cursor = 0;
  for (const w of words) {
    const at = text.indexOf(w, cursor);
    starts.push(at);
    if (at >= 0) cursor = at + w.length;
  }
  let j = 0;
  for (const t of tokens) {
    while (j < words.length && (starts[j]! < 0 || starts[j]! < t.start)) j++;
    if (j < words.length && starts[j]! < t.end) t.pos = tags[j] ?? 'X';
    else t.pos = /^\p{L}/u.test(t.text) ? 'NOUN' : 'PUNCT';
  }
  attributiveVerbs(tokens);
  missingVerb(tokens);
  return tokens;
}

/**
 * "Secretary Xavier Becerra cast the step as a turning point": when the model finds no verb at all, a
 * lower-case word it called a noun right after a name and before an article or pronoun is the verb.
 */
function missingVerb(tokens: Token[]): void {
  if (tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return;
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (t.capitalised || !/^(?:NOUN|ADJ)$/.test(t.pos) || tokens[i - 1]!.pos !== 'PROPN') continue;
    if (/^(?:DET|PRON)$/.test(tokens[i + 1]!.pos)) {
      t.pos = 'VERB';
      return;
    }
  }
}

/**
 * "Chile's lead negotiator", "the acting chair": a word the model tags as a verb between a determiner or
 * possessive and a lower-case noun is that noun's modifier, not the clause's verb (which would hide the
 * real subject from every later pass).
 */
const BODY_OR_TEAM = /^(?:committee|team|party|coalition|council|body|group|delegation|panel|board)s?$/i;

function attributiveVerbs(tokens: Token[]): void {
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    const next = tokens[i + 1]!;
    if (t.pos !== 'VERB' || t.capitalised || next.pos !== 'NOUN' || next.capitalised) continue;
    // "the freed engineer", "the revised text": a participle after an article is attributive too.
    const article = /^(?:the|a|an)$/i.test(prev.text);
    if (article || prev.possessive || (prev.pos === 'DET' && !/(?:ed|en)$/.test(t.text))) t.pos = 'ADJ';
    // "the union's negotiating committee", "SAG-AFTRA negotiating committee", "the ruling party".
    else if (/ing$/.test(t.text) && BODY_OR_TEAM.test(next.text)) t.pos = 'ADJ';
  }
}
