import type { BatchView, StationState } from '../../../../electron/shared/station-api.ts';
import { batchPrintJob } from '../batches/batch-list.ts';

/**
 * What switching auto-print on means for the batches listed now: the never-printed ones it will
 * leave alone (earlier than now), and, when it was on before, those that came in while it was
 * off (from the old cutoff on, never printed, no job): it asks about these instead of dropping them.
 */
export function batchesAtSwitchOn(batches: readonly BatchView[], autoPrint: StationState['autoPrint']): { missed: BatchView[]; earlier: BatchView[] } {
  const unprinted = batches.filter((b) => b.printStatus === 0 && batchPrintJob(b) === null && b.totalLabels > 0);
  const cutoff = autoPrint.enabled ? null : autoPrint.cutoff;
  const missed = cutoff === null ? [] : unprinted.filter((b) => b.processed >= cutoff);
  return { missed, earlier: unprinted.filter((b) => !missed.includes(b)) };
}
