// The story so far for one topic: a running, de-duplicated timeline across every development, and the
// latest status of each named proposal with the date it last changed.
import type { ProposalMention } from '../summarise/proposals';
import { contentTokens, jaccard } from '../summarise/text';
import type { Development, ProposalStatus, StateOfPlay, TimelineEvent } from './types';

export const TIMELINE_LIMIT = 300;

export function emptyStateOfPlay(topic: string, at: string): StateOfPlay {
  return { topic, timeline: [], proposals: [], updatedAt: at };
}

/** Fold one development's events and proposal mentions into the topic's state. Idempotent. */
export function foldStateOfPlay(
  state: StateOfPlay,
  development: Pick<Development, 'id' | 'publishedAt'> & { summary: { events: TimelineEvent[] } },
  proposals: readonly ProposalMention[],
  at: string,
): StateOfPlay {
  const timeline = [...state.timeline];
  for (const event of development.summary.events) {
    if (timeline.some((existing) => sameEvent(existing, event))) continue;
    timeline.push({ ...event, developmentId: development.id });
  }
  timeline.sort((a, b) => a.date.localeCompare(b.date) || a.developmentId.localeCompare(b.developmentId));

  const byKey = new Map(state.proposals.map((p) => [p.key ?? p.name, p]));
  for (const mention of proposals) {
    const current = byKey.get(mention.key);
    const next: ProposalStatus = {
      key: mention.key,
      name: mention.name,
      status: mention.status,
      changedAt: mention.changedAt,
      detail: mention.detail,
      developmentId: development.id,
    };
    if (!current || supersedes(mention, current)) byKey.set(mention.key, next);
  }
  return {
    topic: state.topic,
    timeline: timeline.slice(-TIMELINE_LIMIT),
    proposals: [...byKey.values()].sort((a, b) => b.changedAt.localeCompare(a.changedAt)),
    updatedAt: at,
  };
}

/** How far along a proposal is: a later report retelling the original draft is not a step back. */
const STAGE: Record<string, number> = {
  proposed: 1,
  'under discussion': 1,
  revised: 2,
  accepted: 3,
  rejected: 3,
};

/**
 * Proposal statuses only move forward in time: a mention dated before the current status never
 * replaces it (an old report ingested late cannot turn "revised on 30 Nov" back into "24 Nov"). A later
 * mention replaces it unless it is an earlier stage (a retelling of the original draft); on the same
 * day the further stage wins.
 */
export function supersedes(
  mention: Pick<ProposalStatus, 'status' | 'changedAt'>,
  current: Pick<ProposalStatus, 'status' | 'changedAt'>,
): boolean {
  if (mention.changedAt < current.changedAt) return false;
  const now = STAGE[mention.status] ?? 1;
  const was = STAGE[current.status] ?? 1;
  if (mention.changedAt === current.changedAt) return now > was;
  return now >= was;
}

/** Two reports of one happening: same day, and the same place, people or much the same words. */
export function sameEvent(a: TimelineEvent, b: TimelineEvent): boolean {
  if (a.date !== b.date) return false;
  const words = jaccard(new Set(contentTokens(a.description)), new Set(contentTokens(b.description)));
  if (words >= 0.5) return true;
  if (a.place && a.place === b.place && a.kind === b.kind) return true;
  if (a.kind !== b.kind || a.participants.length === 0) return false;
  const shared = a.participants.filter((p) => b.participants.includes(p)).length;
  return shared >= Math.min(a.participants.length, b.participants.length) && shared >= 2;
}
