// A country's body named without its country: "the foreign ministry said", "the Finance Ministry said".
// Every country has one, so a reader of a report about two countries cannot tell whose spoke; the
// credit names the country when the text settles it, and only then:
// - the sentence is placed in one country's capital or country ("In Dushanbe, the foreign ministry
//   said …");
// - the sentence, before the body, speaks of one country's government ("Venezuela's government welcomed
//   …, the foreign ministry said", "The Ghanaian authorities …");
// - the report is about one country: it names it outside quotations three times as often as any other.
// Otherwise the body keeps the name the text gave it.
import type { Analysis, Entity, Sentence } from './analysis-types';
import { countriesIn, countryFor } from './lexicon';
import { maskQuotes } from './text';

/** The bodies every government has, with or without their field ("the Finance Ministry", "the cabinet"). */
const NATIONAL_BODY =
  /^(?:(?:[\p{L}-]+\s+){0,3}minist(?:ry|ries)|ministry of\b.*|presidency|government|cabinet|foreign office|central bank|treasury)$/iu;

/** What stands for a country's state when a country or its people's adjective owns it. */
const STATE_NOUNS =
  /^(?:government|governments|authorities|state|administration|president|presidency|prime|leader|leaders|officials|cabinet)$/i;

export function nationalBody(e: Entity): boolean {
  if (e.kind !== 'organisation') return false;
  const name = e.name.replace(/^the\s+/i, '');
  return NATIONAL_BODY.test(name) && !/['’]s\b/.test(name) && countriesIn(name).length === 0;
}

/** The country a sentence is placed in, or whose government it speaks of, before token `before`. */
function sentenceCountry(s: Sentence, before: number): string | undefined {
  const t = s.tokens;
  // "In Dushanbe, …", "From Kabul, …": where the sentence stands.
  if (/^(?:in|from)$/i.test(t[0]?.text ?? '')) {
    for (const span of [3, 2, 1]) {
      if (span + 1 >= before) continue;
      const words = t.slice(1, 1 + span);
      const next = t[1 + span]?.text;
      if (next !== ',' || words.some((w) => !w.capitalised)) continue;
      const c = countryFor(words.map((w) => w.text).join(' '));
      if (c) return c;
    }
  }
  const found = new Set<string>();
  for (let k = 0; k + 1 < before; k++) {
    if (s.quoted[k]) continue;
    const c = t[k]!.capitalised ? countryFor(t[k]!.text) : undefined;
    const next = t[k + 1]!;
    if (c && !s.quoted[k + 1] && STATE_NOUNS.test(next.bare)) found.add(c);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The country the report is about: named in its title or text outside quotations at least three times,
 * and at least three times as often as any other ("Ghana" throughout, "China and France" once among the
 * creditors).
 */
function mainCountry(a: Analysis): string | undefined {
  const counts = new Map<string, number>();
  const count = (text: string) => {
    for (const c of countriesIn(text)) counts.set(c, (counts.get(c) ?? 0) + 1);
  };
  count(a.title);
  for (const s of a.sentences) count(maskQuotes(s.text));
  const [first, second] = [...counts].sort((x, y) => y[1] - x[1]);
  if (!first || first[1] < 3 || (second && first[1] < 3 * second[1])) return undefined;
  return first[0];
}

/** Names each credited national body with its country where the text settles which country it is. */
export function qualifyNationalBodies(a: Analysis): void {
  const done = new Set<Entity>();
  let main: string | undefined | null = null;
  for (const s of a.sentences) {
    for (const sp of s.speakers) {
      const e = sp.entity;
      if (!e || done.has(e) || !nationalBody(e)) continue;
      done.add(e);
      if (main === null) main = mainCountry(a);
      const country = sentenceCountry(s, sp.subject?.from ?? sp.verb) ?? main;
      if (country) e.name = `${country}'s ${e.name.replace(/^the\s+/i, '')}`;
    }
  }
}
