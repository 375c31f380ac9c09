// Optimistic concurrency: re-read and re-apply on a conflict. Under a burst of writers to one record (a
// double-click, a load test, ingest consumers folding one state of play) a few rounds with jittered
// backoff let every writer land in turn instead of surfacing a 409 to the reader.
import { ConflictError } from './errors';

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  /** What to throw when every try lost its race (the last ConflictError by default). */
  exhausted?: () => Error;
}

export async function retryOnConflict<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 12;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      if (attempt >= attempts - 1) throw options.exhausted?.() ?? error;
      const ceiling = Math.min(200, 5 * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}
