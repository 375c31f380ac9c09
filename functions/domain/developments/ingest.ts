// The ingest use case every entry point shares (webhook, files, feeds): validate, summarise, store
// idempotently on URL and content, merge near-duplicates from other outlets, update the topic's state
// of play, and request an instant alert for a new development that matters enough.
import { createHash } from 'node:crypto';
import type { Clock } from '../../ports/clock';
import type { DevelopmentStore } from '../../ports/development-store';
import type { Queue } from '../../ports/queue';
import { summarise } from '../summarise/summarise';
import { catalogueFor } from './catalogue';
import { contentHashOf, findNearDuplicate } from './dedupe';
import { type DevelopmentInput, parseDevelopmentInput, sourceFromUrl } from './input';
import { emptyStateOfPlay, foldStateOfPlay } from './state-of-play';
import type { Development } from './types';

export interface AlertRequest {
  type: 'alert-request';
  topic: string;
  developmentId: string;
}

export interface IngestPorts {
  developments: DevelopmentStore;
  dispatch: Queue<AlertRequest>;
  clock: Clock;
}

export interface IngestResult {
  id: string;
  /** true only when this call stored a new development. */
  created: boolean;
  /** 'new', or why nothing new was stored. */
  outcome: 'new' | 'same-url' | 'same-content' | 'merged-near-duplicate';
  alert: boolean;
}

/** How far back near-duplicates are looked for (newest first). */
export const DEDUPE_WINDOW = 50;

export function developmentIdFor(url: string): string {
  return `dev_${createHash('sha256').update(canonicalUrl(url)).digest('base64url').slice(0, 20)}`;
}

/** Fragment and trailing slash do not make a different report. */
export function canonicalUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.toString().replace(/\/$/, '');
}

export interface IngestOptions {
  /** false when loading old reports (start-up seed): store them, but alert nobody. */
  requestAlert?: boolean;
}

export async function ingestDevelopment(
  ports: IngestPorts,
  raw: unknown,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const input: DevelopmentInput = parseDevelopmentInput(raw);
  const url = canonicalUrl(input.url);
  const source = { name: input.source ?? sourceFromUrl(url), url, publishedAt: input.publishedAt };
  const store = ports.developments;

  const sameUrl = await store.findByUrl(url);
  if (sameUrl) return { id: sameUrl.id, created: false, outcome: 'same-url', alert: false };

  const contentHash = contentHashOf(input.body);
  const sameContent = await store.findByContentHash(contentHash);
  if (sameContent) {
    await addSource(store, sameContent, source);
    return { id: sameContent.id, created: false, outcome: 'same-content', alert: false };
  }

  const recent = await store.listByTopic(input.topic, { limit: DEDUPE_WINDOW });
  const near = findNearDuplicate(input, recent);
  if (near) {
    await addSource(store, near, source);
    return { id: near.id, created: false, outcome: 'merged-near-duplicate', alert: false };
  }

  const now = ports.clock.now().toISOString();
  const previous = recent.filter((d) => d.publishedAt <= input.publishedAt);
  const { proposals, ...summary } = summarise(input, { catalogue: catalogueFor(input.topic), previous });
  const development: Development = {
    id: developmentIdFor(url),
    topic: input.topic,
    title: input.title,
    url,
    source: source.name,
    publishedAt: input.publishedAt,
    body: input.body,
    contentHash,
    sources: [source],
    summary,
    ingestedAt: now,
  };
  const added = await store.add(development);
  if (!added.created) {
    return { id: added.development.id, created: false, outcome: 'same-content', alert: false };
  }

  const state = (await store.getStateOfPlay(input.topic)) ?? emptyStateOfPlay(input.topic, now);
  await store.putStateOfPlay(foldStateOfPlay(state, development, proposals, now));

  const alert = summary.significance.level === 'alert' && options.requestAlert !== false;
  if (alert)
    await ports.dispatch.send([{ type: 'alert-request', topic: input.topic, developmentId: development.id }]);
  return { id: development.id, created: true, outcome: 'new', alert };
}

async function addSource(
  store: DevelopmentStore,
  development: Development,
  source: Development['sources'][0],
) {
  if (development.sources.some((s) => s.url === source.url)) return;
  await store.update({ ...development, sources: [...development.sources, source] });
}
