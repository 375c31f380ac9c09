// An accept-everything stand-in for Amazon SQS's JSON protocol (SendMessage, SendMessageBatch), so
// the cold-start runs of functions that enqueue get the answer SQS would give.
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

export async function startFakeSqs() {
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as {
        MessageBody?: string;
        Entries?: Array<{ Id: string; MessageBody: string }>;
      };
      res.setHeader('content-type', 'application/x-amz-json-1.0');
      res.end(
        JSON.stringify(
          body.Entries
            ? {
                Successful: body.Entries.map((e) => ({
                  Id: e.Id,
                  MessageId: randomUUID(),
                  MD5OfMessageBody: md5(e.MessageBody),
                })),
                Failed: [],
              }
            : { MessageId: randomUUID(), MD5OfMessageBody: md5(body.MessageBody ?? '') },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { endpoint, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
