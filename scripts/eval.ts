// `npm run eval -- [dir]`: measures the summariser on articles with known facts (NN-slug.txt plus
// NN-slug.facts.json) against a lead-3 baseline cut to the same number of words.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueFor } from '../functions/domain/developments/catalogue';
import { parseDevelopmentText } from '../functions/domain/developments/input';
import { splitSentences } from '../functions/domain/summarise/sentences';
import { summarise } from '../functions/domain/summarise/summarise';
import { contentTokens, normaliseText, wordCount, words } from '../functions/domain/summarise/text';

interface Facts {
  must_mention: string[];
  quotes: Array<[string, string]>;
  dates: string[];
}

/** A phrase counts when it appears verbatim or two thirds of its content words do. */
export function mentions(text: string, phrase: string): boolean {
  const flat = (s: string) => ` ${words(s).join(' ')} `;
  if (flat(text).includes(flat(phrase))) return true;
  const have = new Set(contentTokens(text));
  const need = [...new Set(contentTokens(phrase))];
  return need.length > 0 && need.filter((t) => have.has(t)).length / need.length >= 2 / 3;
}

export function sameSpeaker(ours: string | null, expected: string): boolean {
  if (!ours) return false;
  const a = new Set(contentTokens(ours));
  const b = new Set(contentTokens(expected.replace(/\(.*?\)/g, '')));
  const shared = [...a].filter((t) => b.has(t)).length;
  return shared > 0 && shared >= Math.min(a.size, b.size) / 2;
}

const dir = process.argv.slice(2).find((a) => a !== '--') ?? '../shared/eval/articles';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt') && existsSync(join(dir, f.replace(/\.txt$/, '.facts.json'))))
  .sort();
if (files.length === 0) {
  console.error(`No NN-slug.txt with NN-slug.facts.json in ${dir}`);
  process.exit(1);
}

const pct = (n: number, d: number) => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(0).padStart(4)}%`);
const totals = { mention: 0, mentionOf: 0, base: 0, quotes: 0, quotesOf: 0, dates: 0, datesOf: 0, words: 0 };

console.log('article                                            coverage  baseline  quotes  dates  words');
for (const file of files) {
  const input = parseDevelopmentText(readFileSync(join(dir, file), 'utf8'), file);
  const facts = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.facts.json')), 'utf8')) as Facts;
  const s = summarise(input, { catalogue: catalogueFor(input.topic) });
  const budget = wordCount(s.summary);
  const lead = splitSentences(input.body).slice(0, 3).join(' ').split(/\s+/).slice(0, budget).join(' ');

  const covered = facts.must_mention.filter((m) => mentions(s.summary, m)).length;
  const baseCovered = facts.must_mention.filter((m) => mentions(lead, m)).length;
  const norm = (t: string) => words(normaliseText(t)).join(' ');
  const quoteHits = facts.quotes.filter(([speaker, fragment]) => {
    const q = s.quotes.find(
      (q) => norm(q.text).includes(norm(fragment)) || norm(fragment).includes(norm(q.text)),
    );
    return q !== undefined && sameSpeaker(q.speaker, speaker);
  }).length;
  const expectedDates = facts.dates.map((d) => /^\d{4}-\d{2}-\d{2}/.exec(d)?.[0]).filter(Boolean) as string[];
  const dateHits = expectedDates.filter((d) => s.events.some((e) => e.date === d)).length;

  totals.mention += covered;
  totals.base += baseCovered;
  totals.mentionOf += facts.must_mention.length;
  totals.quotes += quoteHits;
  totals.quotesOf += facts.quotes.length;
  totals.dates += dateHits;
  totals.datesOf += expectedDates.length;
  totals.words += budget;
  console.log(
    `${file.slice(0, 50).padEnd(50)} ${pct(covered, facts.must_mention.length)}     ${pct(baseCovered, facts.must_mention.length)}    ${pct(quoteHits, facts.quotes.length)}  ${pct(dateHits, expectedDates.length)}  ${String(budget).padStart(5)}`,
  );
}
console.log(
  `${'TOTAL'.padEnd(50)} ${pct(totals.mention, totals.mentionOf)}     ${pct(totals.base, totals.mentionOf)}    ${pct(totals.quotes, totals.quotesOf)}  ${pct(totals.dates, totals.datesOf)}  ${String(Math.round(totals.words / files.length)).padStart(5)} avg`,
);
console.log(
  `\ncoverage = must_mention phrases in the headline summary; baseline = first 3 sentences cut to the same word count.\n` +
    `Summariser ${totals.mention > totals.base ? 'beats' : 'does NOT beat'} the lead-3 baseline on coverage at equal length ` +
    `(${totals.mention} vs ${totals.base} of ${totals.mentionOf}).`,
);
