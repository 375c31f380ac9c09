// What each local start-up step gets: the composed deps, the in-process queues (to consume), whether
// to seed and poll, and where to register what must stop at shutdown.
import type { MemoryQueue } from '../adapters/memory-queue/memory-queue';
import type { Deps, DispatchMessage, SendMessage, SummariseMessage } from '../deps';

export interface LocalQueues {
  dispatch: MemoryQueue<DispatchMessage>;
  send: MemoryQueue<SendMessage>;
  ingest: MemoryQueue<SummariseMessage>;
}

export interface StartupContext {
  deps: Deps;
  queues: LocalQueues;
  seed: boolean;
  /** Poll the topics' feeds on a timer. */
  feeds: boolean;
  /** Push a function to run at shutdown (before the emulators stop). */
  closers: Array<() => Promise<void>>;
}

export type StartupStep = (ctx: StartupContext) => Promise<void>;
