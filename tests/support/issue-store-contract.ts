// The IssueStore contract: every adapter of the port must pass these (the DynamoDB one against
// dynalite, the in-memory one in the unit tier), so route tests on the memory adapter mean something.
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../functions/domain/issues/types';
import type { IssueStore } from '../../functions/ports/issue-store';

let n = 0;
export function sampleIssue(overrides: Partial<Issue> = {}): Issue {
  n++;
  const topic = overrides.topic ?? 'us-russia-ukraine';
  return {
    id: `iss_${Date.now().toString(36)}${n}`,
    topic,
    kind: 'digest',
    frequencies: ['daily'],
    request: { topic, kind: 'digest' },
    status: 'requested',
    createdAt: `2025-12-0${(n % 9) + 1}T07:00:00.000Z`,
    origin: `test:${n}`,
    ...overrides,
  };
}

const sent = (issue: Issue): Issue => ({
  ...issue,
  status: 'sending',
  content: {
    topic: issue.topic,
    topicTitle: 'Talks',
    subject: 'Talks: news',
    developments: [],
    coveredUntil: issue.createdAt,
  },
  progress: { cohort: 0, enqueued: 3, suppressed: 0 },
  recipients: 3,
});

export function issueStoreContract(name: string, makeStore: () => Promise<IssueStore>) {
  describe(`IssueStore contract: ${name}`, () => {
    it('creates an issue once: a second create with the same id returns the stored one', async () => {
      const store = await makeStore();
      const issue = sampleIssue();
      expect(await store.create(issue)).toEqual({ issue, created: true });
      const again = await store.create({ ...issue, origin: 'someone-else' });
      expect(again.created).toBe(false);
      expect(again.issue.origin).toBe(issue.origin);
      expect((await store.listOpen()).map((i) => i.id)).toContain(issue.id);
      await store.markFinished(issue.id);
      expect((await store.listOpen()).map((i) => i.id)).not.toContain(issue.id);
    });

    it('lists as sent only issues that went to readers, newest first', async () => {
      const store = await makeStore();
      const topic = `topic-${Math.random().toString(36).slice(2, 8)}`;
      const older = sampleIssue({ topic, createdAt: '2025-12-01T07:00:00.000Z' });
      const newer = sampleIssue({ topic, createdAt: '2025-12-02T07:00:00.000Z' });
      const dry = sampleIssue({ topic, request: { topic, kind: 'digest', dryRun: true } });
      for (const issue of [older, newer, dry]) await store.create(issue);
      expect(await store.listSent(topic)).toEqual([]);
      for (const issue of [older, newer, dry]) await store.update(sent(issue));
      expect((await store.listSent(topic)).map((i) => i.id)).toEqual([newer.id, older.id]);
      expect((await store.listSent(topic, 1)).map((i) => i.id)).toEqual([newer.id]);
    });

    it('grants a claim once; its owner may claim again; a released claim is free again', async () => {
      const store = await makeStore();
      const { id } = sampleIssue();
      expect(await store.claim(id, 'sub_a', 'c1', '2025-12-02T07:00:00.000Z')).toEqual({ claimed: true });
      expect(await store.claim(id, 'sub_a', 'c1', '2025-12-02T07:00:00.000Z')).toEqual({ claimed: true });
      const other = await store.claim(id, 'sub_a', 'c2', '2025-12-02T07:00:01.000Z');
      expect(other.claimed).toBe(false);
      expect(other.existing).toMatchObject({ status: 'claimed', claimId: 'c1' });
      await store.release(id, 'sub_a', 'c2');
      expect((await store.claim(id, 'sub_a', 'c3', '2025-12-02T07:00:02.000Z')).claimed).toBe(false);
      await store.release(id, 'sub_a', 'c1');
      expect((await store.claim(id, 'sub_a', 'c3', '2025-12-02T07:00:02.000Z')).claimed).toBe(true);
    });

    it('counts each outcome once, however often it is recorded, and lists claims still open', async () => {
      const store = await makeStore();
      const { id } = sampleIssue();
      for (const s of ['a', 'b', 'c', 'd'])
        await store.claim(id, `sub_${s}`, `c_${s}`, '2025-12-02T07:00:00.000Z');
      const outcomes = [
        { subscriberId: 'sub_a', status: 'sent' as const, claimId: 'c_a', providerMessageId: 'm1' },
        { subscriberId: 'sub_b', status: 'failed' as const, claimId: 'c_b', error: 'rejected' },
        { subscriberId: 'sub_c', status: 'suppressed' as const, claimId: 'c_c' },
      ];
      await store.completeMany(id, outcomes);
      await store.completeMany(id, outcomes);
      expect(await store.tally(id)).toEqual({
        sent: 1,
        failed: 1,
        suppressed: 1,
        openClaims: ['2025-12-02T07:00:00.000Z'],
      });
      const claim = await store.claim(id, 'sub_a', 'c_x', '2025-12-02T08:00:00.000Z');
      expect(claim).toMatchObject({ claimed: false, existing: { status: 'sent', providerMessageId: 'm1' } });
    });

    it('records a suppressed recipient once and never over another outcome', async () => {
      const store = await makeStore();
      const { id } = sampleIssue();
      expect(await store.recordSuppressed(id, 'sub_s', '2025-12-02T07:00:00.000Z')).toBe(true);
      expect(await store.recordSuppressed(id, 'sub_s', '2025-12-02T07:00:00.000Z')).toBe(true);
      await store.claim(id, 'sub_t', 'c_t', '2025-12-02T07:00:00.000Z');
      expect(await store.recordSuppressed(id, 'sub_t', '2025-12-02T07:00:00.000Z')).toBe(false);
    });

    it("lists one reader's deliveries across issues, and nothing of them once anonymised", async () => {
      const store = await makeStore();
      const reader = `sub_${Math.random().toString(36).slice(2, 8)}`;
      const [one, two] = [sampleIssue(), sampleIssue()];
      await store.claim(one.id, reader, 'c1', '2025-12-02T07:00:00.000Z');
      await store.completeMany(one.id, [
        { subscriberId: reader, status: 'sent', claimId: 'c1', providerMessageId: 'm' },
      ]);
      await store.recordSuppressed(two.id, reader, '2025-12-03T07:00:00.000Z');
      const mine = await store.listDeliveriesOf(reader);
      expect(mine.map((d) => [d.issueId, d.status]).sort()).toEqual(
        [
          [one.id, 'sent'],
          [two.id, 'suppressed'],
        ].sort(),
      );
      expect(await store.anonymiseDeliveriesOf(reader)).toBe(2);
      expect(await store.listDeliveriesOf(reader)).toEqual([]);
      expect(await store.tally(one.id)).toMatchObject({ sent: 1 });
    });

    it('keeps templates and moves a cohort cursor forward only', async () => {
      const store = await makeStore();
      const { id } = sampleIssue();
      const template = { subject: 'S', html: '<p>x</p>', text: 'x' };
      await store.putTemplate(id, template);
      expect(await store.getTemplate(id)).toEqual(template);
      expect(await store.getTemplate('iss_missing')).toBeUndefined();
      const topic = `topic-${Math.random().toString(36).slice(2, 8)}`;
      expect(await store.getCursor(topic, 'daily')).toBeUndefined();
      await store.setCursor(topic, 'daily', '2025-12-02T07:00:00.000Z');
      await store.setCursor(topic, 'daily', '2025-12-01T07:00:00.000Z');
      expect(await store.getCursor(topic, 'daily')).toBe('2025-12-02T07:00:00.000Z');
      expect(await store.getCursor(topic, 'weekly')).toBeUndefined();
    });
  });
}
