// A store that goes away mid-request (the fault test stops DynamoDB mid-send) can write a claim and lose
// its answer, or refuse the booking of a fresh slot and the release of a claim held for a send whose
// slot was lost. Either way the claim must not strand its reader: they are mailed once, when the queue
// delivers the batch again if need be. Both cases failed before the store calls made while a claim is
// in doubt or held were retried.
import { describe, expect, it } from 'vitest';
import { MemoryIssueStore } from '../../../functions/adapters/memory/issue-store';
import { deliverBatch } from '../../../functions/domain/delivery/deliver';
import { systemClock } from '../../../functions/ports/clock';
import { digestWithTemplate, immediateRate, oneReaderSend } from '../../support/delivery';

const { issue, template } = digestWithTemplate();
const storeGone = () => new Error('connect ECONNREFUSED 127.0.0.1:8000');

interface Faults {
  /** The first claim is written, then its answer is lost. */
  claimAnswerLost?: boolean;
  /** The send's slot was lost and the store is gone when it is booked again, for this many calls. */
  outageCalls?: number;
}

async function deliverUntilDone(faults: Faults) {
  const store = new MemoryIssueStore();
  await store.create(issue);
  await store.putTemplate(issue.id, template);
  const sent: string[] = [];
  let claims = 0;
  let turns = 0;
  let down = 0;
  const reachable = () => {
    if (down > 0) {
      down--;
      throw storeGone();
    }
  };
  const issues = Object.create(store) as MemoryIssueStore;
  issues.claim = async (...args) => {
    reachable();
    const result = await store.claim(...args);
    if (faults.claimAnswerLost && claims++ === 0) throw storeGone();
    return result;
  };
  issues.release = async (...args) => {
    reachable();
    return store.release(...args);
  };
  const ports = {
    issues,
    mailer: {
      send: async (email: { to: string }) => {
        sent.push(email.to);
        return { providerMessageId: `m${sent.length}` };
      },
      quota: async () => ({ max24HourSend: 1, maxSendRate: 1, sentLast24Hours: 0 }),
    },
    rate: immediateRate({
      onReserve: reachable,
      onTurn: () => {
        // The first turn finds its slot lost and the store gone: the send books a fresh slot.
        if (turns++ === 0 && faults.outageCalls) {
          down = faults.outageCalls;
          throw storeGone();
        }
      },
    }),
    clock: systemClock,
    sleep: async () => undefined,
    ...oneReaderSend(),
  };
  const message = { type: 'deliver' as const, issueId: issue.id, recipients: [{ subscriberId: 'sub_a' }] };
  // The queue delivers a failed batch again (five receives, as the send queue allows).
  for (let receive = 0; receive < 5; receive++) {
    try {
      await deliverBatch(ports, message);
      break;
    } catch {}
  }
  return { sent, counts: await store.tally(issue.id) };
}

describe('a store outage while a claim is in doubt or held', () => {
  it('a claim written whose answer was lost is recognised as ours: the reader is mailed once', async () => {
    const { sent, counts } = await deliverUntilDone({ claimAnswerLost: true });
    expect(sent).toEqual(['a@example.org']);
    expect(counts).toMatchObject({ sent: 1, openClaims: [] });
  });

  it('a send whose slot was lost, meeting a short outage for its fresh slot, still mails the reader once', async () => {
    const { sent, counts } = await deliverUntilDone({ outageCalls: 3 });
    expect(sent).toEqual(['a@example.org']);
    expect(counts).toMatchObject({ sent: 1, openClaims: [] });
  });

  it('a send whose fresh slot and release outlast the retries is mailed once on a later delivery', async () => {
    const { sent, counts } = await deliverUntilDone({ outageCalls: 8 });
    expect(sent).toEqual(['a@example.org']);
    expect(counts).toMatchObject({ sent: 1, openClaims: [] });
  });
});
