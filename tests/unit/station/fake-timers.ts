import type { Timers } from '../../../electron/core/station/station-options.ts';

// Lets the promise chains a callback started run before the next timer, as an event loop would.
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** Timers driven by hand: `advance` runs every callback due, in time order. */
export function createFakeTimers(start = 0): Timers & { now(): number; advance(ms: number): Promise<void>; pending(): number[] } {
  let now = start;
  let nextId = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      due.set(id, { at: now + ms, run: callback });
      return id;
    },
    clearTimeout(handle) {
      due.delete(handle as number);
    },
    pending: () => [...due.values()].map((t) => t.at - now).sort((a, b) => a - b),
    async advance(ms) {
      const until = now + ms;
      await settle();
      for (;;) {
        const next = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > until) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].run();
        await settle();
      }
      now = until;
    },
  };
}
