// Optimistic concurrency on one subscriber: re-read and re-apply on a revision conflict. Under a burst
// of requests for one address (a double-click, a load test) a few rounds with jittered backoff let
// every request land in turn instead of surfacing a 409 to the reader.
import { ConflictError } from '../errors';

const ATTEMPTS = 12;

export async function retryOnConflict<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= ATTEMPTS - 1) throw error;
      const ceiling = Math.min(200, 5 * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}
