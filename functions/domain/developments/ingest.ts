// The ingest use case every entry point shares (webhook, files, feeds): validate, summarise, store
// idempotently on URL and content, merge near-duplicates from other outlets, update the topic's state
// of play, and request an instant alert for a new development that matters enough.
import { createHash } from 'node:crypto';
import type { Clock } from '../../ports/clock';
import type { DevelopmentStore } from '../../ports/development-store';
import type { Queue } from '../../ports/queue';
import { ConflictError, UnavailableError } from '../errors';
import { findProposals, type ProposalMention } from '../summarise/proposals';
import { splitSentences } from '../summarise/sentences';
import { summarise } from '../summarise/summarise';
import { catalogueFor } from './catalogue';
import { contentHashOf, findNearDuplicate } from './dedupe';
import { isBackground } from './freshness';
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

/** Conditional writes of the state of play before giving up (each conflict means another ingest won). */
export const STATE_ATTEMPTS = 10;

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

  // A development found again may be one whose follow-ups a crashed attempt never finished.
  const sameUrl = await store.findByUrl(url);
  if (sameUrl) {
    const alert = await finishPending(ports, sameUrl);
    return { id: sameUrl.id, created: false, outcome: 'same-url', alert };
  }

  const contentHash = contentHashOf(input.body);
  const sameContent = await store.findByContentHash(contentHash);
  if (sameContent) {
    await addSource(store, sameContent, source);
    const alert = await finishPending(ports, sameContent);
    return { id: sameContent.id, created: false, outcome: 'same-content', alert };
  }

  const recent = await store.listByTopic(input.topic, { limit: DEDUPE_WINDOW });
  const near = findNearDuplicate(input, recent);
  if (near) {
    await addSource(store, near, source);
    return { id: near.id, created: false, outcome: 'merged-near-duplicate', alert: false };
  }

  const now = ports.clock.now().toISOString();
  const background = isBackground(input.publishedAt, recent[0]?.publishedAt);
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
    pending: {
      // A late, older report changes nothing readers were told: it is kept for the digest only.
      stateOfPlay: !background,
      alert: summary.significance.level === 'alert' && options.requestAlert !== false && !background,
    },
    ...(background ? { background } : {}),
  };
  const added = await store.add(development);
  if (!added.created) {
    const alert = await finishPending(ports, added.development);
    return { id: added.development.id, created: false, outcome: 'same-content', alert };
  }
  const alert = await finishPending(ports, development, proposals);
  return { id: development.id, created: true, outcome: 'new', alert };
}

/**
 * Fold into the state of play and request the alert, then clear `pending`. Both steps are safe to
 * repeat (the fold is idempotent; the dispatcher sends one alert per development), so a retry after a
 * crash anywhere in here finishes the job. Answers whether an alert was requested.
 */
async function finishPending(
  ports: IngestPorts,
  development: Development,
  proposals?: readonly ProposalMention[],
): Promise<boolean> {
  const { pending } = development;
  if (!pending) return false;
  if (pending.stateOfPlay) {
    const mentions =
      proposals ?? findProposals(splitSentences(development.body), new Date(development.publishedAt));
    await updateStateOfPlay(ports, development, mentions);
  }
  if (pending.alert) {
    await ports.dispatch.send([
      { type: 'alert-request', topic: development.topic, developmentId: development.id },
    ]);
  }
  await ports.developments.clearPending(development.id);
  return pending.alert;
}

/** Read, fold, conditional write; on a concurrent writer's conflict, read again (optimistic locking). */
async function updateStateOfPlay(
  ports: IngestPorts,
  development: Development,
  proposals: readonly ProposalMention[],
): Promise<void> {
  const store = ports.developments;
  for (let attempt = 1; ; attempt++) {
    const now = ports.clock.now().toISOString();
    const state = (await store.getStateOfPlay(development.topic)) ?? emptyStateOfPlay(development.topic, now);
    const next = { ...foldStateOfPlay(state, development, proposals, now), version: state.version };
    try {
      await store.putStateOfPlay(next);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      if (attempt >= STATE_ATTEMPTS) {
        throw new UnavailableError(`The state of play of ${development.topic} is too busy; retry later`);
      }
    }
  }
}

async function addSource(
  store: DevelopmentStore,
  development: Development,
  source: Development['sources'][0],
) {
  if (development.sources.some((s) => s.url === source.url)) return;
  await store.update({ ...development, sources: [...development.sources, source] });
}
