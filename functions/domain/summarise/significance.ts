// How much a development matters: agreements, rejections, leaders' meetings and ceasefire steps score
// above commentary. The score decides between an instant alert and waiting for the digest.
import type { Significance } from '../developments/types';
import type { ActorMatcher } from './actors';

export const ALERT_THRESHOLD = 5;

const LEADER_ROLE = /^(President|Prime Minister|Chancellor)\b/;
const NEGATED = /\b(no|not|without|never|denied|deny|denies|n't|failed to|yet to)\b(?:\W+\w+){0,4}\W*$/i;

interface Rule {
  reason: string;
  weight: number;
  pattern: RegExp;
  /** Weight when the cue is negated ("no deal was agreed"); absent means the rule is skipped. */
  negatedWeight?: number;
  negatedReason?: string;
}

const RULES: Rule[] = [
  {
    reason: 'procedural agreement',
    weight: 2,
    pattern: /\bagreed (?:on|to) (?:the )?(?:next steps|formats?|continue|keep|meet|hold|further talks)\b/i,
  },
  {
    reason: 'agreement reached',
    weight: 6,
    pattern:
      /\b(signed|agreed (?:to|on|upon)(?! (?:the )?(?:next steps|formats?|continue|keep|meet|hold|further talks))|reached (?:an? )?(?:deal|agreement)|struck (?:a )?deal|peace deal (?:was )?(?:signed|reached))\b/i,
    negatedWeight: 2,
    negatedReason: 'talks ended without agreement',
  },
  {
    reason: 'proposal rejected',
    weight: 5,
    pattern: /\b(rejected|rejects|refused|ruled out|walked out|dismissed)\b/i,
  },
  {
    reason: 'ceasefire step',
    weight: 4,
    pattern: /\b(ceasefire|cease-fire|truce|prisoner (?:exchange|swap)|moratorium|energy strikes halt)\b/i,
  },
  {
    reason: 'proposal drafted or revised',
    weight: 4,
    pattern:
      /\b(drafted|revised|updated|refined|amended|new draft|unveiled|presented)\b[^.]{0,60}\b(plan|framework|proposal|draft|document)\b|\b\d+-point\b/i,
  },
  { reason: 'deadline', weight: 1, pattern: /\b(deadline|ultimatum|until (?:\w+\.? )?\d{1,2}\b)/i },
  {
    reason: 'commentary or analysis',
    weight: -3,
    pattern:
      /\b(analysts? (?:say|said|believe)|experts? (?:say|said|believe)|opinion|op-ed|commentary|column|analysis:|speculat\w*)\b/i,
  },
];

const MEETING = /\b(met|meet|meeting|talks|summit|call|called|phone|spoke|hosted|visit(?:ed)?)\b/i;

export function scoreSignificance(
  title: string,
  sentences: readonly string[],
  actors: ActorMatcher,
): Significance {
  const reasons = new Map<string, number>();
  const note = (reason: string, weight: number) => {
    reasons.set(reason, Math.max(reasons.get(reason) ?? Number.NEGATIVE_INFINITY, weight));
  };
  // The title and the lead carry the news; later sentences are often background.
  const lead = [title, ...sentences.slice(0, 4)];
  for (const text of lead) {
    for (const rule of RULES) {
      for (const m of text.matchAll(new RegExp(rule.pattern.source, 'gi'))) {
        const negated = NEGATED.test(text.slice(0, m.index ?? 0));
        if (!negated) note(rule.reason, rule.weight);
        else if (rule.negatedWeight !== undefined)
          note(rule.negatedReason ?? rule.reason, rule.negatedWeight);
      }
    }
    if (MEETING.test(text)) {
      // "Putin's envoy", "Trump's son-in-law": a possessive names a principal, not a participant.
      const hits = actors.find(text).filter((h) => !/^['’]s\b/.test(text.slice(h.end)));
      const people = [...new Set(hits.map((h) => h.actor))];
      const leaders = people.filter((a) => LEADER_ROLE.test(a.role));
      const sides = new Set(people.map((a) => a.side));
      if (leaders.length >= 2 && sides.size >= 2) note("leaders' meeting or call", 5);
      else if (leaders.length >= 1 && people.length >= 2 && sides.size >= 2)
        note('high-level meeting with a leader', 4);
      else if (people.length >= 2 && sides.size >= 2) note('negotiators met', 2);
    }
  }
  const score = [...reasons.values()].reduce((sum, w) => sum + w, 0);
  const ordered = [...reasons.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([r, w]) => `${r} (${w > 0 ? '+' : ''}${w})`);
  return { score, level: score >= ALERT_THRESHOLD ? 'alert' : 'digest', reasons: ordered };
}
