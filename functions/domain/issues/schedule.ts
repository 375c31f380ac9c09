// Scheduled digests: one issue per topic, cohort and period (a day, or an ISO week), whatever the
// number of times the schedule fires; the dispatcher skips it when nothing is new for that cohort.
import type { Frequency } from '../subscribers/types';
import { type RequestPorts, requestIssue } from './request';

export type DigestFrequency = Extract<Frequency, 'daily' | 'weekly'>;

/** `2025-12-02` for daily, `2025-W49` for weekly (ISO 8601 week, UTC). */
export function periodKey(frequency: DigestFrequency, at: Date): string {
  const day = at.toISOString().slice(0, 10);
  if (frequency === 'daily') return day;
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export async function requestScheduledDigests(
  ports: RequestPorts,
  topics: readonly { id: string }[],
  frequency: DigestFrequency,
): Promise<Array<{ id: string; created: boolean }>> {
  const at = ports.clock.now();
  const ids: Array<{ id: string; created: boolean }> = [];
  for (const topic of topics) {
    const { issue, created } = await requestIssue(
      ports,
      `schedule:${topic.id}:${frequency}:${periodKey(frequency, at)}`,
      {
        topic: topic.id,
        kind: 'digest',
        frequencies: [frequency],
      },
    );
    ids.push({ id: issue.id, created });
  }
  return ids;
}
