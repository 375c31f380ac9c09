// The shared budget of emails per second. Every sender, in every Lambda instance, takes send slots
// from one shared schedule, so the account-wide rate holds however many workers run.
export interface SendRateStore {
  /**
   * Reserve `count` consecutive send slots `spacingMs` apart on the shared schedule, starting no
   * earlier than `nowMs` (epoch ms). Returns the first slot's time; the schedule's end moves on by
   * count × spacing, atomically, so two callers never get overlapping slots.
   */
  reserveSlots(count: number, spacingMs: number, nowMs: number): Promise<number>;
}
