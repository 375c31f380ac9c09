// "Download my data" holds everything kept about the reader, their deliveries and suppression entry
// included; "delete my data" leaves nothing in the delivery records that leads back to the reader
// (SES message ids, error texts with the address), while issue counts stay true.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { issueCounts } from '../../../functions/domain/issues/status';
import type { Issue } from '../../../functions/domain/issues/types';
import { signSubscriberToken } from '../../../functions/domain/subscribers/link-tokens';
import { activeSubscriber } from '../../support/delivery';
import { form, subscriptionHarness, uniqueEmail } from '../../support/subscriptions';

async function readerWithDeliveries() {
  const h = await subscriptionHarness();
  const email = uniqueEmail('erasure');
  const reader = activeSubscriber(email);
  await h.deps.subscribers.put(reader);
  const { issues } = h.deps;
  const at = '2025-12-02T10:00:00.000Z';
  await issues.claim('issueSent000000000001', reader.id, 'claim-1', at);
  await issues.completeMany('issueSent000000000001', [
    { subscriberId: reader.id, status: 'sent', claimId: 'claim-1', providerMessageId: 'ses-msg-1', at },
  ]);
  await issues.claim('issueFail000000000001', reader.id, 'claim-2', at);
  await issues.completeMany('issueFail000000000001', [
    { subscriberId: reader.id, status: 'failed', claimId: 'claim-2', error: `MessageRejected: ${email}`, at },
  ]);
  const url = `/preferences?token=${signSubscriberToken(h.deps.config.TOKEN_KEYS, 'preferences', reader.id)}`;
  return { h, email, reader, url, issues };
}

describe('export and erasure of delivery records', () => {
  it('the export lists every issue sent to the reader with its outcome, and the suppression entry', async () => {
    const { h, reader, url } = await readerWithDeliveries();
    await h.deps.subscribers.suppress(reader.id, 'bounce:transient x3', '2025-12-03T00:00:00.000Z');
    const data = await (await h.request(url, form({ action: 'export' }))).json();
    expect(data.deliveries).toEqual(
      expect.arrayContaining([
        { issueId: 'issueSent000000000001', status: 'sent', at: '2025-12-02T10:00:00.000Z' },
        { issueId: 'issueFail000000000001', status: 'failed', at: '2025-12-02T10:00:00.000Z' },
      ]),
    );
    expect(data.suppression).toEqual({ reason: 'bounce:transient x3', at: '2025-12-03T00:00:00.000Z' });
  });

  it('deleting the reader strips their delivery records; the issue still counts the email as sent', async () => {
    const { h, email, reader, url, issues } = await readerWithDeliveries();
    await h.request(url, form({ action: 'delete-confirmed' }));
    expect(await issues.listDeliveriesOf(reader.id)).toEqual([]);
    for (const issueId of ['issueSent000000000001', 'issueFail000000000001']) {
      const { Item } = await h.deps.dynamo.doc.send(
        new GetCommand({
          TableName: h.deps.config.TABLE_NAME,
          Key: { pk: `ISSUE#${issueId}`, sk: `DELIVERY#${reader.id}` },
        }),
      );
      expect(JSON.stringify(Item)).not.toMatch(/ses-msg-1|@|READER#/);
      expect(Item?.status).toBeDefined();
    }
    const issue = { recipients: 1 } as Issue;
    const counts = issueCounts(issue, await issues.tally('issueSent000000000001'), new Date());
    expect(counts).toMatchObject({ sent: 1, pending: 0 });
    expect(email).toContain('@');
  });
});
