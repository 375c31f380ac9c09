// Bounces and complaints with SES notification samples (tests/fixtures/ses), against the real
// subscriber store: through the pure handler, the SNS Lambda handler and the signed local route.
import { readFileSync } from 'node:fs';
import type { SNSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/app/create-app';
import { handleSesNotification, parseSesNotification } from '../../../functions/domain/delivery/feedback';
import { createFeedbackHandler } from '../../../functions/handlers/feedback-handler';
import { activeSubscriber, signedHeaders } from '../../support/delivery';
import { testDeps } from '../../support/env';
import { subscriberIdFor } from '../../support/ids';

const ses = (body: string) => signedHeaders(body, { route: 'ses' });
const sample = (name: string) => readFileSync(`tests/fixtures/ses/${name}.json`, 'utf8');
const notification = (name: string) => parseSesNotification(JSON.parse(sample(name)))!;

async function withSubscribers(...emails: string[]) {
  const deps = await testDeps();
  for (const email of emails) await deps.subscribers.put(activeSubscriber(email));
  const ports = () => ({
    subscribers: deps.subscribers,
    now: new Date('2025-12-02T10:00:00Z'),
    idFor: async (email: string) => subscriberIdFor(email),
  });
  return { deps, ports };
}

describe('SES feedback', () => {
  it('suppresses a permanently bounced address at once (notificationType shape)', async () => {
    const { deps, ports } = await withSubscribers('jane@example.com', 'mary@example.com');
    const outcome = await handleSesNotification(ports(), notification('bounce-permanent-dsn'));
    expect(outcome.suppressed).toEqual([subscriberIdFor('jane@example.com')]);
    expect(await deps.subscribers.isSuppressed(subscriberIdFor('jane@example.com'))).toBe(true);
    // Only the bounced recipient, not every destination of the message.
    expect(await deps.subscribers.isSuppressed(subscriberIdFor('mary@example.com'))).toBe(false);
  });

  it('handles the event-publishing shape (eventType) the same way, even for an unknown address', async () => {
    const { deps, ports } = await withSubscribers();
    await handleSesNotification(ports(), notification('bounce-permanent-event'));
    expect(await deps.subscribers.isSuppressed(subscriberIdFor('recipient@example.com'))).toBe(true);
  });

  it('suppresses a complaint at once', async () => {
    const { deps, ports } = await withSubscribers('richard@example.com');
    const outcome = await handleSesNotification(ports(), notification('complaint'));
    expect(outcome).toMatchObject({
      kind: 'Complaint',
      suppressed: [subscriberIdFor('richard@example.com')],
    });
    expect(await deps.subscribers.isSuppressed(subscriberIdFor('richard@example.com'))).toBe(true);
  });

  it('counts transient bounces, resets on delivery, and suppresses after three in a row', async () => {
    const { deps, ports } = await withSubscribers('ooto@example.com');
    const id = subscriberIdFor('ooto@example.com');
    await handleSesNotification(ports(), notification('bounce-transient'));
    await handleSesNotification(ports(), notification('bounce-transient'));
    expect((await deps.subscribers.get(id))?.transientBounces).toBe(2);
    const reset = await handleSesNotification(ports(), notification('delivery'));
    expect(reset.reset).toEqual([id]);
    expect((await deps.subscribers.get(id))?.transientBounces).toBe(0);
    for (let i = 0; i < 2; i++) await handleSesNotification(ports(), notification('bounce-transient'));
    expect(await deps.subscribers.isSuppressed(id)).toBe(false);
    const third = await handleSesNotification(ports(), notification('bounce-transient'));
    expect(third.suppressed).toEqual([id]);
    expect(await deps.subscribers.isSuppressed(id)).toBe(true);
  });

  it('handles several recipients in one notification and ignores unknown fields', async () => {
    const { deps, ports } = await withSubscribers();
    const raw = JSON.parse(sample('complaint'));
    raw.complaint.complainedRecipients.push({ emailAddress: 'mary@example.com', somethingNew: 1 });
    raw.brandNewTopLevelField = { nested: true };
    await handleSesNotification(ports(), parseSesNotification(raw)!);
    expect(await deps.subscribers.isSuppressed(subscriberIdFor('richard@example.com'))).toBe(true);
    expect(await deps.subscribers.isSuppressed(subscriberIdFor('mary@example.com'))).toBe(true);
  });

  it('the SNS Lambda handler finds the reader by the subscriber tag, holds no key, and logs no address', async () => {
    const { deps } = await withSubscribers('jane@example.com');
    const logged: string[] = [];
    const logger = { info: (...a: unknown[]) => void logged.push(JSON.stringify(a)), warn: () => undefined };
    const raw = JSON.parse(sample('bounce-permanent-event'));
    raw.bounce.bouncedRecipients = [{ emailAddress: 'jane@example.com' }];
    raw.mail.tags = {
      'ses:configuration-set': ['talkwatch'],
      subscriber: [subscriberIdFor('jane@example.com')],
    };
    const event = {
      Records: [{ EventSource: 'aws:sns', Sns: { MessageId: 'm1', Message: JSON.stringify(raw) } }],
    } as unknown as SNSEvent;
    await createFeedbackHandler({ ...deps, logger: logger as never })(event);
    expect(await deps.subscribers.isSuppressed(subscriberIdFor('jane@example.com'))).toBe(true);
    expect(logged.join('\n')).toContain('SES feedback handled');
    expect(logged.join('\n')).not.toContain('@');

    // Without a tag it cannot tell who it was (and says so in a count, not an address).
    const untagged = {
      Records: [{ EventSource: 'aws:sns', Sns: { MessageId: 'm2', Message: sample('complaint') } }],
    } as unknown as SNSEvent;
    await createFeedbackHandler({ ...deps, logger: logger as never })(untagged);
    expect(logged.at(-1)).toContain('"unknown":1');
    expect(logged.join('\n')).not.toContain('@');
  });

  it('locally, POST /webhooks/ses takes a signed SNS envelope and rejects unsigned or unreadable bodies', async () => {
    const { deps } = await withSubscribers('richard@example.com');
    const app = createApp(deps, { sesWebhook: true });
    const envelope = JSON.stringify({ Type: 'Notification', Message: sample('complaint') });
    const unsigned = await app.request('/webhooks/ses', { method: 'POST', body: envelope });
    expect(unsigned.status).toBe(401);
    expect(await deps.subscribers.isSuppressed(subscriberIdFor('richard@example.com'))).toBe(false);
    const junk = JSON.stringify({ hello: 'world', bounce: 'x' });
    expect(
      (await app.request('/webhooks/ses', { method: 'POST', body: junk, headers: ses(junk) })).status,
    ).toBe(400);
    const ok = await app.request('/webhooks/ses', {
      method: 'POST',
      body: envelope,
      headers: ses(envelope),
    });
    expect(ok.status).toBe(200);
    expect(await deps.subscribers.isSuppressed(subscriberIdFor('richard@example.com'))).toBe(true);
  });

  it("refuses a complaint signed with another route's secret (a developments sender cannot suppress)", async () => {
    const { deps } = await withSubscribers('richard@example.com');
    const app = createApp(deps, { sesWebhook: true });
    const envelope = JSON.stringify({ Type: 'Notification', Message: sample('complaint') });
    for (const route of ['developments', 'send'] as const) {
      const res = await app.request('/webhooks/ses', {
        method: 'POST',
        body: envelope,
        headers: signedHeaders(envelope, { route }),
      });
      expect(res.status, route).toBe(401);
    }
    expect(await deps.subscribers.isSuppressed(subscriberIdFor('richard@example.com'))).toBe(false);
  });

  it('is not mounted by the app AWS runs: a signed complaint finds no route', async () => {
    const { deps } = await withSubscribers('richard@example.com');
    const envelope = JSON.stringify({ Type: 'Notification', Message: sample('complaint') });
    for (const route of ['developments', 'send', 'ses'] as const) {
      const res = await createApp(deps).request('/webhooks/ses', {
        method: 'POST',
        body: envelope,
        headers: signedHeaders(envelope, { route }),
      });
      expect(res.status, route).toBe(404);
    }
    expect(await deps.subscribers.isSuppressed(subscriberIdFor('richard@example.com'))).toBe(false);
  });
});
