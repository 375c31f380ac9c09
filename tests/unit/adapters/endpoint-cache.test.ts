// The lean clients resolve a command's endpoint once and reuse it (adapters/endpoint-cache.ts). What
// AWS would notice if the reuse went wrong: a call sent to another call's endpoint (DynamoDB's rules
// read the table and the credentials' account), or signed for the wrong region. Each request here is
// stopped before the network, once its endpoint and signature are known.
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDynamoClients } from '../../../functions/adapters/dynamodb/client';

interface Seen {
  host: string;
  authorization: string;
}

/** The store's plain client, with every request stopped (and recorded) once signed. */
function stoppedClient(region: string, credentials: Record<string, string>) {
  const { fast } = createDynamoClients({ region, credentials: credentials as never });
  const seen: Seen[] = [];
  fast.middlewareStack.add(
    () => async (args) => {
      const request = args.request as { hostname: string; headers: Record<string, string> };
      seen.push({ host: request.hostname, authorization: request.headers.authorization ?? '' });
      throw new Error('stopped');
    },
    { step: 'finalizeRequest', priority: 'low', name: 'stop' },
  );
  const put = (table: string) =>
    fast.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'a' } } })).catch(() => undefined);
  return { seen, put };
}

describe('endpoints resolved once per command', () => {
  it('still follow the table each call names', async () => {
    const client = stoppedClient('eu-west-1', { accessKeyId: 'AKID', secretAccessKey: 's' });
    await client.put('talkwatch');
    await client.put('arn:aws:dynamodb:eu-west-1:111122223333:table/talkwatch');
    await client.put('arn:aws:dynamodb:eu-west-1:444455556666:table/talkwatch');
    await client.put('talkwatch');
    expect(client.seen.map((s) => s.host)).toEqual([
      'dynamodb.eu-west-1.amazonaws.com',
      '111122223333.ddb.eu-west-1.amazonaws.com',
      '444455556666.ddb.eu-west-1.amazonaws.com',
      'dynamodb.eu-west-1.amazonaws.com',
    ]);
  });

  it('follow the credentials’ account and the client’s region, and are signed for that region', async () => {
    const ours = stoppedClient('eu-west-1', {
      accessKeyId: 'AKID',
      secretAccessKey: 's',
      accountId: '111122223333',
    });
    const other = stoppedClient('us-east-1', { accessKeyId: 'AKID', secretAccessKey: 's' });
    await ours.put('talkwatch');
    await other.put('talkwatch');
    await ours.put('talkwatch');
    expect(ours.seen.map((s) => s.host)).toEqual([
      '111122223333.ddb.eu-west-1.amazonaws.com',
      '111122223333.ddb.eu-west-1.amazonaws.com',
    ]);
    expect(other.seen.map((s) => s.host)).toEqual(['dynamodb.us-east-1.amazonaws.com']);
    expect(ours.seen[1]!.authorization).toMatch(/\/eu-west-1\/dynamodb\/aws4_request/);
    expect(other.seen[0]!.authorization).toMatch(/\/us-east-1\/dynamodb\/aws4_request/);
  });
});
