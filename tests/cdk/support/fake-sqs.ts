// A tiny stand-in for Amazon SQS's JSON protocol (SendMessage, SendMessageBatch) that records what
// the bundled functions enqueue, so the smoke test can hand it on to the next function like SQS would.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSqs {
  endpoint: string;
  queueUrl(name: string): string;
  /** Message bodies received for a queue, oldest first. */
  messages(name: string): string[];
  close(): Promise<void>;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

export async function startFakeSqs(): Promise<FakeSqs> {
  const received = new Map<string, string[]>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      const action = String(req.headers['x-amz-target'] ?? '').replace('AmazonSQS.', '');
      const body = JSON.parse(raw || '{}') as {
        QueueUrl: string;
        MessageBody?: string;
        Entries?: Array<{ Id: string; MessageBody: string }>;
      };
      const name = new URL(body.QueueUrl).pathname.split('/').pop() ?? '';
      const list = received.get(name) ?? [];
      received.set(name, list);
      res.setHeader('content-type', 'application/x-amz-json-1.0');
      if (action === 'SendMessage' && body.MessageBody !== undefined) {
        list.push(body.MessageBody);
        res.end(JSON.stringify({ MessageId: randomUUID(), MD5OfMessageBody: md5(body.MessageBody) }));
      } else if (action === 'SendMessageBatch' && body.Entries) {
        list.push(...body.Entries.map((e) => e.MessageBody));
        const Successful = body.Entries.map((e) => ({
          Id: e.Id,
          MessageId: randomUUID(),
          MD5OfMessageBody: md5(e.MessageBody),
        }));
        res.end(JSON.stringify({ Successful, Failed: [] }));
      } else {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: 'com.amazonaws.sqs#InvalidAction', message: action }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    queueUrl: (name) => `${endpoint}/123456789012/${name}`,
    messages: (name) => [...(received.get(name) ?? [])],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
