// SendRateStore in memory: one schedule, booked the way the DynamoDB adapter books it (a busy
// schedule extends from where it ends; an idle one restarts now).
import type { SendRateStore } from '../../ports/send-rate';

export class MemorySendRateStore implements SendRateStore {
  private bookedUntil = 0;

  async reserveSlots(count: number, spacingMs: number, nowMs: number): Promise<number> {
    const first = Math.max(this.bookedUntil, nowMs);
    this.bookedUntil = first + count * spacingMs;
    return first;
  }
}
