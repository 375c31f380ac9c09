// A send must leave close to its send-rate slot. When the claim before it is slow (a stalled store that
// then answers many claims at once), sending on the old slot would release a burst above the rate, as
// the delivery benchmark's SES stand-in showed with throttle errors: such a send takes a fresh slot.
import { describe, expect, it } from 'vitest';
import { deliverBatch } from '../../../functions/domain/delivery/deliver';
import { STALE_SLOT_MS } from '../../../functions/domain/delivery/send-rate';
import { systemClock } from '../../../functions/ports/clock';
import type { IssueStore } from '../../../functions/ports/issue-store';
import { digestWithTemplate, oneReaderSend } from '../../support/delivery';

const { issue, template } = digestWithTemplate();

async function sendOne(claimMs: number) {
  let acquired = 0;
  const sent: string[] = [];
  const issues = {
    get: async () => issue,
    getTemplate: async () => template,
    claim: async () => {
      await new Promise((r) => setTimeout(r, claimMs));
      return { claimed: true };
    },
    release: async () => undefined,
    completeMany: async () => undefined,
  } as unknown as IssueStore;
  await deliverBatch(
    {
      issues,
      mailer: {
        send: async (email) => {
          sent.push(email.to);
          return { providerMessageId: 'm1' };
        },
        quota: async () => ({ max24HourSend: 1, maxSendRate: 1, sentLast24Hours: 0 }),
      },
      rate: {
        acquire: async () => {
          acquired++;
        },
      },
      clock: systemClock,
      ...oneReaderSend(),
    },
    { type: 'deliver', issueId: issue.id, recipients: [{ subscriberId: 'sub_a' }] },
  );
  return { acquired, sent };
}

describe('a send held up by its claim', () => {
  it('takes a fresh slot when the claim took longer than a slot may be late', async () => {
    expect(await sendOne(STALE_SLOT_MS * 3)).toEqual({ acquired: 2, sent: ['a@example.org'] });
  });
});
