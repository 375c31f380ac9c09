// Where a paced delivery run's time goes: one run of the delivery benchmark's paced row, and a
// timeline of the sends as the SES stand-in saw them (its own clock): trigger to first send, first to
// last, sends in each second, the busiest sliding second, the longest gaps and the tail.
// `npx tsx bench/pacing.ts [subscribers=10000] [rate=500] [dump.json]`; also used by bench/delivery.ts.
import { writeFileSync } from 'node:fs';
import type { SendTrace, SendTraces } from '../functions/local/send-threads';
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

const quantiles = (values: number[]) => {
  const v = [...values].sort((a, b) => a - b);
  const q = (p: number) => round(v[Math.min(v.length - 1, Math.floor(p * v.length))] ?? Number.NaN, 1);
  return { n: v.length, p50: q(0.5), p90: q(0.9), p99: q(0.99), p999: q(0.999), max: q(1) };
};

/** A subscriber's k-th event of one list with its k-th of another (attempts come in order). */
function nth<T>(items: Iterable<T>, key: (item: T) => string) {
  const by = new Map<string, T[]>();
  for (const item of items) {
    const list = by.get(key(item)) ?? [];
    list.push(item);
    by.set(key(item), list);
  }
  return (subscriber: string, k: number) => by.get(subscriber)?.[k];
}

/**
 * How late each send reached SES against its slot, from the send threads' trace joined with the
 * stand-in's arrivals (a subscriber's k-th attempt with its k-th arrival): turn (turn − slot: the send
 * rate's own lateness), build (turn → request handed to the HTTP client: the copy, the SDK), wire
 * (handed over → stamped by the stand-in: the socket and the stand-in's loop) and in all. For each
 * throttled send: the accepted sends of the second before it, and the event loops' stalls in it.
 */
export function latenessOf(timeline: StandinTimeline, trace: SendTraces | undefined) {
  if (!trace) return undefined;
  const turnsOf = new Map<string, SendTrace[]>();
  for (const t of [...trace.traces].sort((a, b) => a.turnAt - b.turnAt)) {
    const list = turnsOf.get(t.subscriberId) ?? [];
    list.push(t);
    turnsOf.set(t.subscriberId, list);
  }
  const handoverOf = nth(
    [...trace.handovers].sort((a, b) => a[0] - b[0]),
    (h) => h[1],
  );
  const seen = new Map<string, number>();
  // Sends that left: a subscriber's k-th arrival is its k-th request handed over, of its latest turn
  // before then (a turn whose request would have left late sent nothing).
  const sends = [...timeline.arrivals]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([at, subscriber, throttled]) => {
      const k = seen.get(subscriber) ?? 0;
      seen.set(subscriber, k + 1);
      const handedAt = handoverOf(subscriber, k)?.[0];
      if (handedAt === undefined) return [];
      const turn = turnsOf.get(subscriber)?.findLast((t) => t.turnAt <= handedAt);
      return turn ? [{ at, handedAt, throttled: throttled === 1, ...turn }] : [];
    });
  const turnsPerSend = trace.traces.length / Math.max(1, trace.handovers.length);
  const during = (stalls: Array<[number, number]>, from: number, to: number) =>
    stalls.filter(([t, ms]) => t > from && t - ms <= to).map(([, ms]) => ms);
  const explain = sends
    .filter((s) => s.throttled)
    .slice(0, 10)
    .map((s) => {
      const window = sends.filter((o) => !o.throttled && o.at > s.at - 1000 && o.at <= s.at);
      const first = window[0];
      return {
        throttledLateMs: round(s.at - s.slot, 1),
        acceptedInSecondBefore: window.length,
        slotsSpannedMs: first ? round(s.slot - first.slot, 1) : undefined,
        firstOfSecond: first
          ? {
              lateMs: round(first.at - first.slot, 1),
              turnMs: round(first.turnAt - first.slot, 1),
              buildMs: round(first.handedAt - first.turnAt, 1),
              wireMs: round(first.at - first.handedAt, 1),
            }
          : undefined,
        lateOver20InSecond: window.filter((o) => o.at - o.slot > 20).length,
        standinStallsMs: during(timeline.stalls, s.at - 1000, s.at),
        senderStallsMs: first ? during(trace.stalls, first.slot, first.at) : [],
      };
    });
  const longest = (stalls: Array<[number, number]>) => ({
    count: stalls.length,
    longestMs: stalls
      .map(([, ms]) => ms)
      .sort((a, b) => b - a)
      .slice(0, 8),
  });
  return {
    joined: sends.length,
    /** Turns taken per request that left: above 1 by the sends not sent for leaving late (and retries). */
    turnsPerSend: round(turnsPerSend, 3),
    turnLateMs: quantiles(sends.map((s) => s.turnAt - s.slot)),
    buildMs: quantiles(sends.map((s) => s.handedAt - s.turnAt)),
    wireMs: quantiles(sends.map((s) => s.at - s.handedAt)),
    lateMs: quantiles(sends.map((s) => s.at - s.slot)),
    standinStalls: longest(timeline.stalls),
    senderStalls: longest(trace.stalls),
    throttled: explain,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 10_000);
  const rate = Number(process.argv[3] ?? 500);
  /** Where to write the raw timeline and traces (JSON), for a closer look. */
  const dump = process.argv[4];
  const [dynamo, standin] = await Promise.all([startEmulatorProcess('dynamo'), startStandin()]);
  try {
    const run = await digestRun(
      { dynamo: dynamo.url, standin },
      n,
      rate,
      {
        kind: 'standin',
        latencyMs: 40,
        rate,
      },
      { trace: true },
    );
    if (dump) {
      const { timeline, traces, enqueuedAt } = run;
      writeFileSync(dump, JSON.stringify({ timeline, traces, enqueuedAt }));
    }
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
        lateness: latenessOf(run.timeline, run.traces),
      })}\n`,
    );
  } finally {
    await Promise.all([dynamo.stop(), standin.stop()]);
  }
}
