import { batchPrintJob, printCountWith } from '../../../../electron/shared/batch-print-state.ts';
import { isActiveJobState, type BatchView, type JobView } from '../../../../electron/shared/station-api.ts';

/** A job still owns its batch: another Print would only queue a second copy. */
export function isJobActive(job: JobView | null): boolean {
  return job !== null && isActiveJobState(job.state);
}

/**
 * Labels of the batch are still to come out: never printed, or its last print did not put every
 * label on paper. The server's print count says neither: it moves when print_order answers.
 */
export function needsPrinting(batch: BatchView): boolean {
  const job = batchPrintJob(batch);
  if (batch.printStatus === 0) return true;
  return job !== null && job.state !== 'done' && job.confirmedLabels < job.totalLabels;
}

/** `processed` timestamps sort as text, so newest first is a reverse string sort. */
export function newestFirst(batches: readonly BatchView[]): BatchView[] {
  return [...batches].sort((a, b) => (a.processed < b.processed ? 1 : a.processed > b.processed ? -1 : 0));
}

/**
 * Puts a job update on its batch, its print count following the job (see `printCountWith`).
 */
export function applyJob(batches: readonly BatchView[], job: JobView): BatchView[] {
  return batches.map((batch) => {
    if (batch.processed !== job.processed) return batch;
    if (batch.job && batch.job.id !== job.id && batch.job.createdAt > job.createdAt) return batch;
    return { ...batch, job, printStatus: printCountWith(batch.printStatus, job) };
  });
}
