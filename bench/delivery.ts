// Delivery benchmark: one digest to N confirmed subscribers through the whole local stack (signed
// POST /webhooks/send → dispatcher → send queue → SES emulator). With MAX_SEND_RATE=R the mailer is
// wrapped in an SES-like enforcer (more than R sends starting in any one-second window is Throttling),
// so pacing mistakes show up as throttle errors. Then without a cap: sends per second into the
// emulator, compared with raw SendRawEmail calls at the same concurrency to name the bottleneck.
// dynalite and the SES emulator run in their own processes, as DynamoDB and SES are other machines.
// When the emulator cannot accept R sends a second (it parses every message with mailparser), the
// paced run uses an SES stand-in (MIME built, fixed latency, same enforcer) and says so.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { buildMime } from '../functions/adapters/ses/ses-mailer';
import { LOCAL_CREDENTIALS, type LocalStack, startLocalStack } from '../functions/local/stack';
import { type Mailer, MailerError } from '../functions/ports/mailer';
import { startEmulatorProcess } from './processes';
import {
  countStoreCalls,
  note,
  rawStoreOpsPerSecond,
  round,
  seedSubscribers,
  signedHeaders,
  sleep,
} from './support';

const SES_LATENCY_MS = 40;

/** Accepts like SES would at its quota: builds the MIME, answers after a fixed latency. */
const sesStandIn: Mailer = {
  quota: async () => ({ max24HourSend: 10_000_000, maxSendRate: 100_000, sentLast24Hours: 0 }),
  async send(email) {
    await buildMime(email);
    await sleep(SES_LATENCY_MS);
    return { providerMessageId: randomUUID() };
  },
};

interface SendLog {
  sends: Array<{ at: number; to: string }>;
  throttled: number;
  maxInFlight: number;
  /** One real copy's HTML, so the raw emulator run sends messages of the same size. */
  sampleHtml?: string;
}

/** Records every accepted send; with `rate`, refuses sends beyond it in any sliding second as SES does. */
function recordingMailer(log: SendLog, rate?: number) {
  const starts: number[] = [];
  let inFlight = 0;
  return (inner: Mailer): Mailer => ({
    quota: () => inner.quota(),
    async send(email) {
      const at = performance.now();
      if (rate !== undefined) {
        while (starts.length && at - starts[0]! >= 1000) starts.shift();
        if (starts.length >= rate) {
          log.throttled++;
          throw new MailerError('retryable', 'Throttling', 'Maximum sending rate exceeded.');
        }
        starts.push(at);
      }
      log.sampleHtml ??= email.html;
      inFlight++;
      log.maxInFlight = Math.max(log.maxInFlight, inFlight);
      try {
        const result = await inner.send(email);
        log.sends.push({ at, to: email.to });
        return result;
      } finally {
        inFlight--;
      }
    },
  });
}

interface Endpoints {
  dynamo: string;
  ses: string;
}

async function digestRun(
  endpoints: Endpoints,
  n: number,
  rate: number,
  options: { enforce: boolean; standIn: boolean },
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'talkwatch-bench-'));
  const log: SendLog = { sends: [], throttled: 0, maxInFlight: 0 };
  let stack: LocalStack | undefined;
  let cpu: NodeJS.CpuUsage | undefined;
  try {
    stack = await startLocalStack({
      env: {
        ...process.env,
        PORT: '0',
        SES_PORT: '0',
        DYNAMODB_PORT: '0',
        DATA_DIR: dataDir,
        MAX_SEND_RATE: String(rate),
        LOG_LEVEL: 'ERROR',
        TABLE_NAME: `bench-${randomUUID().slice(0, 8)}`,
        DYNAMODB_ENDPOINT: endpoints.dynamo,
        SES_ENDPOINT: endpoints.ses,
        AWS_ACCESS_KEY_ID: undefined,
      },
      wrapMailer: (real) =>
        recordingMailer(log, options.enforce ? rate : undefined)(options.standIn ? sesStandIn : real),
    });
    const { config } = stack;
    await seedSubscribers(stack.dynamo, config.TABLE_NAME, n);
    const body = JSON.stringify({
      topic: 'us-russia-ukraine',
      kind: 'digest',
      since: '2000-01-01T00:00:00Z',
    });
    const res = await fetch(`${stack.appUrl}/webhooks/send`, {
      method: 'POST',
      body,
      headers: signedHeaders(body, config.WEBHOOK_SECRET_SEND[0]!),
    });
    const store = countStoreCalls(stack.dynamo);
    cpu = process.cpuUsage();
    if (res.status !== 202)
      throw new Error(`POST /webhooks/send answered ${res.status}: ${await res.text()}`);
    const { issueId } = (await res.json()) as { issueId: string };
    // Generous: the local emulators, not the cap, may set the pace (at least 10 emails/s assumed).
    const deadline = Date.now() + Math.max(120_000, (n / rate) * 3000, n * 100);
    for (;;) {
      const status = await fetch(`${stack.appUrl}/issues/${issueId}`, {
        headers: { authorization: `Bearer ${config.ADMIN_TOKEN}` },
      }).then((r) => r.json() as Promise<{ status: string; counts: Record<string, number> }>);
      if (status.status === 'sent' || status.status === 'failed') break;
      if (Date.now() > deadline) throw new Error(`issue still ${status.status} after the deadline`);
      await sleep(250);
    }
    await stack.queues.send.idle();
    const used = process.cpuUsage(cpu);
    const perRecipient = new Map<string, number>();
    for (const s of log.sends) perRecipient.set(s.to, (perRecipient.get(s.to) ?? 0) + 1);
    const times = log.sends.map((s) => s.at).sort((a, b) => a - b);
    const spanSeconds = times.length > 1 ? (times.at(-1)! - times[0]!) / 1000 : 0;
    return {
      sent: log.sends.length,
      distinct: perRecipient.size,
      duplicates: [...perRecipient.values()].filter((c) => c > 1).length,
      throttleErrors: log.throttled,
      spanSeconds,
      maxInFlight: log.maxInFlight,
      /** This process's CPU (dispatch, claims, MIME, SDK calls; the emulators run elsewhere) per email. */
      storeCallsPerSend: store.calls / Math.max(1, log.sends.length),
      table: config.TABLE_NAME,
      cpuMsPerSend: (used.user + used.system) / 1000 / Math.max(1, log.sends.length),
      sampleHtml: log.sampleHtml ?? '',
      close: async () => {
        await stack?.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stack?.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
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
  const [dynamo, ses] = await Promise.all([startEmulatorProcess('dynamo'), startEmulatorProcess('ses')]);
  const endpoints = { dynamo: dynamo.url, ses: ses.url };
  try {
    const probeHtml = 'x'.repeat(11_000);
    const probe = await rawEmulator(ses.url, Math.min(n, 1000), 128, probeHtml);
    const standIn = probe < options.rate * 1.2;
    const mailer = standIn ? `SES stand-in (emulator takes ~${round(probe)}/s)` : 'SES emulator';
    note(
      `delivery: ${n} subscribers at MAX_SEND_RATE=${options.rate} with an SES-like enforcer, into the ${mailer}`,
    );
    const capped = await digestRun(endpoints, n, options.rate, { enforce: true, standIn });
    const storeOps = await rawStoreOpsPerSecond(dynamo.url, capped.table, 50, 3);
    await capped.close();
    if (capped.distinct !== n)
      throw new Error(`delivery: ${capped.distinct} of ${n} subscribers were mailed`);

    // When this machine cannot keep up with R (the local store's ceiling, or the sender's own CPU per
    // email on one process), pacing is also checked at half the rate it can sustain.
    const sustainable = Math.max(
      5,
      Math.floor(
        0.5 * Math.min(storeOps / Math.max(1, capped.storeCallsPerSend), 1000 / capped.cpuMsPerSend),
      ),
    );
    let atSustainable: { rate: number; ratio: number; throttled: number; duplicates: number } | undefined;
    if (sustainable < options.rate && capped.spanSeconds > (n / options.rate) * 1.05) {
      const m = Math.min(n, sustainable * 20);
      note(`delivery: ${m} subscribers at MAX_SEND_RATE=${sustainable}, a rate the local store sustains`);
      const run = await digestRun(endpoints, m, sustainable, { enforce: true, standIn });
      await run.close();
      atSustainable = {
        rate: sustainable,
        ratio: run.spanSeconds / (m / sustainable),
        throttled: run.throttleErrors,
        duplicates: run.duplicates,
      };
    }

    note(`delivery: ${n} subscribers with no rate cap, into the SES emulator`);
    const uncapped = await digestRun(endpoints, n, 100_000, { enforce: false, standIn: false });
    await uncapped.close();
    if (uncapped.distinct !== n) throw new Error(`delivery: ${uncapped.distinct} of ${n} mailed uncapped`);
    const uncappedSendsPerSecond = uncapped.sent / uncapped.spanSeconds;
    const concurrency = Math.max(1, uncapped.maxInFlight);
    note(`delivery: the emulator alone, raw SendRawEmail at concurrency ${concurrency}`);
    const raw = await rawEmulator(ses.url, Math.min(n, 3000), concurrency, uncapped.sampleHtml);
    return {
      deliverySubscribers: n,
      deliveryRate: options.rate,
      deliveryMailer: mailer,
      deliveryRatio: round(capped.spanSeconds / (n / options.rate), 3),
      deliverySeconds: round(capped.spanSeconds, 1),
      deliveryCpuMsPerSend: round(capped.cpuMsPerSend, 2),
      deliveryStoreCallsPerSend: round(capped.storeCallsPerSend, 2),
      deliveryStoreOpsPerSecond: round(storeOps),
      throttleErrors: capped.throttleErrors + (atSustainable?.throttled ?? 0),
      duplicates: capped.duplicates + uncapped.duplicates + (atSustainable?.duplicates ?? 0),
      ...(atSustainable
        ? {
            deliverySustainableRate: atSustainable.rate,
            deliveryRatioSustainable: round(atSustainable.ratio, 3),
          }
        : {}),
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
    await Promise.all([dynamo.stop(), ses.stop()]);
  }
}
