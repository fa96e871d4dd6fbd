import type { Clock, Timers } from '../../../electron/core/station/station-options.ts';

/** 2026-01-05 10:00:00 at the backend (UTC+7): a Monday morning at the packing desk. */
export const mondayMorning = Date.UTC(2026, 0, 5, 3, 0, 0);

export interface FakeClock {
  clock: Clock;
  timers: Timers;
  now(): number;
  /** Moves time on by `ms`, running every timer that falls due, in time order. */
  advance(ms: number): Promise<void>;
  /** Runs what is due now (answers, zero-delay timers) until everything waits for time or a fake. */
  flush(): Promise<void>;
  /** How far ahead each pending timer is, soonest first. */
  pending(): number[];
}

// The fakes answer with promises, and the journal is synchronous: draining the microtask queue
// (one macrotask turn) runs every chain a callback started as far as it can go without time.
async function drain(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Time that moves only when a test says so: proves what did not happen without waiting for it. */
export function createFakeClock(start = mondayMorning): FakeClock {
  let now = start;
  let nextId = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  const soonest = (): [number, { at: number; run: () => void }] | undefined =>
    [...due.entries()].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
  const advance = async (ms: number): Promise<void> => {
    const until = now + ms;
    await drain();
    for (let next = soonest(); next && next[1].at <= until; next = soonest()) {
      due.delete(next[0]);
      now = next[1].at;
      next[1].run();
      await drain();
    }
    now = until;
  };
  return {
    clock: { now: () => now },
    timers: {
      setTimeout(callback, ms) {
        const id = nextId++;
        due.set(id, { at: now + Math.max(0, ms), run: callback });
        return id;
      },
      clearTimeout(handle) {
        due.delete(handle as number);
      },
    },
    now: () => now,
    flush: () => advance(0),
    pending: () => [...due.values()].map((t) => t.at - now).sort((a, b) => a - b),
    advance,
  };
}
