import { operatorMessage, OperatorError } from '../../shared/operator-message.ts';
import type { PrinterProfile } from '../../shared/printer-profile.ts';
import type { JobView } from '../../shared/station-api.ts';
import { toJobView, type Journal, type NewEvent } from './journal.ts';
import type { AlertMatch } from './journal-log.ts';

export interface MoveJobDeps {
  journal: Pick<Journal, 'requireJob' | 'moveJob' | 'pendingJobs'>;
  printers: () => PrinterProfile[];
  isRunning: (jobId: string) => boolean;
  /** Makes the job due now and wakes the queues. */
  retryNow: (jobId: string) => void;
  log: (event: NewEvent) => void;
  /** The cause of these alerts is gone: they are dismissed and the UI drops them. */
  clearAlerts: (match: AlertMatch) => void;
  emitJob: (job: JobView) => void;
}

const movableStates = new Set(['waiting', 'failed']);

/**
 * A job stuck on one printer (waiting for it, or failed) goes to another printer of the same
 * label size and runs there at once. A printing job is never pulled away: its labels are in flight.
 */
export function moveJob(deps: MoveJobDeps, jobId: string, printerId: string): JobView {
  const job = deps.journal.requireJob(jobId);
  const printers = deps.printers();
  const target = printers.find((p) => p.id === printerId);
  if (!target) throw new OperatorError(operatorMessage('job-move-unknown-printer', { printer: printerId }), `there is no printer "${printerId}" to move job ${jobId} to`);
  if (!movableStates.has(job.snapshot.state) || deps.isRunning(jobId)) {
    throw new OperatorError(operatorMessage('job-move-wrong-state', { state: job.snapshot.state }), `job ${jobId} is ${job.snapshot.state}: only a waiting or failed job can move to another printer`);
  }
  const source = printers.find((p) => p.id === job.printerId);
  if (source && source.template !== target.template) {
    throw new OperatorError(
      operatorMessage('job-move-other-template', { printer: target.name, template: target.template, jobTemplate: source.template }),
      `${target.name} prints ${target.template} labels, job ${jobId} was laid out for ${source.template}`,
    );
  }
  if (target.id === job.printerId) return toJobView(job);
  deps.journal.moveJob(jobId, target);
  // The old printer's alert goes with its last waiting job.
  if (!deps.journal.pendingJobs().some((j) => j.printerId === job.printerId && j.state === 'waiting')) {
    deps.clearAlerts({ kind: 'printer-offline', printerId: job.printerId });
  }
  deps.clearAlerts({ kind: 'batch-failed', jobId });
  deps.log({ level: 'info', kind: 'job-moved', message: `moved by the operator from ${job.printerName} to ${target.name}`, text: operatorMessage('ev-job-moved', { from: job.printerName, to: target.name }), jobId, processed: job.processed });
  deps.retryNow(jobId);
  const view = toJobView(deps.journal.requireJob(jobId));
  deps.emitJob(view);
  return view;
}
