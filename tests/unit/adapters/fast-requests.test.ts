// The send path's hot calls carry bodies written by hand (adapters/fast-requests.ts). What AWS would
// notice if they went wrong: a different message, tag or condition than the SDK would have sent, a
// signature over other bytes, an answer misread. Each call here goes once through the project's client
// and once through a plain SDK client to a server that checks SigV4 itself; the two requests must say
// the same (the SES body byte for byte, the DynamoDB body as the same JSON), and an input or answer
// the hand-written code does not know must be left to the SDK.

import { randomBytes } from 'node:crypto';
import { DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClients } from '../../../functions/adapters/dynamodb/client';
import { buildMime, SesMailer } from '../../../functions/adapters/ses/ses-mailer';
import { issueEmail } from '../../../functions/domain/delivery/reader-email';
import type { RenderedTemplate } from '../../../functions/domain/issues/types';
import { type MarkerKey, markersFor } from '../../../functions/domain/link-markers';
import { type SeenRequest, startSigV4Server } from '../../support/sigv4-server';

const credentials = { accessKeyId: 'AKIDFAST', secretAccessKey: 'fast-secret' };
let server: Awaited<ReturnType<typeof startSigV4Server>>;
beforeAll(async () => {
  server = await startSigV4Server(credentials.secretAccessKey);
});
afterAll(() => server.close());

const settings = () => ({ region: 'eu-west-1', endpoint: server.endpoint, credentials });
const sesOk = (body: string) => ({ status: 200, headers: { 'content-type': 'text/xml' }, body });
const sesAnswer = (id: string) =>
  sesOk(
    `<SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendRawEmailResult><MessageId>${id}</MessageId></SendRawEmailResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></SendRawEmailResponse>`,
  );
const json = (status: number, body: object) => ({
  status,
  headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'req-1' },
  body: JSON.stringify(body),
});

/** Sends with the project's client, then with a plain SDK client; returns both requests as seen. */
async function bothWays(
  ours: () => Promise<unknown>,
  sdk: () => Promise<unknown>,
): Promise<[SeenRequest, SeenRequest]> {
  await ours();
  const mine = server.seen.at(-1)!;
  await sdk();
  const theirs = server.seen.at(-1)!;
  expect(mine.signatureProblem).toBeUndefined();
  expect(theirs.signatureProblem).toBeUndefined();
  return [mine, theirs];
}

const sameRequestLine = (a: SeenRequest, b: SeenRequest) => {
  for (const header of ['content-type', 'x-amz-target', 'content-length', 'host'])
    expect(a.headers[header], header).toBe(b.headers[header]);
};

describe('the SES send', () => {
  const plain = () => new SESClient({ ...settings(), maxAttempts: 1 });

  it('sends byte for byte what the SDK sends, whatever the message, tags and configuration set', async () => {
    server.answer(sesAnswer('m-1'));
    const mailer = new SesMailer(settings());
    const sdk = plain();
    const tagText = fc.string({ maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.nat(3),
        fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tagText, { minKeys: 1 }), {
          nil: undefined,
        }),
        // (The mailer leaves an empty configuration set out, as it leaves out none.)
        fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined }),
        async (bytes, offset, tags, configurationSet) => {
          // A view into a larger buffer, as a copy built from the issue's pattern may be.
          const data = new Uint8Array(offset + bytes.length);
          data.set(bytes, offset);
          const message = data.subarray(offset);
          const [mine, theirs] = await bothWays(
            () =>
              mailer.sendRaw(message, {
                ...(tags ? { tags } : {}),
                ...(configurationSet !== undefined ? { configurationSet } : {}),
              }),
            () =>
              sdk.send(
                new SendRawEmailCommand({
                  RawMessage: { Data: message },
                  ...(configurationSet !== undefined ? { ConfigurationSetName: configurationSet } : {}),
                  ...(tags ? { Tags: Object.entries(tags).map(([Name, Value]) => ({ Name, Value })) } : {}),
                }),
              ),
          );
          expect(mine.body.toString('latin1')).toBe(theirs.body.toString('latin1'));
          sameRequestLine(mine, theirs);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('sends byte for byte what the SDK sends for copies of an issue built from its pattern', async () => {
    server.answer(sesAnswer('m-2'));
    const mailer = new SesMailer(settings());
    const sdk = plain();
    const settingsOfLinks = {
      publicUrl: 'https://talkwatch.test',
      from: 'Talkwatch <alerts@talkwatch.test>',
      mailDomain: 'talkwatch.test',
      tokenKeys: [{ version: '1', key: randomBytes(32).toString('base64') }],
      configurationSet: 'talkwatch',
    };
    const issue = { id: 'iss_b64', topic: 'us-russia-ukraine', kind: 'digest' as const, topicTitle: 'Talks' };
    // Literal text of every length, non-ASCII too, around the readers' links.
    const literal = fc
      .array(fc.oneof(fc.string({ maxLength: 9 }), fc.constantFrom('é', 'Україна', '🕊️', '=', ' \n')), {
        minLength: 1,
        maxLength: 12,
      })
      .map((pieces) => pieces.join(''))
      .filter((text) => text.length > 0);
    const key = fc.constantFrom<MarkerKey>('unsubscribeUrl', 'preferencesUrl', 'greeting');
    const body = fc.tuple(literal, fc.array(fc.tuple(key, fc.string({ maxLength: 40 })), { maxLength: 3 }));
    const reader = fc.record({
      subscriberId: fc.stringMatching(/^sub_[a-z0-9]{1,30}$/),
      email: fc.stringMatching(/^[a-z0-9.]{1,40}$/).map((local) => `${local}@example.org`),
    });
    await fc.assert(
      fc.asyncProperty(
        body,
        body,
        fc.array(reader, { minLength: 2, maxLength: 4 }),
        async (html, text, readers) => {
          const markers = markersFor(randomBytes(16).toString('hex'));
          const join = ([first, rest]: typeof html) =>
            first + rest.map(([k, after]) => markers[k] + after).join('');
          const template: RenderedTemplate = {
            subject: 'Digest',
            html: join(html),
            text: join(text),
            markers,
          };
          const copies = [];
          for (const r of readers) {
            const email = issueEmail(settingsOfLinks, issue, template, r);
            copies.push({ email, raw: await buildMime(email) });
          }
          for (const { email, raw } of copies.slice(1)) {
            const [mine, theirs] = await bothWays(
              () => mailer.sendRaw(raw, email),
              () =>
                sdk.send(
                  new SendRawEmailCommand({
                    RawMessage: { Data: raw },
                    ConfigurationSetName: email.configurationSet,
                    Tags: Object.entries(email.tags ?? {}).map(([Name, Value]) => ({ Name, Value })),
                  }),
                ),
            );
            expect(mine.body.toString('latin1')).toBe(theirs.body.toString('latin1'));
            sameRequestLine(mine, theirs);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads the MessageId from SES’s answer, laid out on several lines or not', async () => {
    const mailer = new SesMailer(settings());
    server.answer(
      sesOk(
        '<SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">\n  <SendRawEmailResult>\n    <MessageId>0102019a-abc_d.e</MessageId>\n  </SendRawEmailResult>\n  <ResponseMetadata>\n    <RequestId>r2</RequestId>\n  </ResponseMetadata>\n</SendRawEmailResponse>\n',
      ),
    );
    expect(await mailer.sendRaw(Buffer.from('x'), {})).toEqual({ providerMessageId: '0102019a-abc_d.e' });
    // An id the hand-written reader does not expect is read by the SDK's XML parser (entities decoded).
    server.answer(sesAnswer('id&amp;1'));
    expect(await mailer.sendRaw(Buffer.from('x'), {})).toEqual({ providerMessageId: 'id&1' });
  });
});

describe('the store’s calls', () => {
  const plain = () => new DynamoDBClient({ ...settings(), maxAttempts: 1 });

  it('send the same JSON as the SDK for the claim and a send-rate booking', async () => {
    server.answer(json(200, {}));
    const { fast } = createDynamoClients(settings());
    const sdk = plain();
    const claim = {
      TableName: 't',
      Item: { pk: { S: 'ISSUE#i1' }, sk: { S: 'DELIVERY#s1' }, note: { S: 'é "quoted" \\ \u2028' } },
      ConditionExpression: 'attribute_not_exists(pk)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    };
    const booking = {
      TableName: 't',
      Key: { pk: { S: 'SENDRATE#schedule' }, sk: { S: 'SCHEDULE' } },
      UpdateExpression: 'ADD bookedUntil :span',
      ConditionExpression: 'bookedUntil >= :now',
      ExpressionAttributeValues: { ':span': { N: '100' }, ':now': { N: '1764547200000' } },
      ReturnValues: 'UPDATED_NEW' as const,
    };
    for (const [ours, theirs] of [
      [() => fast.send(new PutItemCommand(claim)), () => sdk.send(new PutItemCommand(claim))],
      [() => fast.send(new UpdateItemCommand(booking)), () => sdk.send(new UpdateItemCommand(booking))],
    ] as const) {
      const [mine, sdks] = await bothWays(ours, theirs);
      expect(JSON.parse(mine.body.toString('utf8'))).toEqual(JSON.parse(sdks.body.toString('utf8')));
      expect(mine.headers['x-amz-target']).toBe(sdks.headers['x-amz-target']);
      expect(mine.headers['content-type']).toBe(sdks.headers['content-type']);
    }
  });

  it('leaves binary attributes to the SDK (base64 in the body, not a JSON array of bytes)', async () => {
    server.answer(json(200, {}));
    const { fast } = createDynamoClients(settings());
    const input = {
      TableName: 't',
      Item: { pk: { S: 'a' }, blob: { B: new Uint8Array([0xfb, 0xff, 0x01]) } },
    };
    const [mine, sdks] = await bothWays(
      () => fast.send(new PutItemCommand(input)),
      () => plain().send(new PutItemCommand(input)),
    );
    expect(JSON.parse(mine.body.toString('utf8'))).toEqual(JSON.parse(sdks.body.toString('utf8')));
    expect(JSON.parse(mine.body.toString('utf8')).Item.blob).toEqual({ B: '+/8B' });
  });

  it('answers as the SDK does: `{}` with its metadata, and other answers read by the SDK', async () => {
    const { fast } = createDynamoClients(settings());
    server.answer(json(200, {}));
    const empty = await fast.send(new PutItemCommand({ TableName: 't', Item: { pk: { S: 'a' } } }));
    expect(empty).toMatchObject({ $metadata: { httpStatusCode: 200, requestId: 'req-1' } });
    server.answer(json(200, { Attributes: { bookedUntil: { N: '42' } } }));
    const updated = await fast.send(
      new UpdateItemCommand({ TableName: 't', Key: { pk: { S: 'a' } }, UpdateExpression: 'SET x = :x' }),
    );
    expect(updated.Attributes).toEqual({ bookedUntil: { N: '42' } });
  });
});
