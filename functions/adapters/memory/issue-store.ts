// IssueStore in memory, for tests of routes and use cases that need no emulator. It keeps the same
// rules as the DynamoDB adapter: a claim is granted once, an outcome counts once however often it is
// recorded, a cursor only moves forward, the archive lists only issues that went to readers. The
// IssueStore contract (tests/support/issue-store-contract.ts) runs against both.
import { isPublished } from '../../domain/issues/archive';
import type { Delivery, Issue, RenderedTemplate } from '../../domain/issues/types';
import type { Frequency } from '../../domain/subscribers/types';
import type { ClaimResult, DeliveryTally, IssueStore, ReaderDelivery } from '../../ports/issue-store';

const copy = <T>(value: T): T => structuredClone(value);

interface DeliveryRecord extends Delivery {
  anonymised?: boolean;
}

export class MemoryIssueStore implements IssueStore {
  private readonly issues = new Map<string, Issue>();
  private readonly open = new Set<string>();
  private readonly templates = new Map<string, RenderedTemplate>();
  /** issue id → subscriber id → delivery. */
  private readonly deliveries = new Map<string, Map<string, DeliveryRecord>>();
  /** issue id → outcome keys already counted (claim id, else subscriber id). */
  private readonly counted = new Map<string, Map<string, Delivery['status']>>();
  private readonly cursors = new Map<string, string>();

  async create(issue: Issue): Promise<{ issue: Issue; created: boolean }> {
    const existing = this.issues.get(issue.id);
    if (existing) return { issue: copy(existing), created: false };
    this.issues.set(issue.id, copy(issue));
    this.open.add(issue.id);
    return { issue, created: true };
  }

  async get(id: string): Promise<Issue | undefined> {
    const issue = this.issues.get(id);
    return issue ? copy(issue) : undefined;
  }

  async update(issue: Issue): Promise<void> {
    this.issues.set(issue.id, copy(issue));
  }

  async listSent(topic: string, limit = 50): Promise<Issue[]> {
    return [...this.issues.values()]
      .filter((i) => i.topic === topic && isPublished(i))
      .sort((a, b) => `${b.createdAt}#${b.id}`.localeCompare(`${a.createdAt}#${a.id}`))
      .slice(0, limit)
      .map(copy);
  }

  async listOpen(): Promise<Issue[]> {
    return [...this.open].flatMap((id) => {
      const issue = this.issues.get(id);
      return issue ? [copy(issue)] : [];
    });
  }

  async markFinished(id: string): Promise<void> {
    this.open.delete(id);
  }

  async putTemplate(issueId: string, template: RenderedTemplate): Promise<void> {
    this.templates.set(issueId, copy(template));
  }

  async getTemplate(issueId: string): Promise<RenderedTemplate | undefined> {
    const template = this.templates.get(issueId);
    return template ? copy(template) : undefined;
  }

  async claim(issueId: string, subscriberId: string, claimId: string, at: string): Promise<ClaimResult> {
    const items = this.itemsOf(issueId);
    const existing = items.get(subscriberId);
    if (existing) {
      if (existing.claimId === claimId && existing.status === 'claimed') return { claimed: true };
      return { claimed: false, existing: copy(existing) };
    }
    items.set(subscriberId, { subscriberId, status: 'claimed', claimId, claimedAt: at });
    return { claimed: true };
  }

  async completeMany(issueId: string, deliveries: Delivery[]): Promise<void> {
    let counted = this.counted.get(issueId);
    if (!counted) {
      counted = new Map();
      this.counted.set(issueId, counted);
    }
    for (const d of deliveries) {
      const key = d.claimId ?? d.subscriberId;
      if (!counted.has(key)) counted.set(key, d.status);
      this.itemsOf(issueId).set(d.subscriberId, copy(d));
    }
  }

  async tally(issueId: string): Promise<DeliveryTally> {
    const statuses = [...(this.counted.get(issueId)?.values() ?? [])];
    const count = (status: Delivery['status']) => statuses.filter((s) => s === status).length;
    const openClaims = [...this.itemsOf(issueId).values()]
      .filter((d) => d.status === 'claimed' && d.claimedAt)
      .map((d) => d.claimedAt!)
      .sort();
    return { sent: count('sent'), failed: count('failed'), suppressed: count('suppressed'), openClaims };
  }

  async release(issueId: string, subscriberId: string, claimId: string): Promise<void> {
    const items = this.itemsOf(issueId);
    const item = items.get(subscriberId);
    if (item?.status === 'claimed' && item.claimId === claimId) items.delete(subscriberId);
  }

  async recordSuppressed(issueId: string, subscriberId: string, at: string): Promise<boolean> {
    const items = this.itemsOf(issueId);
    const existing = items.get(subscriberId);
    if (existing) return existing.status === 'suppressed';
    items.set(subscriberId, { subscriberId, status: 'suppressed', at });
    return true;
  }

  async listDeliveriesOf(subscriberId: string): Promise<ReaderDelivery[]> {
    const out: ReaderDelivery[] = [];
    for (const [issueId, items] of this.deliveries) {
      const d = items.get(subscriberId);
      if (d && !d.anonymised) {
        const { anonymised: _, ...delivery } = d;
        out.push({ issueId, ...copy(delivery) });
      }
    }
    return out;
  }

  async anonymiseDeliveriesOf(subscriberId: string): Promise<number> {
    let count = 0;
    for (const items of this.deliveries.values()) {
      const d = items.get(subscriberId);
      if (!d || d.anonymised) continue;
      const { providerMessageId: _m, error: _e, ...kept } = d;
      items.set(subscriberId, { ...kept, anonymised: true });
      count++;
    }
    return count;
  }

  async getCursor(topic: string, frequency: Frequency): Promise<string | undefined> {
    return this.cursors.get(`${topic}#${frequency}`);
  }

  async setCursor(topic: string, frequency: Frequency, until: string): Promise<void> {
    const key = `${topic}#${frequency}`;
    const current = this.cursors.get(key);
    if (current === undefined || current < until) this.cursors.set(key, until);
  }

  private itemsOf(issueId: string): Map<string, DeliveryRecord> {
    let items = this.deliveries.get(issueId);
    if (!items) {
      items = new Map();
      this.deliveries.set(issueId, items);
    }
    return items;
  }
}
