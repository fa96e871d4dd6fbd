import { operatorMessage } from '../../shared/operator-message.ts';
import type { Batch } from '../../shared/domain.ts';
import type { PrinterProfile } from '../../shared/printer-profile.ts';
import type { JobKind, JobView } from '../../shared/station-api.ts';
import { toJobView, type JobRecord, type Journal, type NewEvent } from './journal.ts';

export interface BatchJobDeps {
  journal: Pick<Journal, 'createJob' | 'maxTargetFor'>;
  log: (event: NewEvent) => void;
  emitJob: (job: JobView) => void;
  /** Wakes the print queues. */
  kick: () => void;
}

/**
 * A whole-batch job, journalled before anything else: its target `print_status` is one more
 * than any the batch has or any job of it is about to record, so a repeat never counts twice.
 */
export function createBatchJob(deps: BatchJobDeps, batch: Batch, kind: JobKind, printer: PrinterProfile): JobRecord {
  const target = Math.max(batch.printStatus, deps.journal.maxTargetFor(batch.processed)) + 1;
  const job = deps.journal.createJob({ processed: batch.processed, kind, targetPrintStatus: target, printerId: printer.id, printerName: printer.name, expectedLabels: batch.totalLabels });
  deps.log({ level: 'info', kind: 'job-created', message: `${kind} of ${batch.totalLabels} label(s) on ${printer.name}, print_status ${target}`, text: operatorMessage('ev-job-created', { labels: batch.totalLabels, printer: printer.name }), jobId: job.id, processed: batch.processed });
  deps.emitJob(toJobView(job));
  deps.kick();
  return job;
}
