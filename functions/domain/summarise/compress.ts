// Sentence compression for the word budget: each level drops more of what a summary can lose while
// the sentence still reads as a sentence (openers, asides, appositives, reporting frames, trailing
// participles). Rules are syntactic, not tied to any report, and never cut inside a quotation.

export type CompressionLevel = 1 | 2 | 3;

const OPENER =
  /^(?:Meanwhile|However|Separately|Earlier|Later|In addition|Also|Still|Instead|Moreover|Nevertheless|Indeed|Notably|Now|Then|Yet|Minutes later|Hours later|Days later|At the same time|In a statement|On the other hand),\s+/i;

/** Words that can follow an appositive's closing comma: the sentence's verb, or the next list item. */
const AFTER_APPOSITIVE =
  /^(?:and|is|are|was|were|has|have|had|said|says|told|will|would|could|can|may|might|met|held|led|called|wrote|added|arrived|travell?ed|plans?|expects?|due|which|who)\b/;

/** Participles that open a trailing comment on the main clause ("…, claiming that…"). */
const TRAILING_PARTICIPLE =
  /,\s+(?:claiming|adding|saying|citing|having|noting|calling|arguing|insisting|stressing|according to)\b[^"“”]*(?=[.!?]$)/;

export function compress(sentence: string, level: CompressionLevel): string {
  // Quotations are masked (their marks kept) so no rule can cut inside one.
  const quotes: string[] = [];
  const masked = sentence.replace(/"[^"]*"|“[^”]*”/g, (q) => {
    quotes.push(q.slice(1, -1));
    return `${q[0]}\uE000${quotes.length - 1}\uE001${q.at(-1)}`;
  });
  const out = compressMasked(masked, level);
  return out.replace(/\uE000(\d+)\uE001/g, (_, i: string) => quotes[Number(i)]!);
}

function compressMasked(sentence: string, level: CompressionLevel): string {
  let s = sentence.replace(OPENER, '');
  s = s.replace(/\s+[—–]\s+[^"“”—–]*?(?=[.!?]?$)/, '');
  s = s.replace(/,\s+citing [^,"“”]+(?=[.!?]$)/, '');
  s = s.replace(/,\s+(?:however|meanwhile|though|too|also|in turn),(?=\s)/gi, '');
  if (level >= 2) {
    s = s.replace(/\s*\([^)]*\)/g, '');
    // Only asides closed by a comma: a clause at the end of a sentence often carries the news.
    s = s.replace(/,\s+(?:which|who|whose)\s+[^,"“”]+,/g, '');
    s = s.replace(/\s+as part of [^,;"“”]+?(?=[,;]|[.!?]$)/g, '');
    s = s.replace(
      /,\s+(?:originally|initially|first|once|previously|already|recently|long|widely|also)\s+[^,"“”]+,(?=\s)/g,
      '',
    );
    s = dropAppositives(s);
  }
  if (level === 3) {
    s = s.replace(/,\s+(?:which|who)\s+[^"“”]+(?=[.!?]$)/, '');
    // "…for ending the war, a plan that has raised concern in Kyiv." A closing comment on the object.
    s = s.replace(/,\s+(?:a|an)\s+\p{Ll}+\s+(?:that|which)\s+[^"“”]+(?=[.!?]$)/u, '');
    s = s.replace(TRAILING_PARTICIPLE, '');
    // "…, as Putin attended a forum." A trailing "as" clause is background to the main clause.
    s = s.replace(/,\s+as\s+(?!well\b|part\b|a result\b|expected\b)[^"“”]+(?=[.!?]$)/, '');
    // "…, Reuters reported on Dec. 20." The outlet matters less than the news in a 70-word budget.
    s = s.replace(/,\s+(?:[\p{Lu}][^,"“”]{0,40}\s)?(?:reported|reports)(?:\s+on\s+[^,"“”]+)?(?=[.!?]$)/u, '');
    // "Axios journalist X reported on Dec. 2 that after…": keep the reported clause.
    s = s.replace(
      /(^|,\s+(?:but|and|while)\s+)(?:[\p{Lu}][^,"“”]{0,50}?\s)?(?:reported|reports)(?:\s+on\s+\p{Lu}[\p{L}.]*\s+\d{1,2})?\s+that\s+/u,
      '$1',
    );
    // "…joined by Jared Kushner, the son-in-law of Donald Trump." A closing description of a name.
    s = s.replace(/(\p{Lu}[\p{L}'’-]+),\s+(?:the|a|an)\s+[^,"“”]+(?=[.!?]$)/u, '$1');
    // "…on the U.S. plan, after earlier drafts drew criticism." Background hung on the end.
    s = s.replace(/,\s+(?:after|though|although|while|whereas)\s+[^"“”]+(?=[.!?]$)/, '');
    // "Trump's son-in-law Jared Kushner" → "Jared Kushner": a possessive role before a full name.
    s = s.replace(
      /(?<![\p{L}.])(?:(?:U\.S\.|\p{Lu}[\p{L}-]+)\s+)*\p{Lu}[\p{L}-]+'s\s+(?:[\p{Ll}-]+\s+){1,3}(?=\p{Lu}[\p{L}-]+\s+\p{Lu}[\p{L}-]+)/gu,
      '',
    );
    // A leading time clause without names ("Before the trip, …").
    s = s.replace(
      /^(?:Before|After|Following|During|Since)\s+(?:the|this|that|his|her|their)\s+[^,"“”\p{Lu}]{1,40},\s+/u,
      '',
    );
  }
  s = s.trim();
  if (!/[.!?"”]$/.test(s)) s += '.';
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * "Rustem Umerov, the secretary of Ukraine's Security Council, and…" → "Rustem Umerov and…". Only a
 * phrase that reads as a description (opens with an article, or ends with a lower-case role word)
 * between a name and a verb or "and"; a list of names stays intact.
 */
function dropAppositives(sentence: string): string {
  const pattern = /(\p{Lu}[\p{L}'’-]+),\s+([^,"“”]{3,80}?),\s+/uy;
  let s = sentence;
  for (let at = 0; at < s.length; at++) {
    if (!/\p{Lu}/u.test(s[at]!) || (at > 0 && /[\p{L}'’-]/u.test(s[at - 1]!))) continue;
    pattern.lastIndex = at;
    const m = pattern.exec(s);
    if (!m) continue;
    const phrase = m[2]!;
    const rest = s.slice(at + m[0].length);
    const article = /^(?:the|a|an)\s/.test(phrase);
    const described = article || /\s\p{Ll}[\p{L}-]*$/u.test(phrase);
    const clause = /\b(?:said|says|told)\b/.test(phrase) || (!article && /\b(?:and|or)\b/.test(phrase));
    if (!AFTER_APPOSITIVE.test(rest) || !described || clause) continue;
    // "…and Umerov, Ukraine's negotiator, which both sides…": the relative clause keeps its comma.
    s = `${s.slice(0, at)}${m[1]}${/^(?:which|who)\b/.test(rest) ? ', ' : ' '}${rest}`;
  }
  return s;
}
