// A local HTTP server that checks each request's SigV4 signature the way AWS does (canonical request
// rebuilt from the headers the request says it signed and from the body it carries), with its own
// code rather than the SDK's, and answers with whatever the test queues. For tests of the AWS clients'
// trimmed middleware: a request AWS would refuse fails here too.
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** Why AWS would refuse the signature, or undefined when it is valid. */
  signatureProblem: string | undefined;
  /** Which connection it came on (1, 2, …), to see sockets reused. */
  connection: number;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export function signatureProblem(req: IncomingMessage, body: Buffer, secret: string): string | undefined {
  const auth =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      String(req.headers.authorization),
    );
  if (!auth) return `no SigV4 authorization header: ${req.headers.authorization}`;
  const [, , day, region, service, signedList, signature] = auth as unknown as string[];
  const signed = signedList!.split(';');
  for (const required of ['host', 'x-amz-date']) {
    if (!signed.includes(required)) return `${required} is not signed`;
  }
  const amzDate = String(req.headers['x-amz-date']);
  if (!amzDate.startsWith(day!)) return 'x-amz-date is not the credential scope date';
  const payloadHash = sha256(body);
  const declared = req.headers['x-amz-content-sha256'];
  if (declared && declared !== payloadHash) return 'x-amz-content-sha256 is not the body hash';
  const url = new URL(req.url ?? '/', 'http://x');
  const canonicalHeaders = signed
    .map(
      (name) =>
        `${name}:${String(req.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const query = [...url.searchParams]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&');
  const canonical = [req.method, url.pathname, query, canonicalHeaders, signedList, payloadHash].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day!), region!), service!), 'aws4_request');
  const expected = createHmac('sha256', key).update(toSign).digest('hex');
  return expected === signature ? undefined : 'signature does not match the request';
}

/** Starts the server; `answers` are used in turn (the last one again once they run out). */
export async function startSigV4Server(secret: string) {
  const seen: SeenRequest[] = [];
  let answers: Answer[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const socket = req.socket as typeof req.socket & { connectionNumber?: number };
      socket.connectionNumber ??= ++connections;
      seen.push({
        headers: req.headers,
        body,
        signatureProblem: signatureProblem(req, body, secret),
        connection: socket.connectionNumber,
      });
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      res.writeHead(answer.status, answer.headers ?? {}).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    answer(...next: Answer[]) {
      answers = next;
      seen.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
