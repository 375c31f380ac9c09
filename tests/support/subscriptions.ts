// Helpers for the subscription tests: the app with a recorded send queue, requests from a given
// client IP (as API Gateway passes it), and a consumer that sends transactional emails to the SES
// emulator the way the send handler does.
import { renderConfirmEmail, renderWelcomeEmail } from '../../emails/render';
import { createApp } from '../../functions/app/create-app';
import type { Deps } from '../../functions/deps';
import type { TransactionalMessage } from '../../functions/domain/queue-messages';
import { unsealConfirmToken } from '../../functions/domain/subscribers/confirm-token';
import { deliverTransactional } from '../../functions/domain/subscribers/transactional';
import type { Clock } from '../../functions/ports/clock';
import type { Mailer, OutgoingEmail } from '../../functions/ports/mailer';
import { type TestDeps, testDeps } from './env';
import { type MemoryDeps, memoryDeps } from './memory-deps';

export interface SubscriptionHarness<D extends Deps = TestDeps> {
  deps: D;
  app: ReturnType<typeof createApp>;
  /**
   * The messages the app put on the send queue that lead to an email (a confirmation with a token, a
   * welcome), oldest first, with the confirmation token unsealed for the test to use.
   */
  sent: SentMessage[];
  /** Every message, the ones the sender drops included. */
  queued: TransactionalMessage[];
  /** Every email handed to the mailer, headers included (the SES emulator drops custom headers). */
  mailed: OutgoingEmail[];
  request(path: string, init?: RequestInit, ip?: string): Promise<Response>;
  /** Deliver what is queued (confirmation and welcome emails) to the SES emulator, then return. */
  flush(): Promise<void>;
}

export type SentMessage = TransactionalMessage & { confirmToken?: string };

export interface HarnessOptions {
  clock?: Clock;
  /** The in-memory stores and mailer instead of the emulators (route tests that need no SES inbox). */
  memory?: boolean;
}

export async function subscriptionHarness(options?: { clock?: Clock }): Promise<SubscriptionHarness>;
export async function subscriptionHarness(
  options: HarnessOptions & { memory: true },
): Promise<SubscriptionHarness<MemoryDeps>>;
export async function subscriptionHarness(
  options: HarnessOptions = {},
): Promise<SubscriptionHarness<TestDeps | MemoryDeps>> {
  const clock = options.clock ? { clock: options.clock } : {};
  const deps = options.memory ? memoryDeps({}, clock) : await testDeps({}, clock);
  const sent: SentMessage[] = [];
  const queued: TransactionalMessage[] = [];
  const mailed: OutgoingEmail[] = [];
  const queue = deps.queues.send;
  const send = queue.send.bind(queue);
  queue.send = async (messages) => {
    for (const m of messages as TransactionalMessage[]) {
      queued.push(m);
      const confirmToken = unsealConfirmToken(m.sealedToken, deps.config.SUBSCRIBER_ID_KEY);
      if (m.template === 'welcome' || confirmToken)
        sent.push({ ...m, ...(confirmToken ? { confirmToken } : {}) });
    }
    await send(messages);
  };
  const mailer = deps.mailer;
  const recording: Mailer = {
    send: (email: OutgoingEmail) => {
      mailed.push(email);
      return mailer.send(email);
    },
    quota: () => mailer.quota(),
  };
  queue.consume(async (event) => {
    for (const record of event.Records) {
      const message = JSON.parse(record.body) as TransactionalMessage;
      await deliverTransactional(
        {
          subscribers: deps.subscribers,
          mailer: recording,
          render: { confirm: renderConfirmEmail, welcome: renderWelcomeEmail },
          topics: deps.topics,
          settings: {
            publicUrl: deps.config.PUBLIC_URL,
            from: deps.config.FROM_ADDRESS,
            mailDomain: deps.config.mailDomain,
            tokenKeys: deps.config.TOKEN_KEYS,
            idKey: deps.config.SUBSCRIBER_ID_KEY,
          },
        },
        message,
      );
    }
  });
  const app = createApp(deps);
  return {
    deps,
    app,
    sent,
    queued,
    mailed,
    request: (path, init = {}, ip = '198.51.100.7') =>
      Promise.resolve(app.request(path, init, { requestContext: { http: { sourceIp: ip } } })),
    flush: () => queue.idle(),
  };
}

export const form = (fields: Record<string, string | string[]>): RequestInit => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  };
};

export const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body: JSON.stringify(body),
});

let counter = 0;
/** A fresh address per call, so tests sharing the SES emulator's inbox never see each other's mail. */
export function uniqueEmail(tag = 'reader'): string {
  return `${tag}.${process.pid}.${Date.now().toString(36)}.${counter++}@example.org`;
}

export function linkFrom(text: string | undefined, path: string): string {
  const match = new RegExp(`https?://[^\\s"<>]+${path}\\?token=[A-Za-z0-9._%-]+`).exec(text ?? '');
  if (!match) throw new Error(`no ${path} link in:\n${text}`);
  return match[0];
}
