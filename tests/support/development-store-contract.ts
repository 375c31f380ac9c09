// The DevelopmentStore contract: every adapter of the port must pass these (run from each adapter's test).
import { describe, expect, it } from 'vitest';
import type { Development } from '../../functions/domain/developments/types';
import { ConflictError, NotFoundError } from '../../functions/domain/errors';
import type { DevelopmentStore } from '../../functions/ports/development-store';

export function sampleDevelopment(overrides: Partial<Development> = {}): Development {
  const id = overrides.id ?? `dev_${Math.random().toString(36).slice(2, 10)}`;
  return {
    id,
    topic: 'us-russia-ukraine',
    title: 'Envoys meet',
    url: `https://news.example/${id}`,
    source: 'news.example',
    publishedAt: '2025-12-02T10:00:00.000Z',
    body: 'Witkoff met Putin in Moscow on Dec. 2.',
    contentHash: `hash-${id}`,
    sources: [
      { name: 'news.example', url: `https://news.example/${id}`, publishedAt: '2025-12-02T10:00:00.000Z' },
    ],
    summary: {
      summary: 'Witkoff met Putin.',
      keyPoints: [],
      quotes: [{ speaker: null, text: 'no deal' }],
      actors: [],
      events: [],
      outcome: 'No deal.',
      significance: { score: 1, level: 'digest', reasons: [] },
    },
    ingestedAt: '2025-12-02T11:00:00.000Z',
    ...overrides,
  };
}

export function developmentStoreContract(name: string, makeStore: () => Promise<DevelopmentStore>) {
  describe(`DevelopmentStore contract: ${name}`, () => {
    it('stores a development once and finds it by id, URL and content hash', async () => {
      const store = await makeStore();
      const dev = sampleDevelopment();
      expect(await store.add(dev)).toEqual({ development: dev, created: true });
      expect(await store.get(dev.id)).toEqual(dev);
      expect((await store.findByUrl(dev.url))?.id).toBe(dev.id);
      expect((await store.findByContentHash(dev.contentHash))?.id).toBe(dev.id);
      expect(await store.get('dev_missing')).toBeUndefined();
    });

    it('answers created: false with the stored copy for the same URL or the same content', async () => {
      const store = await makeStore();
      const dev = sampleDevelopment();
      await store.add(dev);
      const sameUrl = await store.add({ ...sampleDevelopment(), url: dev.url });
      expect(sameUrl).toEqual({ development: dev, created: false });
      const sameContent = await store.add({ ...sampleDevelopment(), contentHash: dev.contentHash });
      expect(sameContent.created).toBe(false);
      expect(sameContent.development.id).toBe(dev.id);
    });

    it('lists a topic newest first, honouring since and limit', async () => {
      const store = await makeStore();
      const days = ['2025-11-20', '2025-11-30', '2025-12-02'];
      for (const day of days) await store.add(sampleDevelopment({ publishedAt: `${day}T10:00:00.000Z` }));
      await store.add(sampleDevelopment({ topic: 'other-topic' }));
      const all = await store.listByTopic('us-russia-ukraine');
      expect(all.map((d) => d.publishedAt.slice(0, 10))).toEqual(['2025-12-02', '2025-11-30', '2025-11-20']);
      expect((await store.listByTopic('us-russia-ukraine', { since: '2025-11-25' })).length).toBe(2);
      expect((await store.listByTopic('us-russia-ukraine', { limit: 1 })).length).toBe(1);
    });

    it('updates a development and recognises every merged source URL', async () => {
      const store = await makeStore();
      const dev = sampleDevelopment();
      await store.add(dev);
      const extra = { name: 'wire.example', url: 'https://wire.example/story', publishedAt: dev.publishedAt };
      await store.update({ ...dev, sources: [...dev.sources, extra] });
      expect((await store.get(dev.id))?.sources).toHaveLength(2);
      expect((await store.findByUrl(extra.url))?.id).toBe(dev.id);
    });

    it('keeps the state of play per topic', async () => {
      const store = await makeStore();
      expect(await store.getStateOfPlay('us-russia-ukraine')).toBeUndefined();
      const state = {
        topic: 'us-russia-ukraine',
        timeline: [
          {
            date: '2025-12-02',
            description: 'Moscow talks',
            participants: ['Vladimir Putin'],
            developmentId: 'd1',
          },
        ],
        proposals: [{ name: '28-point plan', status: 'revised', changedAt: '2025-11-24' }],
        updatedAt: '2025-12-02T11:00:00.000Z',
      };
      await store.putStateOfPlay(state);
      expect(await store.getStateOfPlay('us-russia-ukraine')).toEqual({ ...state, version: 1 });
    });

    it('refuses a state of play written from a stale read, so concurrent folds never overwrite', async () => {
      const store = await makeStore();
      const topic = `topic-${Math.random().toString(36).slice(2, 8)}`;
      const empty = { topic, timeline: [], proposals: [], updatedAt: '2025-12-02T11:00:00.000Z' };
      await store.putStateOfPlay(empty);
      await expect(store.putStateOfPlay(empty)).rejects.toBeInstanceOf(ConflictError);
      const read = await store.getStateOfPlay(topic);
      const mine = { ...read!, updatedAt: '2025-12-02T12:00:00.000Z' };
      const theirs = { ...read!, updatedAt: '2025-12-02T13:00:00.000Z' };
      await store.putStateOfPlay(theirs);
      await expect(store.putStateOfPlay(mine)).rejects.toBeInstanceOf(ConflictError);
      expect(await store.getStateOfPlay(topic)).toEqual({ ...theirs, version: 2 });
    });

    it('clears the follow-ups a development still owes', async () => {
      const store = await makeStore();
      const dev = sampleDevelopment({ pending: { stateOfPlay: true, alert: true } });
      await store.add(dev);
      expect((await store.get(dev.id))?.pending).toEqual({ stateOfPlay: true, alert: true });
      await store.clearPending(dev.id);
      const { pending: _, ...rest } = dev;
      expect(await store.get(dev.id)).toEqual(rest);
      await expect(store.clearPending('dev_missing')).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
