// Small text helpers every extractor shares: normalisation, word counts, content tokens and shingles.
// Kept dependency-free so the summariser stays pure and deterministic.

const STOPWORDS = new Set(
  (
    'a an the and or but of to in on at for with by from as is are was were be been being that this these those ' +
    'it its he she they them his her their we our you your i me my not no so than then there here which who whom ' +
    'whose what when where why how also has have had do does did will would could should may might can about into ' +
    'over after before during while if up down out off said says say told s'
  ).split(' '),
);

/** Straight quotes, unified dashes and spaces: the form every extractor reads. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ');
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Lower-case word tokens without punctuation; possessive 's dropped. */
export function words(text: string): string[] {
  return (
    normaliseText(text)
      .toLowerCase()
      .replace(/'s\b/g, '')
      .match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? []
  );
}

export function contentTokens(text: string): string[] {
  return words(text)
    .flatMap((w) => w.split('-'))
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
}

/** A very light stemmer: enough to match "talks"/"talk", "agreed"/"agree". */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  return word.replace(/(?:ies|es|s|ed|ing|ly)$/, '') || word;
}

/** Word n-gram shingles of the normalised text (the basis of near-duplicate detection). */
export function shingles(text: string, size = 3): Set<string> {
  const tokens = words(text);
  const out = new Set<string>();
  for (let i = 0; i + size <= tokens.length; i++) out.add(tokens.slice(i, i + size).join(' '));
  if (out.size === 0 && tokens.length > 0) out.add(tokens.join(' '));
  return out;
}

export function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Share of the smaller set found in the larger: catches a shortened copy of a longer story. */
export function containment<T>(a: Set<T>, b: Set<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / small.size;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How a person is named again after the first mention: the surname ("Rubio"), but the whole name when it
 * ends in a regnal number ("Pope Leo XIV", "King Charles III"), which is no surname.
 */
export function shortName(name: string): string {
  const parts = name.split(/\s+/);
  return /^[IVXLC]+$/.test(parts.at(-1)!) ? name : parts.at(-1)!;
}

/** "…," he said / , she added, / and he told reporters: a reporting verb whose subject is a bare pronoun. */
export const ATTRIBUTION_PRONOUN =
  /(^|[,;:”"’]\s*|\b(?:and|but|as)\s+)(?:he|she|it|they)\s+(?=(?:later\s+|also\s+|then\s+)?(?:said|says|added|adds|told|tells|wrote|writes|noted|warned|argued|insisted|stressed|explained|continued|replied|answered|posted|declared|recalled)\b)/gi;

/** The line credits words to a bare "he" or "she" outside its quotations. */
export function attributedToPronoun(text: string): boolean {
  return new RegExp(ATTRIBUTION_PRONOUN.source, 'i').test(maskQuotes(text));
}

/** The text with the words of its quotations blanked out (marks and length kept): the reporter's words. */
export function maskQuotes(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"/g, (q) => `${q[0]}${' '.repeat(q.length - 2)}${q.at(-1)}`);
}
