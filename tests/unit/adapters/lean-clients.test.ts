// The send path's AWS clients run with trimmed middleware (adapters/lean-middleware.ts). What a reader
// or an operator would notice if the trimming went wrong: AWS refusing the signature, a message sent
// with other bytes than built, an SES error read as "no answer" (the reader would never be retried) or
// retried by the SDK behind the shared rate's back, a store error or retry lost, a new socket per call.
// Each request here is checked by a server that verifies SigV4 itself (tests/support/sigv4-server.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClients } from '../../../functions/adapters/dynamodb/client';
import { DeliveryItems } from '../../../functions/adapters/dynamodb/delivery-items';
import { SesMailer } from '../../../functions/adapters/ses/ses-mailer';
import { MailerError } from '../../../functions/ports/mailer';
import { startSigV4Server } from '../../support/sigv4-server';

const credentials = { accessKeyId: 'AKIDLEAN', secretAccessKey: 'lean-secret' };
let server: Awaited<ReturnType<typeof startSigV4Server>>;
beforeAll(async () => {
  server = await startSigV4Server(credentials.secretAccessKey);
});
afterAll(() => server.close());

const settings = () => ({ region: 'eu-west-1', endpoint: server.endpoint, credentials });
const sesOk = (id: string) => ({
  status: 200,
  headers: { 'content-type': 'text/xml' },
  body: `<SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendRawEmailResult><MessageId>${id}</MessageId></SendRawEmailResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></SendRawEmailResponse>`,
});
const raw = Buffer.from('From: a@talkwatch.test\r\nTo: r@example.org\r\nSubject: Hi +/= é\r\n\r\nHello\r\n');

describe('the SES send with trimmed middleware', () => {
  it('is signed as AWS checks it and carries the message and tags as built', async () => {
    server.answer(sesOk('m-1'));
    const mailer = new SesMailer(settings());
    const out = await mailer.sendRaw(raw, { configurationSet: 'cs', tags: { subscriber: 's_1' } });
    expect(out.providerMessageId).toBe('m-1');
    const [request] = server.seen;
    expect(request?.signatureProblem).toBeUndefined();
    const form = new URLSearchParams(request!.body.toString('utf8'));
    expect(form.get('Action')).toBe('SendRawEmail');
    expect(Buffer.from(form.get('RawMessage.Data')!, 'base64').equals(raw)).toBe(true);
    expect(form.get('ConfigurationSetName')).toBe('cs');
    expect(form.get('Tags.member.1.Name')).toBe('subscriber');
    expect(form.get('Tags.member.1.Value')).toBe('s_1');
  });

  it('reuses one socket for calls one after another', async () => {
    server.answer(sesOk('m-2'));
    const mailer = new SesMailer(settings());
    for (let i = 0; i < 4; i++) await mailer.sendRaw(raw, {});
    expect(server.seen).toHaveLength(4);
    expect(new Set(server.seen.map((r) => r.connection)).size).toBe(1);
  });

  it('leaves retries to the send path: a throttled send is one request, reported retryable', async () => {
    server.answer({
      status: 400,
      headers: { 'content-type': 'text/xml' },
      body: '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Maximum sending rate exceeded.</Message></Error><RequestId>r2</RequestId></ErrorResponse>',
    });
    const error = await new SesMailer(settings()).sendRaw(raw, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailerError);
    expect(error).toMatchObject({ kind: 'retryable', code: 'Throttling' });
    expect(server.seen).toHaveLength(1);
  });

  it('reads a refusal as permanent, and an unreadable 503 as an answer to retry (not "may have been sent")', async () => {
    server.answer({
      status: 400,
      headers: { 'content-type': 'text/xml' },
      body: '<ErrorResponse><Error><Type>Sender</Type><Code>MessageRejected</Code><Message>Email address is not verified.</Message></Error><RequestId>r3</RequestId></ErrorResponse>',
    });
    const mailer = new SesMailer(settings());
    expect(await mailer.sendRaw(raw, {}).catch((e: unknown) => e)).toMatchObject({
      kind: 'permanent',
      code: 'MessageRejected',
    });
    server.answer({ status: 503, headers: { 'content-type': 'text/html' }, body: '<html>busy' });
    expect(await mailer.sendRaw(raw, {}).catch((e: unknown) => e)).toMatchObject({ kind: 'retryable' });
  });
});

describe('the store with trimmed middleware', () => {
  const json = (status: number, body: object) => ({
    status,
    headers: { 'content-type': 'application/x-amz-json-1.0' },
    body: JSON.stringify(body),
  });
  const claim = (items: DeliveryItems) => items.claim('i1', 's1', 'claim-1', '2026-12-01T00:00:00.000Z');

  it('signs the claim as AWS checks it and sends the conditional create', async () => {
    server.answer(json(200, {}));
    expect(await claim(new DeliveryItems(createDynamoClients(settings()), 't'))).toEqual({
      claimed: true,
    });
    const [request] = server.seen;
    expect(request?.signatureProblem).toBeUndefined();
    expect(request?.headers['x-amz-target']).toBe('DynamoDB_20120810.PutItem');
    expect(JSON.parse(request!.body.toString('utf8'))).toMatchObject({
      TableName: 't',
      ConditionExpression: 'attribute_not_exists(pk)',
      Item: { pk: { S: 'ISSUE#i1' }, sk: { S: 'DELIVERY#s1' }, claimId: { S: 'claim-1' } },
    });
  });

  it('reads "already claimed" with the item DynamoDB returns', async () => {
    server.answer(
      json(400, {
        __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
        message: 'The conditional request failed',
        Item: {
          pk: { S: 'ISSUE#i1' },
          sk: { S: 'DELIVERY#s1' },
          status: { S: 'sent' },
          claimId: { S: 'other' },
          at: { S: '2026-12-01T00:00:00.000Z' },
          providerMessageId: { S: 'm-9' },
        },
      }),
    );
    const result = await claim(new DeliveryItems(createDynamoClients(settings()), 't'));
    expect(result.claimed).toBe(false);
    expect(result).toMatchObject({ existing: { status: 'sent', providerMessageId: 'm-9' } });
  });

  it('keeps the SDK’s retries for the store: a 500 then success is one claim, two signed requests', async () => {
    server.answer(json(500, { __type: 'InternalServerError', message: 'try again' }), json(200, {}));
    expect(await claim(new DeliveryItems(createDynamoClients(settings()), 't'))).toEqual({
      claimed: true,
    });
    expect(server.seen).toHaveLength(2);
    expect(server.seen.every((r) => r.signatureProblem === undefined)).toBe(true);
  });
});
