import type { Batch } from '../../shared/domain.ts';
import { fromServerTimestamp, toServerTimestamp } from './server-time.ts';

/**
 * Where auto-print starts, on the server's own clock: one second after the newest batch it
 * lists when auto-print is switched on. Batches are stamped by the server to the second and a
 * batch is its timestamp, so everything listed then is the backlog and anything after is new,
 * however far the server's clock is from this machine's (a server ten years ahead made a
 * cutoff from the local clock print the whole backlog).
 */
export function cutoffAfter(batches: readonly Batch[]): string {
  const newest = batches.reduce<string | null>((max, b) => (max === null || b.processed > max ? b.processed : max), null);
  // No batch at all: no backlog, every batch to come is new.
  return newest === null ? toServerTimestamp(0) : toServerTimestamp(fromServerTimestamp(newest) + 1000);
}

/** How long switching auto-print on waits for a fresh list before it makes do with the last one. */
const fetchWaitMs = 5000;

/**
 * The cutoff from a fresh list of the server's batches, else from the last one the station
 * polled, else null: not known yet, taken from the next list the station polls.
 */
export async function serverCutoff(fetchBatches: () => Promise<Batch[]>, lastListing: readonly Batch[] | null): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), fetchWaitMs);
  });
  try {
    const fresh = await Promise.race([fetchBatches(), late]);
    if (fresh) return cutoffAfter(fresh);
  } catch {
    // Unreachable or refused: the last list, or the next one, still knows the server's clock.
  } finally {
    clearTimeout(timer);
  }
  return lastListing ? cutoffAfter(lastListing) : null;
}
