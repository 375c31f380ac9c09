// SQS cannot run here (no emulator); this checks the adapter's own logic — batching by ten and
// re-sending only the entries SQS reports as failed — against a client that records the calls.
import type { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { SqsQueue } from '../../functions/adapters/sqs/sqs-queue';

function recordingClient(failFirst: string[] = []) {
  const calls: Array<{ QueueUrl?: string; Entries: Array<{ Id: string; MessageBody: string }> }> = [];
  let failing = new Set(failFirst);
  const client = {
    send: async (command: SendMessageBatchCommand) => {
      const input = command.input as (typeof calls)[number];
      calls.push(input);
      const failed = input.Entries.filter((e) => failing.has(JSON.parse(e.MessageBody).n));
      failing = new Set();
      return { Failed: failed.map((e) => ({ Id: e.Id, SenderFault: false, Code: 'InternalError' })) };
    },
  } as unknown as SQSClient;
  return { client, calls };
}

describe('SqsQueue', () => {
  it('sends JSON bodies in batches of at most ten', async () => {
    const { client, calls } = recordingClient();
    await new SqsQueue<{ n: string }>(client, 'https://sqs/q').send(
      Array.from({ length: 23 }, (_, i) => ({ n: String(i) })),
    );
    expect(calls.map((c) => c.Entries.length)).toEqual([10, 10, 3]);
    expect(calls[0]?.QueueUrl).toBe('https://sqs/q');
    expect(JSON.parse(calls[2]!.Entries[2]!.MessageBody)).toEqual({ n: '22' });
  });

  it('re-sends only the entries SQS failed', async () => {
    const { client, calls } = recordingClient(['1']);
    await new SqsQueue<{ n: string }>(client, 'https://sqs/q').send([{ n: '0' }, { n: '1' }, { n: '2' }]);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.Entries.map((e) => JSON.parse(e.MessageBody).n)).toEqual(['1']);
  });
});
