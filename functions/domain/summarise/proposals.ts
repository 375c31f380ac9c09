// Named proposals (the 28-point plan, revised 19- or 20-point frameworks, "the updated framework") and
// what a report says happened to them: proposed, revised, accepted, rejected or under discussion.
import { findDates } from './dates';
import { wordCount } from './text';

export type ProposalState = 'accepted' | 'rejected' | 'revised' | 'proposed' | 'under discussion';

export interface ProposalMention {
  /** Stable identity across reports: "28-point" or "framework". */
  key: string;
  name: string;
  status: ProposalState;
  /** YYYY-MM-DD: a date in the same sentence, else the publication date. */
  changedAt: string;
  /** The sentence that reported it, when it reads as one line (never cut). */
  detail?: string;
}

const NUMBERED = /\b(\d{1,2})-point\s+(?:peace\s+)?(plan|framework|proposal|draft|document|agreement)\b/gi;
const UNNUMBERED =
  /\b(?:updated|refined|revised|amended|new|latest)(?:\s+and\s+\w+)?\s+(?:version of the\s+)?(?:U\.S\.-Ukraine\s+|US-Ukraine\s+|peace\s+)*(framework|plan)\b/gi;

const STATUS: Array<[ProposalState, RegExp]> = [
  ['rejected', /\b(rejected|rejects|refused|dismissed|ruled out)\b/i],
  ['accepted', /\b(accepted|accepts|signed|approved|endorsed|agreed to)\b/i],
  [
    'revised',
    /\b(revised|revisions?|updated|refined|amended|changes|reworked|redrafted|new draft|replac\w+|cut to)\b/i,
  ],
  ['proposed', /\b(unveiled|presented|proposed|drafted|delivered|handed|put forward|original)\b/i],
  ['under discussion', /\b(discuss\w*|talks on|working on|negotiat\w+|circulat\w+|present \w+ with)\b/i],
];
const NEGATION = /\b(no|not|denied|never|without)\b/i;
const RANK: Record<ProposalState, number> = {
  accepted: 5,
  rejected: 5,
  revised: 3,
  proposed: 2,
  'under discussion': 1,
};

export function findProposals(sentences: readonly string[], published: Date): ProposalMention[] {
  const best = new Map<string, ProposalMention>();
  const pubDate = published.toISOString().slice(0, 10);
  for (const sentence of sentences) {
    const found: Array<{ key: string; name: string; prefix: string }> = [];
    for (const m of sentence.matchAll(NUMBERED)) {
      const kind = m[2]!.toLowerCase() === 'framework' ? 'framework' : 'plan';
      found.push({ key: `${m[1]}-point`, name: `${m[1]}-point ${kind}`, prefix: sentence.slice(0, m.index) });
    }
    if (found.length === 0) {
      for (const m of sentence.matchAll(UNNUMBERED)) {
        found.push({ key: 'framework', name: 'peace framework', prefix: sentence.slice(0, m.index) });
      }
    }
    for (const f of found) {
      const status = statusOf(sentence);
      if (!status) continue;
      const dated = findDates(sentence, published).find((d) => d.date.length === 10)?.date ?? pubDate;
      const mention: ProposalMention = {
        key: f.key,
        name: f.name,
        status,
        changedAt: dated,
        ...(wordCount(sentence) <= 40 ? { detail: sentence } : {}),
      };
      const previous = best.get(f.key);
      if (!previous || RANK[status] > RANK[previous.status]) best.set(f.key, mention);
    }
  }
  return [...best.values()];
}

function statusOf(sentence: string): ProposalState | undefined {
  for (const [state, re] of STATUS) {
    const m = re.exec(sentence);
    if (!m) continue;
    const before = sentence.slice(Math.max(0, (m.index ?? 0) - 25), m.index);
    if ((state === 'accepted' || state === 'rejected') && NEGATION.test(before)) continue;
    return state;
  }
  return 'under discussion';
}
