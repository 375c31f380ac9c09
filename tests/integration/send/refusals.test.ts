// A send SES refuses (an unverified sender, a paused account) is recorded and logged at error level
// with SES's own reason, for issue emails and for confirmation emails alike: until now the reader saw
// "check your inbox" and the operator saw nothing.
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../functions/app/create-app';
import { createDispatchHandler } from '../../../functions/handlers/dispatch-handler';
import { createSendHandler } from '../../../functions/handlers/send-handler';
import { type Mailer, MailerError } from '../../../functions/ports/mailer';
import { requestDigest, seedSubscribers } from '../../support/delivery';
import { sampleDevelopment } from '../../support/development-store-contract';
import { type TestDeps, testDeps } from '../../support/env';

const REASON =
  'Email address is not verified. The following identities failed the check in region EU-WEST-1: alerts@talkwatch.test';

/** What SES answers for every message from an unverified sender. */
const refusing = (mailer: Mailer): Mailer => ({
  quota: () => mailer.quota(),
  send: async () => {
    throw new MailerError('permanent', 'MessageRejected', REASON);
  },
});

async function settle(deps: TestDeps) {
  for (let i = 0; i < 3; i++) {
    await deps.queues.dispatch.idle();
    await deps.queues.send.idle();
  }
}

describe('emails SES refuses', () => {
  it('an issue: every recipient recorded as failed, one error line per batch with the reason', async () => {
    const deps = await testDeps();
    deps.mailer = refusing(deps.mailer);
    const error = vi.spyOn(deps.logger, 'error');
    deps.queues.dispatch.consume(createDispatchHandler(deps));
    deps.queues.send.consume(createSendHandler(deps));
    await deps.developments.add(sampleDevelopment());
    await seedSubscribers(deps.subscribers, 7);
    const app = createApp(deps);
    const issueId = await requestDigest(app);
    await settle(deps);

    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith('SES refused 7 email(s); recorded as failed, not retried', {
      issueId,
      code: 'MessageRejected',
      reason: REASON,
      count: 7,
    });
    const status = await app.request(`/issues/${issueId}`, {
      headers: { authorization: `Bearer ${deps.config.ADMIN_TOKEN}` },
    });
    expect(await status.json()).toMatchObject({ status: 'sent', counts: { failed: 7, sent: 0 } });
  });

  it('a confirmation email: logged at error level with the reason', async () => {
    const deps = await testDeps();
    deps.mailer = refusing(deps.mailer);
    const error = vi.spyOn(deps.logger, 'error');
    deps.queues.send.consume(createSendHandler(deps));
    const app = createApp(deps);
    const res = await app.request('/subscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `refused-${Date.now()}@example.org` }),
    });
    expect(res.status).toBe(202);
    await deps.queues.send.idle();
    expect(error).toHaveBeenCalledWith('SES refused the confirm email; not retried', {
      subscriberId: expect.any(String),
      code: 'MessageRejected',
      reason: REASON,
    });
  });
});
