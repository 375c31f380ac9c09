// The shared budget of emails per second. Every sender, in every Lambda instance, reserves tokens
// from the same one-second windows, so the account-wide rate holds however many workers run.
export interface SendRateStore {
  /**
   * Atomically add up to `want` to the counter of the window `second` (epoch seconds) without taking
   * it above `ceiling`. Returns how many were granted (0 when the window is spent).
   */
  reserve(second: number, want: number, ceiling: number): Promise<number>;
}
