// The AWS clients keep one SigV4 signer (adapters/aws-client.ts reuseSigner) instead of the SDK's new one
// per request. A signer kept must still sign with the credentials of the moment: Lambda's and SSO's
// credentials are replaced when they expire, and a request signed with old ones is refused.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reuseSigner } from '../../../functions/adapters/aws-client';

const authorizations: string[] = [];
const server = createServer((req: IncomingMessage, res) => {
  authorizations.push(String(req.headers.authorization));
  req.resume();
  req.on('end', () =>
    res
      .writeHead(200, { 'content-type': 'text/xml' })
      .end(
        '<SendRawEmailResponse><SendRawEmailResult><MessageId>m</MessageId></SendRawEmailResult></SendRawEmailResponse>',
      ),
  );
});
let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('a reused SigV4 signer', () => {
  it('signs each request with the credentials current at that request', async () => {
    let issued = 0;
    const client = new SESClient({
      region: 'eu-west-1',
      endpoint,
      maxAttempts: 1,
      cacheMiddleware: true,
      // Credentials that expire at once, so the SDK fetches new ones for every request.
      credentials: async () => ({
        accessKeyId: `AKIDROTATED${++issued}`,
        secretAccessKey: 'secret',
        expiration: new Date(Date.now() + 1000),
      }),
    });
    reuseSigner(client.config);
    for (let i = 0; i < 3; i++) {
      await client.send(new SendRawEmailCommand({ RawMessage: { Data: Buffer.from('x') } }));
    }
    const keys = authorizations.map((a) => Number(/Credential=AKIDROTATED(\d+)\//.exec(a)?.[1]));
    // Three requests, three credentials, each newer than the one before (the SDK may fetch more).
    expect(keys).toHaveLength(3);
    expect(keys[0]).toBeGreaterThan(0);
    expect(keys[1]).toBeGreaterThan(keys[0]!);
    expect(keys[2]).toBeGreaterThan(keys[1]!);
    client.destroy();
  });
});
