// The ingest use case every entry point shares (webhook, files, feeds), in two halves. On the request
// path: validate, recognise what is already held (URL, content), store idempotently, enqueue. Off it
// (the ingest queue's consumer): summarise, merge near-duplicates from other outlets, update the
// topic's state of play, and request an instant alert for a new development that matters enough.
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
import type { Development, ReceivedDevelopment, StoredDevelopment } from './types';

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

/** The ingest queue's one message: summarise a received development and finish its follow-ups. */
export interface SummariseMessage {
  type: 'summarise';
  developmentId: string;
}

export interface ReceivePorts extends IngestPorts {
  /** Where summarising happens: off the request path (a queue consumer, see finishDevelopment). */
  ingest: Queue<SummariseMessage>;
}

/**
 * The request path (webhook, feed poller): validate, recognise a report already held (same URL, same
 * content), store a new one as received and enqueue its summary. Cheap whatever the body: no text
 * analysis happens here. A report found again whose work is still pending is enqueued again, so a
 * crash between storing and enqueueing loses nothing once the sender retries (or the feed is polled).
 */
export async function receiveDevelopment(
  ports: ReceivePorts,
  raw: unknown,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const input: DevelopmentInput = parseDevelopmentInput(raw);
  const url = canonicalUrl(input.url);
  const source = { name: input.source ?? sourceFromUrl(url), url, publishedAt: input.publishedAt };
  const store = ports.developments;
  const enqueue = (id: string) => ports.ingest.send([{ type: 'summarise', developmentId: id }]);

  const sameUrl = await store.findByUrl(url);
  if (sameUrl) {
    if (sameUrl.pending) await enqueue(sameUrl.id);
    return { id: sameUrl.id, created: false, outcome: 'same-url', alert: false };
  }
  const contentHash = contentHashOf(input.body);
  const sameContent = await store.findByContentHash(contentHash);
  if (sameContent) {
    await addSource(store, sameContent, source);
    if (sameContent.pending) await enqueue(sameContent.id);
    return { id: sameContent.id, created: false, outcome: 'same-content', alert: false };
  }

  // Judged against what readers were told before this report arrived, so a feed's backlog summarised
  // in any order (queues do not keep it) is not background to itself.
  const latest = (await store.listByTopic(input.topic, { limit: 1 }))[0];
  const background = isBackground(input.publishedAt, latest?.publishedAt);
  const received: ReceivedDevelopment = {
    id: developmentIdFor(url),
    topic: input.topic,
    title: input.title,
    url,
    source: source.name,
    publishedAt: input.publishedAt,
    body: input.body,
    contentHash,
    sources: [source],
    ingestedAt: ports.clock.now().toISOString(),
    pending: { summary: true, mayAlert: options.requestAlert !== false, stateOfPlay: true, alert: false },
    ...(background ? { background } : {}),
  };
  const added = await store.add(received);
  if (added.development.pending) await enqueue(added.development.id);
  return added.created
    ? { id: received.id, created: true, outcome: 'new', alert: false }
    : { id: added.development.id, created: false, outcome: 'same-content', alert: false };
}

/**
 * The ingest queue's consumer: summarise, merge into a near-duplicate from another outlet or join the
 * topic's timeline, fold the state of play, request an alert. Every step is recorded in `pending`
 * before the next, and each is safe to repeat, so a redelivery after a crash anywhere finishes the job.
 */
export async function finishDevelopment(
  ports: IngestPorts,
  id: string,
): Promise<Pick<IngestResult, 'id' | 'outcome' | 'alert'>> {
  const stored = await ports.developments.getStored(id);
  if (!stored) return { id, outcome: 'merged-near-duplicate', alert: false };
  if (stored.summary) return { id, outcome: 'new', alert: await finishPending(ports, stored) };

  const recent = await ports.developments.listByTopic(stored.topic, { limit: DEDUPE_WINDOW });
  const near = findNearDuplicate(stored, recent);
  if (near) {
    for (const source of stored.sources) await addSource(ports.developments, near, source);
    await ports.developments.remove(stored, near.id);
    return { id: near.id, outcome: 'merged-near-duplicate', alert: false };
  }
  const background = stored.background === true;
  const previous = recent.filter((d) => d.id !== stored.id && d.publishedAt <= stored.publishedAt);
  const { proposals, ...summary } = summarise(stored, { catalogue: catalogueFor(stored.topic), previous });
  const development: Development = {
    ...stored,
    summary,
    summarisedAt: ports.clock.now().toISOString(),
    pending: {
      // A late, older report changes nothing readers were told: it is kept for the digest only.
      stateOfPlay: !background,
      alert: summary.significance.level === 'alert' && stored.pending?.mayAlert !== false && !background,
    },
    ...(background ? { background } : {}),
  };
  await ports.developments.update(development);
  return { id, outcome: 'new', alert: await finishPending(ports, development, proposals) };
}

/** Receive and finish in one go, for callers with no queue between them (scripts, tests). */
export async function ingestDevelopment(
  ports: IngestPorts,
  raw: unknown,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const queued: string[] = [];
  const ingest = {
    send: async (m: readonly SummariseMessage[]) => void queued.push(...m.map((x) => x.developmentId)),
  };
  const received = await receiveDevelopment({ ...ports, ingest }, raw, options);
  let result = received;
  for (const id of new Set(queued)) {
    const finished = await finishDevelopment(ports, id);
    if (id !== received.id) continue;
    // A new report's outcome is what the summary step decided (it may merge into a near-duplicate).
    result = received.created
      ? { ...finished, created: finished.outcome === 'new' }
      : { ...received, alert: finished.alert };
  }
  return result;
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
  development: StoredDevelopment,
  source: Development['sources'][0],
) {
  if (development.sources.some((s) => s.url === source.url)) return;
  await store.update({ ...development, sources: [...development.sources, source] });
}
