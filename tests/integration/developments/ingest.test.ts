// Ingest through the real emulators: idempotent on URL and content, near-duplicates merge, the state
// of play grows, and only a new significant development asks for an alert.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { offlineSummariser } from '../../../functions/adapters/summariser/offline-summariser';
import { ingestDevelopment } from '../../../functions/domain/developments/ingest';
import { parseDevelopmentText } from '../../../functions/domain/developments/input';
import type { AlertRequestMessage as AlertRequest } from '../../../functions/domain/queue-messages';
import { testDeps } from '../../support/env';

const seed = parseDevelopmentText(
  readFileSync('data/developments/2025-12-02-witkoff-putin-moscow.md', 'utf8'),
);

async function setup() {
  const deps = await testDeps();
  const sent: AlertRequest[] = [];
  const ports = {
    developments: deps.developments,
    clock: { now: () => new Date('2025-12-03T08:00:00Z') },
    catalogue: deps.catalogue,
    dispatch: { send: async (m: readonly AlertRequest[]) => void sent.push(...m) },
    summariser: offlineSummariser,
  };
  return { deps, ports, sent };
}

describe('ingestDevelopment', () => {
  it('stores a new report once, and asks for one alert when it is significant', async () => {
    const { ports, sent, deps } = await setup();
    const first = await ingestDevelopment(ports, seed);
    expect(first).toMatchObject({ created: true, outcome: 'new', alert: true });
    expect(sent).toEqual([{ type: 'alert-request', topic: 'us-russia-ukraine', developmentId: first.id }]);

    const again = await ingestDevelopment(ports, seed);
    expect(again).toEqual({ id: first.id, created: false, outcome: 'same-url', alert: false });
    const sameText = await ingestDevelopment(ports, { ...seed, url: 'https://mirror.example/copy' });
    expect(sameText).toMatchObject({ id: first.id, created: false, outcome: 'same-content' });
    expect(sent).toHaveLength(1);
    expect(await deps.developments.listByTopic('us-russia-ukraine')).toHaveLength(1);

    const stored = await deps.developments.get(first.id);
    expect(stored?.summary.quotes.some((q) => q.speaker === 'Yuri Ushakov')).toBe(true);
    expect(stored?.sources.map((s) => s.url)).toEqual([
      'https://kyivindependent.com',
      'https://mirror.example/copy',
    ]);
  });

  it('merges the same story from another outlet into one development listing both sources', async () => {
    const { ports, deps } = await setup();
    const first = await ingestDevelopment(ports, seed);
    const rewritten = {
      ...seed,
      title: 'Putin and Witkoff hold five-hour talks in Moscow, no deal yet',
      url: 'https://other-outlet.example/world/witkoff-putin',
      source: 'Other Outlet',
      body: seed.body
        .replace("Editor's note: The story was updated with additional details.", '')
        .replace('The White House has not responded', 'Washington did not immediately respond')
        .replace('Meanwhile,', 'Separately,'),
    };
    const merged = await ingestDevelopment(ports, rewritten);
    expect(merged).toMatchObject({ id: first.id, created: false, outcome: 'merged-near-duplicate' });
    const stored = await deps.developments.get(first.id);
    expect(stored?.sources.map((s) => s.name)).toEqual(['Kyiv Independent', 'Other Outlet']);
    expect((await ingestDevelopment(ports, rewritten)).outcome).toBe('same-url');
  });

  it('keeps a different story separate and builds the state of play across both', async () => {
    const { ports, deps } = await setup();
    const geneva = {
      title: 'US and Ukraine draft updated peace framework in Geneva',
      url: 'https://wire.example/geneva',
      publishedAt: '2025-11-24T09:00:00Z',
      body:
        'US Secretary of State Marco Rubio met Ukrainian officials in Geneva on Sunday. ' +
        'A joint statement said the parties drafted an updated and refined peace framework that revised the 28-point plan. ' +
        'Trump had given Ukraine until Nov 27 to accept the plan.',
    };
    // In order of publication (an older report arriving later is background: see reader-emails.test.ts).
    expect((await ingestDevelopment(ports, geneva)).created).toBe(true);
    const second = await ingestDevelopment(ports, seed);
    expect(second.created).toBe(true);
    const state = await deps.developments.getStateOfPlay('us-russia-ukraine');
    const dates = state?.timeline.map((e) => e.date) ?? [];
    expect(dates).toEqual([...dates].sort());
    expect(dates).toEqual(expect.arrayContaining(['2025-11-23', '2025-11-27', '2025-11-30', '2025-12-02']));
    const plan = state?.proposals.find((p) => p.key === '28-point');
    expect(plan).toMatchObject({ status: 'revised', changedAt: '2025-11-24' });
  });

  it('still asks for the alert when the process died between storing and enqueueing', async () => {
    const { ports, sent, deps } = await setup();
    let failures = 1;
    const flaky = {
      ...ports,
      dispatch: {
        send: async (m: readonly AlertRequest[]) => {
          if (failures-- > 0) throw new Error('queue unreachable');
          sent.push(...m);
        },
      },
    };
    await expect(ingestDevelopment(flaky, seed)).rejects.toThrow('queue unreachable');
    expect(sent).toEqual([]);
    const stored = (await deps.developments.listByTopic('us-russia-ukraine'))[0];
    expect(stored?.pending).toEqual({ stateOfPlay: true, alert: true });

    const retry = await ingestDevelopment(flaky, seed);
    expect(retry).toEqual({ id: stored?.id, created: false, outcome: 'same-url', alert: true });
    expect(sent).toEqual([{ type: 'alert-request', topic: 'us-russia-ukraine', developmentId: stored?.id }]);
    expect((await deps.developments.get(stored!.id))?.pending).toBeUndefined();
    expect((await deps.developments.getStateOfPlay('us-russia-ukraine'))?.timeline.length).toBeGreaterThan(0);

    // Once the follow-ups are done, further retries ask for nothing.
    expect((await ingestDevelopment(flaky, seed)).alert).toBe(false);
    expect(sent).toHaveLength(1);
  });

  it('keeps both state-of-play updates when two ingests fold at the same moment', async () => {
    const { ports, deps } = await setup();
    const stories = ['Moscow', 'Geneva', 'Berlin', 'Miami'].map((place, i) => ({
      title: `Envoys meet in ${place}`,
      url: `https://wire.example/${place.toLowerCase()}`,
      publishedAt: `2025-12-1${i}T09:00:00Z`,
      body: `Steve Witkoff met Rustem Umerov in ${place} on Dec. 1${i} to discuss the ${20 + i}-point plan. ${place} officials described a different agenda item each time: item ${i}.`,
    }));
    const results = await Promise.all(stories.map((story) => ingestDevelopment(ports, story)));
    expect(results.every((r) => r.created)).toBe(true);
    const state = await deps.developments.getStateOfPlay('us-russia-ukraine');
    const owners = new Set(state?.timeline.map((e) => e.developmentId));
    expect([...owners].sort()).toEqual(results.map((r) => r.id).sort());
  });

  it('rejects a report without a body, naming the field', async () => {
    const { ports } = await setup();
    await expect(ingestDevelopment(ports, { ...seed, body: '' })).rejects.toThrow(/^body: /);
  });
});
