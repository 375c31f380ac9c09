// One send rate for every worker, enforced the way SES measures it: over any one-second window, not
// per calendar second. Slots are booked on a shared schedule, 1/R apart, so sends are evenly spaced and
// never burst. A send reserves a slot (the one store call, a booking, is made then, before its claim),
// gets ready (claims its reader, builds its copy) and takes its turn: each slot this instance holds goes
// to the first send that is ready, in time order. A send whose claim was slow does not waste its slot
// when another is ready for it, and takes a later one itself.
//
// The budget: slots run at RATE_SAFETY × R, so R + 1 consecutive slots span 1000 / RATE_SAFETY ms, about
// 31 ms more than a second. A turn is given at most STALE_SLOT_MS after its slot (20 ms), leaving the
// other ~11 ms for the request to reach SES; a slot nobody could take in time is dropped (and replaced
// for the send it was reserved for) rather than used late, which would bunch sends. Lateness is counted
// from the slot itself, right before the send, so neither a slow claim nor a late timer adds to it.
// Instances share no clock but the system's (worker threads) or NTP-disciplined ones (Lambda), whose
// skew is far inside that budget.
//
// A send claims its reader CLAIM_LEAD_MS before its slot (250 ms: DynamoDB answers in milliseconds, the
// local emulator under load in tens to hundreds), so the sends of this instance keep about a quarter
// of a second of claimed, built copies ready and a slow claim rarely leaves a slot without one. A fixed
// lead paces the claims with the slots; one that followed the store's latency would release a burst of
// claims each time it grew, slowing the store further. Bookings follow need: a chunk ahead while half
// a chunk is left, and, while sends wait, a slot for each (up to half a second of the schedule). A
// booking made with no slot left starts BOOKING_LEAD_MS ahead, so its slots are still to come when the
// store answers on an idle schedule (on a busy one it extends the schedule from its end).
import type { SendRateStore } from '../../ports/send-rate';

export interface SendRateOptions {
  store: SendRateStore;
  /** Emails per second across all workers: MAX_SEND_RATE bounded by the provider's quota. */
  rate: () => Promise<number> | number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendRate {
  /** Reserves a slot for one send and answers its time (epoch ms). Any store call is made here. */
  reserve(): Promise<number>;
  /** Sleeps until CLAIM_LEAD_MS before `slot`, when the send should claim its reader. */
  beforeSlot(slot: number): Promise<void>;
  /**
   * Resolves with the slot taken when a reserved send may go: one of this instance's slots, at most
   * STALE_SLOT_MS late. Rejects when a slot lost for it could not be booked again (the store failing).
   */
  turn(): Promise<number>;
  /** A reserved send that will not go (its reader was claimed elsewhere): its slot goes to the next. */
  giveBack(): void;
  /** reserve, then turn (resolving with the slot taken): what a send that claims nothing needs. */
  acquire(): Promise<number>;
}

/** Slots run 3 % under the rate: sends up to about 31 ms late still keep every window under it. */
export const RATE_SAFETY = 0.97;
/** A slot not taken within this long is dropped rather than used late (see the budget above). */
export const STALE_SLOT_MS = 20;
/** How long before its slot a send claims its reader (see above). */
export const CLAIM_LEAD_MS = 250;
/** How far ahead a booking made with no slot left starts: beyond the store's usual round trip. */
export const BOOKING_LEAD_MS = 100;

/** About 200 ms of slots per booking ahead of need (at most 50): hides the store's latency under load. */
export function chunkFor(rate: number): number {
  return Math.max(1, Math.min(50, Math.round(rate / 5)));
}

/** At most half a second of the schedule per booking, for sends already waiting. */
export function maxChunkFor(rate: number): number {
  return Math.max(chunkFor(rate), Math.floor(rate / 2));
}

function insertSorted(list: number[], value: number): void {
  let at = list.length;
  while (at > 0 && list[at - 1]! > value) at--;
  list.splice(at, 0, value);
}

interface Ready {
  go: (slot: number) => void;
  fail: (error: unknown) => void;
}

export function createSendRate(options: SendRateOptions): SendRate {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  /** Booked on the shared schedule, reserved by no send yet; in time order. */
  const pool: number[] = [];
  /** Reserved by sends not yet gone (any of them may go on any); in time order. */
  const held: number[] = [];
  /** Reserved slots dropped unused, to be booked again for the sends still to go. */
  let owed = 0;
  const ready: Ready[] = [];
  let chunk = 1;
  let waiting = 0;
  let booking: Promise<void> | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  let replacing = false;

  async function book(): Promise<void> {
    const rate = Math.max(1, await options.rate());
    chunk = chunkFor(rate);
    const count = Math.min(maxChunkFor(rate), Math.max(chunk, waiting + owed));
    const spacing = 1000 / (rate * RATE_SAFETY);
    const askedAt = now();
    const last = pool.at(-1);
    const from = last === undefined ? askedAt + BOOKING_LEAD_MS : last + spacing;
    const start = await options.store.reserveSlots(count, spacing, from);
    for (let i = 0; i < count; i++) insertSorted(pool, start + i * spacing);
  }

  function bookAhead(): Promise<void> {
    booking ??= book().finally(() => {
      booking = undefined;
    });
    return booking;
  }

  function dropStale(list: number[], t: number): number {
    let dropped = 0;
    while (list.length > 0 && list[0]! < t - STALE_SLOT_MS) {
      list.shift();
      dropped++;
    }
    return dropped;
  }

  /** Gives due slots to ready sends, replaces lost ones, and sets the timer for the next slot. */
  function pump(): void {
    const t = now();
    dropStale(pool, t);
    owed += dropStale(held, t);
    while (owed > 0 && pool.length > 0) {
      insertSorted(held, pool.shift()!);
      owed--;
    }
    while (ready.length > 0 && held.length > 0 && held[0]! <= t) {
      ready.shift()!.go(held.shift()!);
    }
    if (owed > 0 && !replacing) {
      replacing = true;
      bookAhead().then(
        () => {
          replacing = false;
          pump();
        },
        (error: unknown) => {
          replacing = false;
          // The sends that would have gone on the lost slots learn that none could be booked.
          while (owed > 0 && ready.length > held.length) {
            owed--;
            ready.pop()!.fail(error);
          }
        },
      );
    }
    const next = held[0];
    if (ready.length === 0 || next === undefined || next >= timerAt) return;
    timerAt = next;
    // Whole milliseconds, rounded up: a turn is never given before its slot.
    void sleep(Math.max(0, Math.ceil(next - now()))).then(() => {
      if (timerAt === next) timerAt = Number.POSITIVE_INFINITY;
      pump();
    });
  }

  const rate: SendRate = {
    async reserve() {
      for (;;) {
        dropStale(pool, now());
        const slot = pool.shift();
        if (pool.length <= chunk / 2) void bookAhead().catch(() => undefined);
        if (slot !== undefined) {
          insertSorted(held, slot);
          return slot;
        }
        waiting++;
        try {
          await bookAhead();
        } finally {
          waiting--;
        }
      }
    },
    async beforeSlot(slot) {
      const due = slot - CLAIM_LEAD_MS - now();
      if (due > 0) await sleep(Math.ceil(due));
    },
    turn() {
      return new Promise<number>((go, fail) => {
        ready.push({ go, fail });
        pump();
      });
    },
    giveBack() {
      if (owed > 0) {
        owed--;
        return;
      }
      const slot = held.pop();
      if (slot !== undefined && slot >= now() - STALE_SLOT_MS) insertSorted(pool, slot);
    },
    async acquire() {
      await rate.reserve();
      return rate.turn();
    },
  };
  return rate;
}
