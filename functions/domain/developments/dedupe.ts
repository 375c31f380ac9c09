// One story, many outlets: a report whose text is a near copy of one already stored (syndicated wire
// copy, a shortened or lightly edited version) merges into it instead of becoming a second item.
import { createHash } from 'node:crypto';
import { containment, contentTokens, jaccard, shingles, words } from '../summarise/text';
import type { Development } from './types';

export const NEAR_DUPLICATE_JACCARD = 0.5;
export const NEAR_DUPLICATE_CONTAINMENT = 0.7;

/** Hash of the normalised words: the same text with other punctuation, quotes or spacing matches. */
export function contentHashOf(body: string): string {
  return createHash('sha256').update(words(body).join(' ')).digest('base64url');
}

export function similarity(a: { title: string; body: string }, b: { title: string; body: string }) {
  const sa = shingles(a.body);
  const sb = shingles(b.body);
  return {
    jaccard: jaccard(sa, sb),
    containment: Math.min(sa.size, sb.size) >= 15 ? containment(sa, sb) : 0,
    title: jaccard(new Set(contentTokens(a.title)), new Set(contentTokens(b.title))),
  };
}

export function isNearDuplicate(
  a: { title: string; body: string },
  b: { title: string; body: string },
): boolean {
  const s = similarity(a, b);
  return (
    s.jaccard >= NEAR_DUPLICATE_JACCARD ||
    s.containment >= NEAR_DUPLICATE_CONTAINMENT ||
    // A rewrite under a near-identical headline that still shares a good part of its wording.
    (s.title >= 0.6 && s.jaccard >= 0.25)
  );
}

export function findNearDuplicate(
  incoming: { title: string; body: string },
  candidates: readonly Development[],
): Development | undefined {
  let best: { dev: Development; score: number } | undefined;
  for (const dev of candidates) {
    if (!isNearDuplicate(incoming, dev)) continue;
    const score = similarity(incoming, dev).jaccard;
    if (!best || score > best.score) best = { dev, score };
  }
  return best?.dev;
}
