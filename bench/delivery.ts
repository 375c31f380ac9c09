// Delivery benchmark: one digest to N confirmed subscribers through the whole local stack (signed
// POST /webhooks/send → dispatcher → send queue → senders → SES). Every send goes through an SES
// stand-in in its own process (bench/ses-standin.ts) that observes it, whichever thread sent it:
// - paced: MAX_SEND_RATE=R, the stand-in refusing sends beyond R in any sliding second as SES does
//   (so pacing mistakes show up as throttle errors), in front of the SES emulator, or answering itself
//   after a fixed latency when the emulator cannot take R sends a second (it parses every message);
// - no-op: no cap, the stand-in answering at once: emails/s and CPU per email are Talkwatch's own;
// - emulator: no cap, into the SES emulator, compared with raw SendRawEmail calls at the same
//   concurrency to name the bottleneck.
// dynalite and the SES emulator run in their own processes, as DynamoDB and SES are other machines.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { previewContent } from '../emails/preview-data';
import { renderIssueTemplate } from '../emails/render';
import { buildMime } from '../functions/adapters/ses/ses-mailer';
import { LOCAL_CREDENTIALS, type LocalStack, startLocalStack } from '../functions/local/stack';
import { pacingOf } from './pacing';
import { runChild, startEmulatorProcess } from './processes';
import type { StandinMode, StandinStats, StandinTimeline } from './ses-standin';
import {
  countStoreCalls,
  mainThreadCpuMs,
  note,
  rawStoreOpsPerSecond,
  round,
  seedSubscribers,
  signedHeaders,
  sleep,
} from './support';

const SES_LATENCY_MS = 40;

export async function startStandin() {
  const handle = runChild<{ url: string }>('ses-standin.ts');
  const { url } = await handle.ready;
  return {
    url,
    stop: handle.stop,
    async mode(mode: StandinMode) {
      await fetch(`${url}/__bench/mode`, { method: 'POST', body: JSON.stringify(mode) });
    },
    async stats(): Promise<StandinStats> {
      return (await fetch(`${url}/__bench/stats`)).json() as Promise<StandinStats>;
    },
    /** Notes the trigger on the stand-in's clock, so the timeline says how long before the first send. */
    async mark() {
      await fetch(`${url}/__bench/mark`, { method: 'POST' });
    },
    async timeline(): Promise<StandinTimeline> {
      return (await fetch(`${url}/__bench/timeline`)).json() as Promise<StandinTimeline>;
    },
  };
}
type Standin = Awaited<ReturnType<typeof startStandin>>;

interface Endpoints {
  dynamo: string;
  /** The stand-in, set to the mode the run wants. */
  standin: Standin;
}

export async function digestRun(
  endpoints: Endpoints,
  n: number,
  rate: number,
  mode: StandinMode,
  options: { trace?: boolean } = {},
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'talkwatch-bench-'));
  let stack: LocalStack | undefined;
  const close = async () => {
    await stack?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await endpoints.standin.mode(mode);
    stack = await startLocalStack({
      ...(options.trace ? { traceSends: true } : {}),
      env: {
        ...process.env,
        PORT: '0',
        SES_PORT: '0',
        DYNAMODB_PORT: '0',
        DATA_DIR: dataDir,
        MAX_SEND_RATE: String(rate),
        // The sender on every core (the local default), as several send functions would run in AWS.
        SEND_THREADS: process.env.SEND_THREADS ?? 'auto',
        LOG_LEVEL: 'ERROR',
        TABLE_NAME: `bench-${randomUUID().slice(0, 8)}`,
        DYNAMODB_ENDPOINT: endpoints.dynamo,
        SES_ENDPOINT: endpoints.standin.url,
        AWS_ACCESS_KEY_ID: undefined,
      },
    });
    const { config } = stack;
    await seedSubscribers(stack.dynamo, config.TABLE_NAME, n);
    const body = JSON.stringify({
      topic: 'us-russia-ukraine',
      kind: 'digest',
      since: '2000-01-01T00:00:00Z',
    });
    // The send threads are up before the issue is sent, so none of it is sent on the main thread.
    const threads = await stack.sendThreads;
    const store = countStoreCalls(stack.dynamo);
    const threadCallsBefore = (await threads?.storeRequests()) ?? 0;
    const cpu = process.cpuUsage();
    const mainCpu = mainThreadCpuMs();
    // When each recipient batch was enqueued, ms after the trigger (this process's clock).
    const enqueuedAt: number[] = [];
    const enqueue = stack.queues.send.send.bind(stack.queues.send);
    stack.queues.send.send = (messages) => {
      enqueuedAt.push(performance.now() - triggeredAt);
      return enqueue(messages);
    };
    await endpoints.standin.mark();
    const triggeredAt = performance.now();
    const res = await fetch(`${stack.appUrl}/webhooks/send`, {
      method: 'POST',
      body,
      headers: signedHeaders(body, config.WEBHOOK_SECRET_SEND[0]!),
    });
    if (res.status !== 202)
      throw new Error(`POST /webhooks/send answered ${res.status}: ${await res.text()}`);
    const { issueId } = (await res.json()) as { issueId: string };
    // Generous: the local emulators, not the cap, may set the pace (at least 10 emails/s assumed).
    const deadline = Date.now() + Math.max(120_000, (n / rate) * 3000, n * 100);
    for (let poll = 1; ; poll++) {
      // The stand-in (its own process) tells when every reader has been mailed; the app's status, whose
      // route and store reads run in this process and so counted as the sender's CPU (a few hundredths
      // of a ms an email at four polls a second), is asked then, or every 2 s should a run end short.
      if (poll % 8 !== 0 && Date.now() < deadline && (await endpoints.standin.stats()).distinct < n) {
        await sleep(250);
        continue;
      }
      const status = await fetch(`${stack.appUrl}/issues/${issueId}`, {
        headers: { authorization: `Bearer ${config.ADMIN_TOKEN}` },
      }).then((r) => r.json() as Promise<{ status: string; counts: Record<string, number> }>);
      if (status.status === 'sent' || status.status === 'failed') break;
      if (Date.now() > deadline) throw new Error(`issue still ${status.status} after the deadline`);
      await sleep(250);
    }
    await stack.queues.send.idle();
    // Dispatch, claims, MIME, SDK calls, on every thread of this process; the emulators run elsewhere.
    const used = process.cpuUsage(cpu);
    const mainCpuMs = (mainThreadCpuMs() ?? Number.NaN) - (mainCpu ?? Number.NaN);
    const storeCalls = store.calls + ((await threads?.storeRequests()) ?? 0) - threadCallsBefore;
    const seen = await endpoints.standin.stats();
    const timeline = await endpoints.standin.timeline();
    const traces = options.trace ? await threads?.traces() : undefined;
    const table = config.TABLE_NAME;
    await close();
    return {
      sent: seen.accepted,
      distinct: seen.distinct,
      duplicates: seen.duplicates,
      throttleErrors: seen.throttled,
      spanSeconds: (seen.lastAt - seen.firstAt) / 1000,
      maxInFlight: seen.maxInFlight,
      storeCallsPerSend: storeCalls / Math.max(1, seen.accepted),
      /** Main-thread store requests by operation (all of them when the sender runs on the main thread). */
      mainThreadOperations: store.operations,
      sendThreads: threads?.count ?? 0,
      table,
      cpuMsPerSend: (used.user + used.system) / 1000 / Math.max(1, seen.accepted),
      /** The main thread's part of it (dispatch, queue, status polls; NaN where /proc is missing). */
      mainThreadCpuMsPerSend: mainCpuMs / Math.max(1, seen.accepted),
      timeline,
      traces,
      enqueuedAt,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A digest's HTML as the dispatcher renders it, so the raw emulator run sends messages of that size. */
export async function digestHtml(): Promise<string> {
  const content = previewContent('digest');
  const template = await renderIssueTemplate({
    issueId: 'bench-raw',
    kind: 'digest',
    frequencies: ['daily'],
    archiveUrl: 'https://talkwatch.example/archive/bench-raw',
    content,
  });
  return template.html;
}

/** The emulator alone: `n` raw SendRawEmail calls of a digest-sized message at `concurrency`. */
async function rawEmulator(endpoint: string, n: number, concurrency: number, html: string) {
  const client = new SESClient({
    endpoint,
    region: 'eu-west-1',
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  // One message built once: the client's own work stays out of the emulator's figure.
  const raw = await buildMime({
    from: 'Talkwatch <alerts@talkwatch.example>',
    to: 'raw@raw.example.org',
    subject: 'Raw emulator ceiling',
    html,
    text: 'raw',
  });
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next++;
        await client.send(new SendRawEmailCommand({ RawMessage: { Data: raw } }));
      }
    }),
  );
  return n / ((performance.now() - start) / 1000);
}

export async function benchDelivery(options: { subscribers: number; rate: number }) {
  const n = options.subscribers;
  const [dynamo, ses, standin] = await Promise.all([
    startEmulatorProcess('dynamo'),
    startEmulatorProcess('ses'),
    startStandin(),
  ]);
  const endpoints = { dynamo: dynamo.url, standin };
  try {
    const probeHtml = 'x'.repeat(11_000);
    const probe = await rawEmulator(ses.url, Math.min(n, 1000), 128, probeHtml);
    const useStandin = probe < options.rate * 1.2;
    const mailer = useStandin ? `SES stand-in (emulator takes ~${round(probe)}/s)` : 'SES emulator';
    const paced: StandinMode = useStandin
      ? { kind: 'standin', latencyMs: SES_LATENCY_MS, rate: options.rate }
      : { kind: 'forward', target: ses.url, rate: options.rate };
    note(
      `delivery: ${n} subscribers at MAX_SEND_RATE=${options.rate} with an SES-like enforcer, into the ${mailer}`,
    );
    const capped = await digestRun(endpoints, n, options.rate, paced);
    const pacing = pacingOf(capped.timeline, options.rate);
    const storeOps = await rawStoreOpsPerSecond(dynamo.url, capped.table, 50, 3);
    if (capped.distinct !== n)
      throw new Error(`delivery: ${capped.distinct} of ${n} subscribers were mailed`);

    // When this machine cannot keep up with R (the local store's ceiling, or the sender's own CPU per
    // email, spread over as many cores as there are send threads), pacing is also checked at half the
    // rate it can sustain.
    const senderCores = Math.max(1, Math.min(capped.sendThreads, availableParallelism()));
    const sustainable = Math.max(
      5,
      Math.floor(
        0.5 *
          Math.min(
            storeOps / Math.max(1, capped.storeCallsPerSend),
            (senderCores * 1000) / capped.cpuMsPerSend,
          ),
      ),
    );
    let atSustainable: { rate: number; ratio: number; throttled: number; duplicates: number } | undefined;
    if (sustainable < options.rate && capped.spanSeconds > (n / options.rate) * 1.05) {
      const m = Math.min(n, sustainable * 20);
      note(`delivery: ${m} subscribers at MAX_SEND_RATE=${sustainable}, a rate the local store sustains`);
      const run = await digestRun(endpoints, m, sustainable, { ...paced, rate: sustainable });
      atSustainable = {
        rate: sustainable,
        ratio: run.spanSeconds / (m / sustainable),
        throttled: run.throttleErrors,
        duplicates: run.duplicates,
      };
    }

    note(`delivery: ${n} subscribers with no rate cap, into a no-op SES stand-in`);
    const noop = await digestRun(endpoints, n, 100_000, { kind: 'noop' });
    if (noop.distinct !== n) throw new Error(`delivery: ${noop.distinct} of ${n} mailed into the no-op`);

    note(`delivery: ${n} subscribers with no rate cap, into the SES emulator`);
    const uncapped = await digestRun(endpoints, n, 100_000, { kind: 'forward', target: ses.url });
    if (uncapped.distinct !== n) throw new Error(`delivery: ${uncapped.distinct} of ${n} mailed uncapped`);
    const uncappedSendsPerSecond = uncapped.sent / uncapped.spanSeconds;
    const concurrency = Math.max(1, uncapped.maxInFlight);
    note(`delivery: the emulator alone, raw SendRawEmail at concurrency ${concurrency}`);
    const raw = await rawEmulator(ses.url, Math.min(n, 3000), concurrency, await digestHtml());
    return {
      deliverySubscribers: n,
      deliveryRate: options.rate,
      deliveryMailer: mailer,
      deliveryRatio: round(capped.spanSeconds / (n / options.rate), 3),
      deliverySeconds: round(capped.spanSeconds, 1),
      // Not in the ratio (first to last send): from the signed request to the first email SES accepted.
      deliveryFirstSendAfterSeconds:
        pacing.triggerToFirstMs === undefined ? undefined : round(pacing.triggerToFirstMs / 1000, 2),
      // Emails SES accepted in each second from the first, and in the busiest sliding second.
      deliveryPerSecond: pacing.perSecond,
      deliveryBusiestSecond: pacing.busiestSlidingSecond,
      deliveryCpuMsPerSend: round(capped.cpuMsPerSend, 2),
      deliveryStoreCallsPerSend: round(capped.storeCallsPerSend, 2),
      deliveryStoreOpsPerSecond: round(storeOps),
      throttleErrors: capped.throttleErrors + (atSustainable?.throttled ?? 0),
      throttleErrorsAtFullRate: capped.throttleErrors,
      duplicates:
        capped.duplicates + noop.duplicates + uncapped.duplicates + (atSustainable?.duplicates ?? 0),
      ...(atSustainable
        ? {
            deliverySustainableRate: atSustainable.rate,
            deliveryRatioSustainable: round(atSustainable.ratio, 3),
          }
        : {}),
      // Uncapped into a stand-in that answers at once: Talkwatch's own ceiling and CPU per email.
      noopSendsPerSecond: round(noop.sent / noop.spanSeconds),
      senderCpuMsPerEmail: round(noop.cpuMsPerSend, 2),
      noopStoreCallsPerSend: round(noop.storeCallsPerSend, 2),
      uncappedSendsPerSecond: round(uncappedSendsPerSecond),
      rawEmulatorSendsPerSecond: round(raw),
      uncappedConcurrency: concurrency,
      // Near a ceiling measured alone: that emulator is the limit; otherwise it is Talkwatch itself.
      bottleneck:
        uncappedSendsPerSecond * uncapped.storeCallsPerSend >= storeOps * 0.7
          ? 'DynamoDB emulator'
          : uncappedSendsPerSecond >= raw * 0.8
            ? 'SES emulator'
            : 'Talkwatch',
    };
  } finally {
    await Promise.all([dynamo.stop(), ses.stop(), standin.stop()]);
  }
}
