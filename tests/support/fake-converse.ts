// A local HTTP server that speaks Bedrock's Converse API (POST /model/<id>/converse, JSON in and out,
// errors named in `x-amzn-errortype`), so the Bedrock adapter is tested through the real SDK with
// BEDROCK_ENDPOINT pointing here. Each request takes the next scripted answer; every request is kept.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConverseCall {
  modelId: string;
  // biome-ignore lint/suspicious/noExplicitAny: the Converse request JSON, read freely by assertions.
  body: any;
}

export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON unless `raw` is given. */
  body?: unknown;
  raw?: string;
  /** Wait this long before answering (a model that does not answer in time). */
  delayMs?: number;
}

export interface FakeConverse {
  url: string;
  calls: ConverseCall[];
  /** Queue answers for the next requests, in order; past them, the `otherwise` answer (else a 500). */
  answer(...answers: ScriptedAnswer[]): void;
  /** The answer to every request once the queue is empty (a model throttled for as long as it is asked). */
  otherwise(answer: ScriptedAnswer | undefined): void;
  /** Forget queued answers and the `otherwise` answer. */
  reset(): void;
  close(): Promise<void>;
}

export const TOKENS = { inputTokens: 1200, outputTokens: 250 };

/** The model called the tool: what a good Converse answer looks like. */
export function toolAnswer(input: unknown, name = 'record_summary'): ScriptedAnswer {
  return {
    body: {
      output: {
        message: {
          role: 'assistant',
          content: [{ toolUse: { toolUseId: 'tooluse_test', name, input } }],
        },
      },
      stopReason: 'tool_use',
      usage: { ...TOKENS, totalTokens: TOKENS.inputTokens + TOKENS.outputTokens },
      metrics: { latencyMs: 12 },
    },
  };
}

/** The model wrote text instead of calling the tool. */
export function textAnswer(text: string): ScriptedAnswer {
  return {
    body: {
      output: { message: { role: 'assistant', content: [{ text }] } },
      stopReason: 'end_turn',
      usage: { ...TOKENS, totalTokens: TOKENS.inputTokens + TOKENS.outputTokens },
      metrics: { latencyMs: 12 },
    },
  };
}

export function throttled(): ScriptedAnswer {
  return {
    status: 429,
    headers: {
      'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/',
    },
    body: { message: 'Too many requests, please wait before trying again.' },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeConverse(): Promise<FakeConverse> {
  const calls: ConverseCall[] = [];
  const queue: ScriptedAnswer[] = [];
  let otherwise: ScriptedAnswer | undefined;
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer(async (req, res) => {
    const text = await readBody(req);
    const path = /^\/model\/([^/]+)\/converse$/.exec((req.url ?? '').split('?')[0]!);
    if (req.method !== 'POST' || !path) {
      res.writeHead(404, { 'x-amzn-errortype': 'UnknownOperationException' }).end('{}');
      return;
    }
    calls.push({ modelId: decodeURIComponent(path[1]!), body: JSON.parse(text) });
    const scripted = queue.shift() ??
      otherwise ?? {
        status: 500,
        headers: { 'x-amzn-errortype': 'InternalServerException' },
        body: { message: 'no scripted answer' },
      };
    const send = () => {
      if (res.destroyed) return;
      res
        .writeHead(scripted.status ?? 200, { 'content-type': 'application/json', ...scripted.headers })
        .end(scripted.raw ?? JSON.stringify(scripted.body ?? {}));
    };
    if (!scripted.delayMs) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, scripted.delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    answer: (...answers) => void queue.push(...answers),
    otherwise: (answer) => {
      otherwise = answer;
    },
    reset: () => {
      queue.length = 0;
      otherwise = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
