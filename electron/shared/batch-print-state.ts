import { isPartialJobKind, type BatchView, type JobView, type StationState } from './station-api.ts';

/** States that do not tell whether `print_order` answered: the server's next list gives the count. */
const unclaimedStates = new Set<JobView['state']>(['queued', 'claiming', 'cancelled']);

/**
 * The batch's print count as the journal knows it: a job past its claim means the backend counted
 * the print, so the count follows at once rather than at the next poll. Core and window share it,
 * so a list the station sends and a job update the window applies agree.
 */
export function printCountWith(printStatus: number, job: JobView | null): number {
  if (!job || job.targetPrintStatus === null || unclaimedStates.has(job.state)) return printStatus;
  return Math.max(printStatus, job.targetPrintStatus);
}

/**
 * The batch's last job that prints the batch itself; a job of some of its labels (a label
 * reprint, one order) says nothing about whether the batch is printed.
 */
export function batchPrintJob(batch: BatchView): JobView | null {
  return batch.job && !isPartialJobKind(batch.job.kind) ? batch.job : null;
}

/**
 * What switching auto-print on means for the batches listed now: the never-printed ones it will
 * leave alone (earlier than now), and, when it was on before, those that came in while it was
 * off (from the old cutoff on, never printed, no job): it asks about these instead of dropping them.
 * The window and the tray ask the same question from it.
 */
export function batchesAtSwitchOn(batches: readonly BatchView[], autoPrint: StationState['autoPrint']): { missed: BatchView[]; earlier: BatchView[] } {
  const unprinted = batches.filter((b) => b.printStatus === 0 && batchPrintJob(b) === null && b.totalLabels > 0);
  const cutoff = autoPrint.enabled ? null : autoPrint.cutoff;
  const missed = cutoff === null ? [] : unprinted.filter((b) => b.processed >= cutoff);
  return { missed, earlier: unprinted.filter((b) => !missed.includes(b)) };
}
