// Where a paced delivery run's time goes: one run of the delivery benchmark's paced row, and a
// timeline of the sends as the SES stand-in saw them (its own clock): trigger to first send, first to
// last, sends in each second, the busiest sliding second, the longest gaps and the tail.
// `npx tsx bench/pacing.ts [subscribers=10000] [rate=500]`; also used by bench/delivery.ts.
import { digestRun, startStandin } from './delivery';
import { startEmulatorProcess } from './processes';
import type { StandinTimeline } from './ses-standin';
import { round } from './support';

export function pacingOf(timeline: StandinTimeline, rate: number) {
  const at = [...timeline.accepted].sort((a, b) => a - b);
  const first = at[0] ?? 0;
  const last = at.at(-1) ?? 0;
  const perSecond: number[] = [];
  for (const t of at) {
    const second = Math.floor((t - first) / 1000);
    perSecond[second] = (perSecond[second] ?? 0) + 1;
  }
  let busiest = 0;
  for (let i = 0, j = 0; j < at.length; j++) {
    while (at[j]! - at[i]! >= 1000) i++;
    busiest = Math.max(busiest, j - i + 1);
  }
  const gaps = at
    .slice(1)
    .map((t, i) => ({ afterSend: i + 1, atMs: round(at[i]! - first), gapMs: round(t - at[i]!, 1) }))
    .sort((a, b) => b.gapMs - a.gapMs)
    .slice(0, 8);
  const tailFrom = at[Math.max(0, at.length - Math.ceil(rate / 2))] ?? last;
  return {
    triggerToFirstMs: timeline.markAt ? round(first - timeline.markAt) : undefined,
    firstToLastMs: round(last - first),
    idealMs: round((at.length / rate) * 1000),
    perSecond: Array.from(perSecond, (c) => c ?? 0),
    /** The ramp: sends in each tenth of a second of the first three after the trigger. */
    rampPerTenth: timeline.markAt
      ? Array.from({ length: 30 }, (_, i) => {
          const from = timeline.markAt + i * 100;
          return at.filter((t) => t >= from && t < from + 100).length;
        })
      : [],
    busiestSlidingSecond: busiest,
    longestGaps: gaps,
    /** How long the last R/2 sends took (half a second at the rate). */
    lastHalfSecondOfSendsMs: round(last - tailFrom),
    throttledAtMs: timeline.throttled.map((t) => round(t - first)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 10_000);
  const rate = Number(process.argv[3] ?? 500);
  const [dynamo, standin] = await Promise.all([startEmulatorProcess('dynamo'), startStandin()]);
  try {
    const run = await digestRun({ dynamo: dynamo.url, standin }, n, rate, {
      kind: 'standin',
      latencyMs: 40,
      rate,
    });
    process.stdout.write(
      `${JSON.stringify({
        sent: run.sent,
        duplicates: run.duplicates,
        throttled: run.throttleErrors,
        ratio: round(run.spanSeconds / (n / rate), 3),
        cpuMsPerSend: round(run.cpuMsPerSend, 2),
        maxInFlight: run.maxInFlight,
        storeCallsPerSend: round(run.storeCallsPerSend, 2),
        enqueuedMs: [run.enqueuedAt[0], run.enqueuedAt.at(-1)].map((t) => round(t ?? 0)),
        ...pacingOf(run.timeline, rate),
      })}\n`,
    );
  } finally {
    await Promise.all([dynamo.stop(), standin.stop()]);
  }
}
