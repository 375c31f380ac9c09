// Counting hits per key in a fixed time window, shared by every instance: the abuse limits on subscribe
// and token actions (the send rate has its own port, send-rate.ts).
export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window resets; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult>;
}
