// Direct quotes and who said them. Attribution follows the usual news patterns: `"…," X said`,
// `said X`, `X, <title>, said`, `according to X`, `X said/called/claimed … "…"` (partial quotes inside
// reported speech), a pronoun that continues the last speaker, and a quote-only sentence right after
// an attributed one. Anything else is left unattributed (speaker null): never guessed.
import type { Quote } from '../developments/types';
import type { ActorMatcher } from './actors';

const VERBS =
  'said|says|say|added|adds|wrote|writes|told|tells|stated|noted|asked|warned|insisted|continued|explained|' +
  'posted|tweeted|declared|stressed|called|calls|claimed|claims|described|describes|denied|argued|announced|' +
  'reported|vowed|pledged|urged|replied|responded|emphasised|emphasized|acknowledged|admitted|conceded';
const VERB = new RegExp(`\\b(?:${VERBS})\\b`, 'g');
const NP_START = `(?:(?:[Tt]he|[Aa]n?|[Bb]oth)\\s+[\\w'’.-]+(?:\\s+[\\w'’.-]+){0,5}|[\\p{Lu}][\\w'’.-]*(?:\\s+(?:of\\s+|de\\s+|von\\s+der\\s+)?[\\p{Lu}\\w'’.-]+){0,5}|he|she|they|it|He|She|They|It)`;
const AFTER_SAID_NP = new RegExp(`^\\s*(?:${VERBS})\\s+(${NP_START})`, 'u');
const AFTER_NP_SAID = new RegExp(`^\\s*(${NP_START})(?:\\s*,[^,"“”]{1,80},)?\\s+(?:${VERBS})\\b`, 'u');
const ACCORDING_TO = /\baccording to\s+((?:the\s+|a\s+)?[^,;."“”]{2,60})/i;
const ATTRIBUTION_NOUN =
  '(?:statement|readout|source|sources|official|officials|spokesperson|spokesman|spokeswoman|ministry|communique|aide|diplomat|report|office|document|memo|letter|post)';
const NOUN_TAIL = new RegExp(`\\b(?:a|an|the)\\s+((?:[\\w'’-]+\\s+){0,3}${ATTRIBUTION_NOUN})\\s*$`, 'i');
const PERSON_PRONOUNS = new Set(['he', 'she']);
const CLAUSE_BREAK = /(?:,|;|:|—|–|\bthat\b|\bwhich\b|\bwho\b|\bwhile\b|\bbut\b|\bas\b)\s*/g;

interface Speaker {
  name: string;
  person: boolean;
}

const QUOTE_SPAN = /["“]([^"“”]+)["”]/g;

export function extractQuotes(sentences: readonly string[], actors: ActorMatcher): Quote[] {
  const quotes: Quote[] = [];
  let last: Speaker | undefined;
  let previousAttributed = false;
  for (const sentence of sentences) {
    let attributedHere = false;
    for (const m of sentence.matchAll(QUOTE_SPAN)) {
      const text = m[1]!.trim().replace(/[,;:\s]+$/, '');
      if (text.split(/\s+/).length < 2) continue;
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const isWholeSentence = start === 0 && /^[\s.!?]*$/.test(sentence.slice(end));
      let speaker = attribute(sentence, start, end, actors, last);
      if (!speaker && isWholeSentence && previousAttributed && last) speaker = last;
      quotes.push({ speaker: speaker?.name ?? null, text });
      if (speaker) {
        last = speaker;
        attributedHere = true;
      }
    }
    previousAttributed = attributedHere;
  }
  return quotes;
}

function attribute(
  sentence: string,
  start: number,
  end: number,
  actors: ActorMatcher,
  last: Speaker | undefined,
): Speaker | undefined {
  const after = sentence.slice(end).replace(/^[\s,]+/, ' ');
  const afterMatch = AFTER_SAID_NP.exec(after) ?? AFTER_NP_SAID.exec(after);
  if (afterMatch && /^[\s,]/.test(sentence.slice(end, end + 1) || ' ')) {
    const speaker = resolvePhrase(afterMatch[1]!, actors, last);
    if (speaker) return speaker;
  }
  const before = sentence.slice(0, start);
  const according = ACCORDING_TO.exec(sentence.slice(0, start)) ?? ACCORDING_TO.exec(after.slice(0, 80));
  if (according) {
    const speaker = resolvePhrase(according[1]!, actors, last);
    if (speaker) return speaker;
  }
  const verbs = [...before.matchAll(VERB)];
  const verb = verbs.at(-1);
  if (verb) return resolveSubject(before.slice(0, verb.index), actors, last);
  return undefined;
}

/** The subject of a reporting verb: drop trailing asides, then take the last clause. */
function resolveSubject(raw: string, actors: ActorMatcher, last: Speaker | undefined): Speaker | undefined {
  let subject = raw.trim();
  while (/,\s*$/.test(subject) && /,[^,]*,\s*$/.test(subject)) subject = subject.replace(/,[^,]*,\s*$/, '');
  subject = subject.replace(/[,\s]+$/, '');
  const breaks = [...subject.matchAll(CLAUSE_BREAK)];
  const lastBreak = breaks.at(-1);
  const clause = lastBreak ? subject.slice((lastBreak.index ?? 0) + lastBreak[0].length) : subject;
  if (clause.trim() === '' && lastBreak) {
    // "a statement that said": the relative pronoun points back to the noun before it.
    const antecedent = subject.slice(0, lastBreak.index);
    const noun = NOUN_TAIL.exec(antecedent);
    if (noun) return { name: noun[1]!.trim(), person: false };
    const actor = actors.lastIn(antecedent.split(/\s+/).slice(-4).join(' '));
    return actor ? { name: actor.name, person: true } : undefined;
  }
  return resolvePhrase(clause, actors, last);
}

/** A name, a pronoun or a short attribution phrase ("a Russian source", "the joint statement"). */
function resolvePhrase(raw: string, actors: ActorMatcher, last: Speaker | undefined): Speaker | undefined {
  const phrase = raw.trim().replace(/[,.;:]+$/, '');
  const actor = actors.lastIn(phrase);
  if (actor) return { name: actor.name, person: true };
  const lower = phrase.toLowerCase();
  if (PERSON_PRONOUNS.has(lower)) return last?.person ? last : undefined;
  if (lower === 'it') return last && !last.person ? last : undefined;
  if (lower === 'they' || lower === 'we' || lower === 'i') return undefined;
  const cleaned = phrase.replace(/^(?:the|a|an|both)\s+/i, '').trim();
  const wordsIn = cleaned.split(/\s+/).filter(Boolean);
  if (wordsIn.length === 0 || wordsIn.length > 6) return undefined;
  const hasNoun = new RegExp(`\\b${ATTRIBUTION_NOUN}\\b`, 'i').test(cleaned);
  const capitalised = wordsIn.some((w) => /^\p{Lu}/u.test(w)) && /^\p{Lu}/u.test(wordsIn[0]!);
  if (hasNoun || capitalised) return { name: cleaned, person: false };
  return undefined;
}
