// An SES endpoint for the delivery benchmark, in its own process, that stands between the sender and
// what receives the mail. It observes every SendRawEmail the sender makes (whatever process or thread
// it comes from): when it started, which subscriber it was for (the `subscriber` tag, read from the
// last bytes of the body: nothing else is parsed), and, with a rate, it refuses sends beyond it in any
// sliding second with SES's own Throttling error. Behind it, per run (POST /__bench/mode):
// - `noop`: answers at once, so the figure is the sender's and not an emulator's;
// - `standin`: answers after a fixed latency, like SES at its quota (when the emulator is too slow);
// - `forward`: passes the request on to the SES emulator and its answer back.
// GetAccount (the quota the sender reads) is answered here unless forwarding.
import { randomUUID } from 'node:crypto';
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { report } from './support';

export interface StandinMode {
  kind: 'noop' | 'standin' | 'forward';
  latencyMs?: number;
  /** Refuse sends beyond this many starting in any one second (SES's MaxSendRate). */
  rate?: number;
  /** The SES emulator, for `forward`. */
  target?: string;
}

export interface StandinStats {
  accepted: number;
  throttled: number;
  /** Accepted sends per subscriber tag beyond the first. */
  duplicates: number;
  distinct: number;
  maxInFlight: number;
  /** First and last accepted send, ms on this process's monotonic clock. */
  firstAt: number;
  lastAt: number;
}

/** When each send arrived, on the stand-in's clock, for the pacing diagnostics (`bench/pacing.ts`). */
export interface StandinTimeline {
  /** POST /__bench/mark: the bench's trigger (the signed send request), on the same clock; 0 if none. */
  markAt: number;
  accepted: number[];
  throttled: number[];
  /** Every send as it arrived: [epoch ms, subscriber tag, 1 if throttled], for the pacing trace. */
  arrivals: Array<[number, string, number]>;
  /** When this process's event loop ran late (a stamp taken late): [epoch ms, ms late], over 2 ms. */
  stalls: Array<[number, number]>;
  /** When each connection was accepted (epoch ms): a sender opening sockets mid-run shows here. */
  connections: number[];
}

const THROTTLED =
  '<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type>' +
  '<Code>Throttling</Code><Message>Maximum sending rate exceeded.</Message></Error>' +
  '<RequestId>standin</RequestId></ErrorResponse>';
const TAG = /Name=subscriber&Tags\.member\.\d+\.Value=([A-Za-z0-9_%-]+)/;

let mode: StandinMode = { kind: 'noop' };
let starts: number[] = [];
let perSubscriber = new Map<string, number>();
let stats = fresh();
let timeline = freshTimeline();

function freshTimeline(): StandinTimeline {
  return { markAt: 0, accepted: [], throttled: [], arrivals: [], stalls: [], connections: [] };
}
const epoch = (at: number) => performance.timeOrigin + at;

// A stamp taken by a late event loop is late too: the loop's lag, sampled every 5 ms, says when.
const LAG_EVERY_MS = 5;
let lagExpected = performance.now() + LAG_EVERY_MS;
setInterval(() => {
  const t = performance.now();
  const late = t - lagExpected;
  if (late > 2 && mode.rate !== undefined) timeline.stalls.push([epoch(t), Math.round(late * 10) / 10]);
  lagExpected = t + LAG_EVERY_MS;
}, LAG_EVERY_MS).unref();

function fresh(): StandinStats {
  return {
    accepted: 0,
    throttled: 0,
    duplicates: 0,
    distinct: 0,
    maxInFlight: 0,
    firstAt: 0,
    lastAt: 0,
  };
}
let inFlight = 0;
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/** Reads the body keeping only its tail, where the SES query serialiser puts the tags. */
function tailOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let tail = '';
    req.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('latin1', Math.max(0, chunk.length - 512))).slice(-512);
    });
    req.on('end', () => resolve(tail));
    req.on('error', reject);
  });
}

function allowed(at: number): boolean {
  if (mode.rate === undefined) return true;
  let drop = 0;
  while (drop < starts.length && at - starts[drop]! >= 1000) drop++;
  if (drop) starts = starts.slice(drop);
  if (starts.length >= mode.rate) return false;
  starts.push(at);
  return true;
}

function accepted(at: number, subscriber: string | undefined) {
  stats.accepted++;
  timeline.accepted.push(at);
  if (mode.rate !== undefined) timeline.arrivals.push([epoch(at), subscriber ?? '', 0]);
  if (!stats.firstAt) stats.firstAt = at;
  stats.lastAt = Math.max(stats.lastAt, at);
  if (subscriber) {
    const seen = perSubscriber.get(subscriber) ?? 0;
    perSubscriber.set(subscriber, seen + 1);
    if (seen) stats.duplicates++;
    else stats.distinct++;
  }
}

function forward(req: IncomingMessage, res: ServerResponse, body?: Buffer) {
  return new Promise<number>((resolve, reject) => {
    const target = new URL(req.url ?? '/', mode.target);
    const out = httpRequest(target, { method: req.method, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('end', () => resolve(answer.statusCode ?? 502));
    });
    out.on('error', reject);
    if (body) out.end(body);
    else req.pipe(out);
  });
}

async function sesRequest(req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') {
    // SES v2 GetAccount (the sender's quota) and anything else the sender asks.
    if (mode.kind === 'forward') return void (await forward(req, res));
    await readAll(req);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ SendQuota: { Max24HourSend: 1e7, MaxSendRate: 1e5, SentLast24Hours: 0 } }));
    return;
  }
  const at = performance.now();
  if (!allowed(at)) {
    stats.throttled++;
    timeline.throttled.push(at);
    const subscriber = TAG.exec(await tailOf(req))?.[1] ?? '';
    timeline.arrivals.push([epoch(at), subscriber, 1]);
    res.writeHead(400, { 'content-type': 'text/xml' }).end(THROTTLED);
    return;
  }
  inFlight++;
  stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
  try {
    if (mode.kind === 'forward') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const status = await forward(req, res, body);
      if (status === 200) accepted(at, TAG.exec(body.toString('latin1', body.length - 512))?.[1]);
      return;
    }
    const tail = await tailOf(req);
    if (mode.kind === 'standin' && mode.latencyMs) await new Promise((r) => setTimeout(r, mode.latencyMs));
    accepted(at, TAG.exec(tail)?.[1]);
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(
      '<SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendRawEmailResult>' +
        `<MessageId>${randomUUID()}</MessageId></SendRawEmailResult>` +
        '<ResponseMetadata><RequestId>standin</RequestId></ResponseMetadata></SendRawEmailResponse>',
    );
  } finally {
    inFlight--;
  }
}

const server = createServer((req, res) => {
  const control = req.url?.startsWith('/__bench/');
  const handle = async () => {
    if (!control) return sesRequest(req, res);
    if (req.url === '/__bench/mode') {
      mode = JSON.parse(await readAll(req)) as StandinMode;
      starts = [];
      perSubscriber = new Map();
      stats = fresh();
      timeline = freshTimeline();
      res.end('{}');
      return;
    }
    if (req.url === '/__bench/mark') {
      await readAll(req);
      timeline.markAt = performance.now();
      res.end('{}');
      return;
    }
    if (req.url === '/__bench/timeline') {
      await readAll(req);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(timeline));
      return;
    }
    await readAll(req);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
  };
  handle().catch((error: unknown) => {
    if (!res.headersSent) res.writeHead(500);
    res.end(String(error));
  });
});
server.on('connection', () => {
  if (mode.rate !== undefined) timeline.connections.push(epoch(performance.now()));
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
report({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
