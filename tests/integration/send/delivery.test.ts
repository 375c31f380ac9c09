// End to end on the emulators: subscribers in the real store, a signed webhook, the real dispatcher and
// sender on the in-process queues, SES emulator as the mailbox.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/app/create-app';
import { verifySubscriberToken } from '../../../functions/domain/subscribers/link-tokens';
import { createDispatchHandler } from '../../../functions/handlers/dispatch-handler';
import { createSendHandler } from '../../../functions/handlers/send-handler';
import { type Mailer, MailerError } from '../../../functions/ports/mailer';
import { requestDigest, seedSubscribers } from '../../support/delivery';
import { sampleDevelopment } from '../../support/development-store-contract';
import { sesEmails, type TestDeps, testDeps } from '../../support/env';

async function settle(deps: TestDeps) {
  for (let i = 0; i < 3; i++) {
    await deps.queues.dispatch.idle();
    await deps.queues.send.idle();
  }
}

async function sendDigest(deps: TestDeps, app: ReturnType<typeof createApp>) {
  const issueId = await requestDigest(app);
  await settle(deps);
  return issueId;
}

async function issueCounts(app: ReturnType<typeof createApp>, deps: TestDeps, issueId: string) {
  const res = await app.request(`/issues/${issueId}`, {
    headers: { authorization: `Bearer ${deps.config.ADMIN_TOKEN}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { status: string; counts: Record<string, number> };
}

function emailsTo(all: Awaited<ReturnType<typeof sesEmails>>, domain: string) {
  return all.filter((e) => e.destination.to.some((to) => to.endsWith(`@${domain}`)));
}

describe('webhook-triggered digest, end to end', () => {
  it('mails each of N active subscribers exactly once, each with their own working unsubscribe link', async () => {
    const deps = await testDeps();
    deps.queues.dispatch.consume(createDispatchHandler(deps));
    deps.queues.send.consume(createSendHandler(deps));
    await deps.developments.add(sampleDevelopment({ title: 'Envoys meet in Geneva' }));
    const subscribers = await seedSubscribers(deps.subscribers, 60);
    const domain = subscribers[0]!.email.split('@')[1]!;
    const [bounced] = await seedSubscribers(deps.subscribers, 1);
    await deps.subscribers.suppress(bounced!.id, 'bounce:General', '2025-12-01T00:00:00Z');
    const app = createApp(deps);

    const issueId = await sendDigest(deps, app);

    const received = emailsTo(await sesEmails(), domain);
    expect(received).toHaveLength(60);
    expect(new Set(received.map((e) => e.destination.to[0])).size).toBe(60);
    for (const email of received) {
      const token = /unsubscribe\?token=([\w.-]+)/.exec(email.body.html ?? '')?.[1];
      const id = verifySubscriberToken(deps.config.TOKEN_KEYS, 'unsubscribe', token);
      expect(subscribers.find((s) => s.id === id)?.email).toBe(email.destination.to[0]);
    }
    // The link works: one-click unsubscribe through the app, and the address is out of the next send.
    const first = received[0]!;
    const link = /(\/unsubscribe\?token=[\w.-]+)/.exec(first.body.html ?? '')![1]!;
    const unsub = await app.request(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsub.status).toBe(200);
    const gone = subscribers.find((s) => s.email === first.destination.to[0])!;
    expect((await deps.subscribers.get(gone.id))?.status).toBe('unsubscribed');

    const status = await issueCounts(app, deps, issueId);
    expect(status.status).toBe('sent');
    expect(status.counts).toMatchObject({ recipients: 61, sent: 60, failed: 0, suppressed: 1, pending: 0 });
    expect((await sesEmails()).some((e) => e.destination.to[0] === bounced!.email)).toBe(false);
  });

  it('under 20 % throttling, permanent rejections, a killed worker and every batch delivered twice, each active subscriber still gets exactly one email', async () => {
    let calls = 0;
    let killed = false;
    const faulty = (mailer: Mailer): Mailer => ({
      quota: () => mailer.quota(),
      async send(email) {
        calls++;
        if (email.to.startsWith('reject')) {
          throw new MailerError('permanent', 'MessageRejected', 'Email address is not verified.');
        }
        if (Math.random() < 0.2)
          throw new MailerError('retryable', 'Throttling', 'Maximum sending rate exceeded.');
        const result = await mailer.send(email);
        if (!killed && calls > 20) {
          // The worker dies after SES accepted this copy and before its MessageId was recorded.
          killed = true;
          throw new Error('worker killed');
        }
        return result;
      },
    });
    const deps = await testDeps();
    deps.mailer = faulty(deps.mailer);
    deps.queues.dispatch.consume(createDispatchHandler(deps));
    const send = createSendHandler(deps);
    // Every batch goes to two workers at once, and whatever fails comes back again.
    deps.queues.send.consume(async (event: SQSEvent) => {
      const [a, b] = (await Promise.all([send(event), send(event)])) as SQSBatchResponse[];
      const failed = new Set([...a!.batchItemFailures, ...b!.batchItemFailures].map((f) => f.itemIdentifier));
      return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })) };
    });
    await deps.developments.add(sampleDevelopment());
    const readers = await seedSubscribers(deps.subscribers, 80);
    const domain = readers[0]!.email.split('@')[1]!;
    const rejected = await seedSubscribers(deps.subscribers, 5, { prefix: 'reject' });
    const app = createApp(deps);

    const issueId = await sendDigest(deps, app);

    const received = emailsTo(await sesEmails(), domain);
    const perAddress = new Map<string, number>();
    for (const e of received)
      perAddress.set(e.destination.to[0]!, (perAddress.get(e.destination.to[0]!) ?? 0) + 1);
    expect(killed).toBe(true);
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
    expect(perAddress.size).toBe(80);
    const status = await issueCounts(app, deps, issueId);
    expect(status.counts).toMatchObject({ recipients: 85, failed: 5, pending: 0 });
    // The killed worker's copy went out but its MessageId was never recorded: counted, not resent.
    expect(status.counts.sent! + status.counts.inFlight!).toBe(80);
    expect(status.counts.inFlight).toBe(1);
    expect(rejected).toHaveLength(5);
  });

  it('answers SQS with a partial batch response: only the failed message comes back', async () => {
    const deps = await testDeps();
    await deps.developments.add(sampleDevelopment());
    const [reader] = await seedSubscribers(deps.subscribers, 1);
    const app = createApp(deps);
    deps.queues.dispatch.consume(createDispatchHandler(deps));
    const issueId = await requestDigest(app);
    await deps.queues.dispatch.idle();
    const record = (id: string, body: unknown) => ({ messageId: id, body: JSON.stringify(body) });
    const response = (await createSendHandler(deps)({
      Records: [
        record('good', {
          type: 'deliver',
          issueId,
          recipients: [{ subscriberId: reader!.id, email: reader!.email }],
        }),
        record('bad', { type: 'deliver', issueId: 'no-such-issue', recipients: [] }),
      ],
    } as unknown as SQSEvent)) as SQSBatchResponse;
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'bad' }]);
    expect((await sesEmails()).filter((e) => e.destination.to[0] === reader!.email)).toHaveLength(1);
  });
});

describe('the send queue', () => {
  it('carries ids only; a reader who unsubscribes between dispatch and send is not mailed', async () => {
    const deps = await testDeps();
    deps.queues.dispatch.consume(createDispatchHandler(deps));
    await deps.developments.add(sampleDevelopment({ title: 'Envoys meet in Vienna' }));
    const subscribers = await seedSubscribers(deps.subscribers, 3);
    const domain = subscribers[0]!.email.split('@')[1]!;
    const queued: string[] = [];
    const send = deps.queues.send.send.bind(deps.queues.send);
    deps.queues.send.send = async (messages) => {
      queued.push(...messages.map((m) => JSON.stringify(m)));
      await send(messages);
    };
    const app = createApp(deps);
    const issueId = await requestDigest(app);
    await deps.queues.dispatch.idle();
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.join('\n')).not.toContain('@');

    const leaving = subscribers[0]!;
    await deps.subscribers.put({ ...(await deps.subscribers.get(leaving.id))!, status: 'unsubscribed' });
    deps.queues.send.consume(createSendHandler(deps));
    await deps.queues.send.idle();
    const received = emailsTo(await sesEmails(), domain).map((e) => e.destination.to[0]);
    expect(received.sort()).toEqual(
      subscribers
        .slice(1)
        .map((s) => s.email)
        .sort(),
    );
    const { counts } = await issueCounts(app, deps, issueId);
    expect(counts).toMatchObject({ recipients: 3, sent: 2, suppressed: 1, pending: 0 });
  });
});
