// The one source of "now", so the domain stays deterministic under test.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
