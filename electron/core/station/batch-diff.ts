import type { Batch } from '../../shared/domain.ts';

export type BatchChange =
  | { type: 'new'; batch: Batch }
  | { type: 'print-count-changed'; batch: Batch; previousPrintStatus: number }
  | { type: 'gone'; batch: Batch };

/**
 * What changed between two polls of `processed_list`, oldest batch first. A changed label count
 * alone is not reported: the batch is the same, only its view refreshes.
 */
export function diffBatches(previous: readonly Batch[], current: readonly Batch[]): BatchChange[] {
  const before = new Map(previous.map((b) => [b.processed, b]));
  const now = new Map(current.map((b) => [b.processed, b]));
  const changes: BatchChange[] = [];
  for (const batch of now.values()) {
    const old = before.get(batch.processed);
    if (!old) changes.push({ type: 'new', batch });
    else if (old.printStatus !== batch.printStatus) {
      changes.push({ type: 'print-count-changed', batch, previousPrintStatus: old.printStatus });
    }
  }
  for (const batch of before.values()) {
    if (!now.has(batch.processed)) changes.push({ type: 'gone', batch });
  }
  // Timestamps as the server writes them (YYYY-MM-DD HH:MM:SS) sort by code unit; a locale's collation would cost ICU data for nothing.
  return changes.sort((a, b) => (a.batch.processed < b.batch.processed ? -1 : a.batch.processed > b.batch.processed ? 1 : 0));
}
