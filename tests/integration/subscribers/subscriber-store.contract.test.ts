// The SubscriberStore contract, run against every implementation: the DynamoDB adapter (on the
// emulator) and the in-memory one the domain tests use.
import { describe, expect, it } from 'vitest';
import { DynamoSubscriberStore } from '../../../functions/adapters/dynamodb/subscriber-store';
import { MemorySubscriberStore } from '../../../functions/adapters/memory/subscriber-store';
import { ConflictError, ValidationError } from '../../../functions/domain/errors';
import type { Subscriber } from '../../../functions/domain/subscribers/types';
import type { SubscriberStore } from '../../../functions/ports/subscriber-store';
import { testDeps } from '../../support/env';
import { subscriberIdFor } from '../../support/ids';

const T = 'us-russia-ukraine';

function subscriber(email: string, over: Partial<Subscriber> = {}): Subscriber {
  return {
    id: subscriberIdFor(email),
    email,
    status: 'active',
    topics: [T],
    frequency: 'daily',
    paused: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    consent: {
      subscribed: { at: '2026-01-01T00:00:00.000Z', ip: '192.0.2.1', userAgent: 'ua', source: 'form' },
    },
    transientBounces: 0,
    ...over,
  };
}

async function allOf(
  store: SubscriberStore,
  topic: string,
  frequency: 'instant' | 'daily' | 'weekly',
  limit = 2,
) {
  const emails: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listCohort(topic, frequency, cursor, limit);
    emails.push(...page.items.map((r) => r.email));
    cursor = page.cursor;
  } while (cursor);
  return emails.sort();
}

const implementations: Array<[string, () => Promise<SubscriberStore>]> = [
  [
    'DynamoSubscriberStore',
    async () => {
      const deps = await testDeps();
      return new DynamoSubscriberStore(deps.dynamo, deps.config.TABLE_NAME);
    },
  ],
  ['MemorySubscriberStore', async () => new MemorySubscriberStore()],
];

describe.each(implementations)('SubscriberStore contract: %s', (_name, make) => {
  it('stores and returns a subscriber with a revision that grows on every write', async () => {
    const store = await make();
    const s = subscriber('ann@example.org');
    await store.put(s, { ifRevision: 'absent' });
    const first = await store.get(s.id);
    expect(first).toMatchObject({ email: 'ann@example.org', status: 'active', topics: [T], revision: 1 });
    await store.put({ ...first!, frequency: 'weekly' }, { ifRevision: 1 });
    expect(await store.get(s.id)).toMatchObject({ frequency: 'weekly', revision: 2 });
    expect(await store.get(subscriberIdFor('nobody@example.org'))).toBeUndefined();
  });

  it('refuses a write based on a stale revision, or a create over an existing record', async () => {
    const store = await make();
    const s = subscriber('bo@example.org');
    await store.put(s, { ifRevision: 'absent' });
    await expect(store.put(s, { ifRevision: 'absent' })).rejects.toBeInstanceOf(ConflictError);
    await store.put({ ...s, paused: true }, { ifRevision: 1 });
    await expect(store.put({ ...s, paused: false }, { ifRevision: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect((await store.get(s.id))?.paused).toBe(true);
  });

  it('lists only active, unpaused subscribers of the topic and frequency, in pages', async () => {
    const store = await make();
    const emails = ['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org', 'e@x.org'];
    for (const e of emails) await store.put(subscriber(e));
    await store.put(subscriber('pending@x.org', { status: 'pending' }));
    await store.put(subscriber('gone@x.org', { status: 'unsubscribed' }));
    await store.put(subscriber('paused@x.org', { paused: true }));
    await store.put(subscriber('weekly@x.org', { frequency: 'weekly' }));
    await store.put(subscriber('other@x.org', { topics: ['another-topic'] }));
    expect(await allOf(store, T, 'daily')).toEqual(emails);
    expect(await allOf(store, T, 'weekly')).toEqual(['weekly@x.org']);
    expect(await allOf(store, 'another-topic', 'daily')).toEqual(['other@x.org']);
    const page = await store.listCohort(T, 'daily', undefined, 2);
    expect(page.items).toHaveLength(2);
    expect(page.cursor).toEqual(expect.any(String));
  });

  it('gives the senders the address of each reader who takes mail now, and nobody else', async () => {
    const store = await make();
    const active = subscriber('on@y.org');
    const weekly = subscriber('weekly@y.org', { frequency: 'weekly', topics: ['another-topic'] });
    const others = [
      subscriber('pending@y.org', { status: 'pending' }),
      subscriber('gone@y.org', { status: 'unsubscribed' }),
      subscriber('paused@y.org', { paused: true }),
    ];
    for (const s of [active, weekly, ...others]) await store.put(s);
    const deleted = subscriber('deleted@y.org');
    await store.put(deleted);
    await store.delete(deleted.id);
    const ids = [active, weekly, ...others, deleted].map((s) => s.id);
    const found = await store.recipientsAmong([...ids, subscriberIdFor('never@y.org'), active.id]);
    expect(Object.fromEntries(found)).toEqual({
      [active.id]: { subscriberId: active.id, email: 'on@y.org' },
      [weekly.id]: { subscriberId: weekly.id, email: 'weekly@y.org' },
    });
  });

  it('keeps the cohort in step with every change: unsubscribe, pause, frequency, topics, delete', async () => {
    const store = await make();
    const s = subscriber('f@x.org', { topics: [T, 'second'] });
    await store.put(s);
    expect(await allOf(store, 'second', 'daily')).toEqual(['f@x.org']);
    await store.put({ ...s, topics: [T] });
    expect(await allOf(store, 'second', 'daily')).toEqual([]);
    await store.put({ ...s, topics: [T], frequency: 'instant' });
    expect(await allOf(store, T, 'daily')).toEqual([]);
    expect(await allOf(store, T, 'instant')).toEqual(['f@x.org']);
    await store.put({ ...s, topics: [T], frequency: 'instant', paused: true });
    expect(await allOf(store, T, 'instant')).toEqual([]);
    await store.put({ ...s, topics: [T], frequency: 'instant', status: 'active' });
    expect(await allOf(store, T, 'instant')).toEqual(['f@x.org']);
    await store.put({ ...s, topics: [T], frequency: 'instant', status: 'unsubscribed' });
    expect(await allOf(store, T, 'instant')).toEqual([]);
    await store.put({ ...s, status: 'active' });
    await store.delete(s.id);
    expect(await store.get(s.id)).toBeUndefined();
    expect(await allOf(store, T, 'daily')).toEqual([]);
  });

  it('keeps the cohort in step when the caller names the record it read (previous)', async () => {
    const store = await make();
    const s = subscriber('h@x.org', { topics: [T] });
    await store.put(s, { ifRevision: 'absent' });
    const read = async () => (await store.get(s.id))!;
    // Membership unchanged: the record alone is written, the entry stays.
    const first = await read();
    await store.put({ ...first, updatedAt: '2026-01-03T00:00:00.000Z' }, { ifRevision: 1, previous: first });
    expect(await allOf(store, T, 'daily')).toEqual(['h@x.org']);
    // Membership changed: entries join and leave as with any put.
    const second = await read();
    await store.put({ ...second, topics: [T, 'second'] }, { ifRevision: 2, previous: second });
    expect(await allOf(store, 'second', 'daily')).toEqual(['h@x.org']);
    const third = await read();
    await store.put({ ...third, paused: true }, { ifRevision: 3, previous: third });
    const fourth = await read();
    await store.put({ ...fourth, paused: false }, { ifRevision: 4, previous: fourth });
    expect(await allOf(store, T, 'daily')).toEqual(['h@x.org']);
    expect(await allOf(store, 'second', 'daily')).toEqual(['h@x.org']);
  });

  it('looks up the record and the suppression entry of several ids at once', async () => {
    const store = await make();
    const [a, b, c] = ['la@x.org', 'lb@x.org', 'lc@x.org'].map((e) => subscriber(e));
    await store.put(a!, { ifRevision: 'absent' });
    await store.put(b!, { ifRevision: 'absent' });
    await store.suppress(b!.id, 'complaint', '2026-01-02T00:00:00.000Z');
    await store.suppress(c!.id, 'deleted-by-subscriber', '2026-01-03T00:00:00.000Z');
    const found = await store.lookup([a!.id, b!.id, c!.id, subscriberIdFor('nobody@x.org')]);
    expect([...found.keys()].sort()).toEqual([a!.id, b!.id, c!.id].sort());
    expect(found.get(a!.id)).toEqual({
      subscriber: expect.objectContaining({ email: 'la@x.org', revision: 1 }),
    });
    expect(found.get(b!.id)?.subscriber?.email).toBe('lb@x.org');
    expect(found.get(b!.id)?.suppression).toEqual({ reason: 'complaint', at: '2026-01-02T00:00:00.000Z' });
    expect(found.get(c!.id)).toEqual({
      suppression: { reason: 'deleted-by-subscriber', at: '2026-01-03T00:00:00.000Z' },
    });
  });

  it('counts requests on a suppression entry only while it is the one read', async () => {
    const store = await make();
    const id = subscriberIdFor('sc@x.org');
    const first = { reason: 'deleted-by-subscriber', at: '2026-01-03T00:00:00.000Z' };
    await expect(store.countOnSuppression(id, first, { windowStart: 0, count: 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await store.lookup([id])).toEqual(new Map());
    await store.suppress(id, first.reason, first.at);
    await store.countOnSuppression(id, first, { windowStart: 3600, count: 1 });
    // A second request that read the entry before the first one counted loses the race.
    await expect(store.countOnSuppression(id, first, { windowStart: 3600, count: 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const counted = { ...first, requests: { windowStart: 3600, count: 1 } };
    expect((await store.lookup([id])).get(id)?.suppression).toEqual(counted);
    await store.countOnSuppression(id, counted, { windowStart: 3600, count: 2 });
    // A suppression recorded meanwhile (a complaint) is not overwritten by a stale read.
    await store.suppress(id, 'complaint', '2026-01-04T00:00:00.000Z');
    await expect(
      store.countOnSuppression(
        id,
        { ...first, requests: { windowStart: 3600, count: 2 } },
        { windowStart: 3600, count: 3 },
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await store.lookup([id])).get(id)?.suppression).toEqual({
      reason: 'complaint',
      at: '2026-01-04T00:00:00.000Z',
    });
    expect(await store.getSuppression(id)).toEqual({ reason: 'complaint', at: '2026-01-04T00:00:00.000Z' });
  });

  it('keeps a suppression after the record is deleted', async () => {
    const store = await make();
    const s = subscriber('g@x.org');
    await store.put(s);
    expect(await store.isSuppressed(s.id)).toBe(false);
    await store.suppress(s.id, 'deleted-by-subscriber', '2026-01-02T00:00:00.000Z');
    await store.delete(s.id);
    expect(await store.isSuppressed(s.id)).toBe(true);
    expect(await store.get(s.id)).toBeUndefined();
  });

  it('tells which of a page of readers are suppressed, across batch boundaries and repeats', async () => {
    const store = await make();
    const ids = Array.from({ length: 130 }, (_, i) => subscriber(`page${i}@x.org`).id);
    for (const i of [0, 99, 100, 129]) await store.suppress(ids[i]!, 'bounce', '2026-01-02T00:00:00.000Z');
    const found = await store.suppressedAmong([...ids, ids[0]!]);
    expect([...found].sort()).toEqual([ids[0], ids[99], ids[100], ids[129]].sort());
    expect(await store.suppressedAmong([])).toEqual(new Set());
  });

  it('rejects a cursor it did not issue', async () => {
    const store = await make();
    await expect(store.listCohort(T, 'daily', 'not-a-cursor!')).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('DynamoSubscriberStore specifics', () => {
  it('reads the cohort with an index query, never a scan, and drops entries whose profile disagrees', async () => {
    const deps = await testDeps();
    const commands: string[] = [];
    const send = deps.dynamo.doc.send.bind(deps.dynamo.doc);
    deps.dynamo.doc.send = ((command: { constructor: { name: string }; input: { IndexName?: string } }) => {
      commands.push(
        `${command.constructor.name}${command.input.IndexName ? `:${command.input.IndexName}` : ''}`,
      );
      return send(command as never);
    }) as typeof deps.dynamo.doc.send;
    const store = new DynamoSubscriberStore(deps.dynamo, deps.config.TABLE_NAME);
    const s = subscriber('stale@x.org');
    await store.put(s);
    // A crash between the profile write and the cohort cleanup leaves a stale entry behind.
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    await deps.dynamo.doc.send(
      new PutCommand({
        TableName: deps.config.TABLE_NAME,
        Item: {
          pk: `SUB#${s.id}`,
          sk: 'PROFILE',
          ...s,
          status: 'unsubscribed',
          type: 'subscriber',
          revision: 5,
        },
      }),
    );
    commands.length = 0;
    const page = await store.listCohort(T, 'daily');
    expect(page.items).toEqual([]);
    expect(commands).toContain('QueryCommand:gsi1');
    expect(commands.some((c) => c.startsWith('ScanCommand'))).toBe(false);
  });
});
