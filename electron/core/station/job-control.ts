import type { JobView } from '../../shared/station-api.ts';
import { operatorMessage } from '../../shared/operator-message.ts';
import { applyJobEvent, countLabels, isFinished, JobTransitionError, type JobSnapshot } from './job-machine.ts';
import { toJobView, type Journal, type NewEvent } from './journal.ts';
import type { AlertMatch } from './journal-log.ts';
import { BatchStateError } from './station-errors.ts';

export interface JobControlDeps {
  journal: Journal;
  /** Whether a worker is running the job now. */
  isRunning: (jobId: string) => boolean;
  /** Makes the job due now and wakes the queues. */
  retryNow: (jobId: string) => void;
  /** Wakes the queues. */
  kick: () => void;
  log: (event: NewEvent) => void;
  /** The cause of these alerts is gone: they are dismissed and the UI drops them. */
  clearAlerts: (match: AlertMatch) => void;
  emitJob: (job: JobView) => void;
}

/**
 * The operator's hands on one job: give it up, or run it now. Both act only on a job no worker
 * is running, so they never race the runner's own writes to the journal.
 */

function refuseRunning(deps: JobControlDeps, jobId: string, what: string): void {
  if (deps.isRunning(jobId)) {
    throw new BatchStateError(operatorMessage('job-printing', { job: jobId }), `job ${jobId} is printing now: wait for it to finish or fail, then ${what} it`);
  }
}

function cancelled(jobId: string, job: JobSnapshot): JobSnapshot {
  try {
    return applyJobEvent(job, { type: 'cancel' });
  } catch (error) {
    if (!(error instanceof JobTransitionError)) throw error;
    const why = job.state === 'printing' ? 'it is printing: wait for it to finish or fail' : `it is already ${job.state}`;
    throw new BatchStateError(operatorMessage('job-cannot-cancel', { job: jobId, state: job.state }), `job ${jobId} cannot be cancelled: ${why}`);
  }
}

export function cancelJob(deps: JobControlDeps, jobId: string): JobView {
  const { journal } = deps;
  const job = journal.requireJob(jobId);
  refuseRunning(deps, jobId, 'cancel');
  const next = cancelled(jobId, job.snapshot);
  journal.saveJob(jobId, job.snapshot, next);
  // Queued and never tried: print_order was not called (a runner claims in the same tick it
  // resumes), so the server's count is untouched and this job must not push the next target up.
  if (job.snapshot.state === 'queued' && job.attempts === 0) journal.forgetTarget(jobId);
  deps.clearAlerts({ kind: 'batch-failed', jobId });
  // The printer's alert goes with its last waiting job; other jobs still waiting keep it.
  const stillWaiting = journal.pendingJobs().some((j) => j.printerId === job.printerId && j.state === 'waiting');
  if (!stillWaiting) deps.clearAlerts({ kind: 'printer-offline', printerId: job.printerId });
  const total = next.ordersStored ? next.labels.length : job.expectedLabels;
  const confirmed = countLabels(next).confirmed;
  deps.log({
    level: 'info',
    kind: 'job-cancelled',
    message: `cancelled by the operator; ${confirmed} of ${total} labels were printed`,
    text: operatorMessage('ev-job-cancelled', { confirmed, total }),
    jobId,
    processed: job.processed,
  });
  const view = toJobView(journal.requireJob(jobId));
  deps.emitJob(view);
  // A waiting job held its printer's queue: the jobs behind it may run now.
  deps.kick();
  return view;
}

export function retryJob(deps: JobControlDeps, jobId: string): JobView {
  const { journal } = deps;
  const job = journal.requireJob(jobId);
  if (isFinished(job.snapshot.state)) throw new BatchStateError(operatorMessage('job-finished', { job: jobId, state: job.snapshot.state }), `job ${jobId} is ${job.snapshot.state}: there is nothing to retry`);
  refuseRunning(deps, jobId, 'retry');
  deps.log({ level: 'info', kind: 'job-retry', message: 'retried now by the operator', text: operatorMessage('ev-job-retry', {}), jobId, processed: job.processed });
  deps.retryNow(jobId);
  return toJobView(journal.requireJob(jobId));
}

/**
 * The operator's explicit act on a job held because print_order's answer did not match its
 * batch: print the orders that arrived, as they are. They become the job's stored orders, in
 * one durable write, and print like any claimed job.
 */
export function printReceivedOrders(deps: JobControlDeps, jobId: string): JobView {
  const { journal } = deps;
  const job = journal.requireJob(jobId);
  refuseRunning(deps, jobId, 'print');
  const answer = job.snapshot.state === 'failed' && !job.snapshot.ordersStored ? journal.answers.get(jobId) : undefined;
  if (!answer) throw new BatchStateError(operatorMessage('job-no-held-answer', { job: jobId }), `job ${jobId} holds no answer of print_order to print: Retry or Cancel it instead`);
  if (answer.orders.length === 0) throw new BatchStateError(operatorMessage('job-held-answer-empty', { job: jobId }), `print_order sent no orders for job ${jobId}: there is nothing to print; Retry or Cancel it`);
  const next = applyJobEvent(applyJobEvent(job.snapshot, { type: 'claim' }), { type: 'claimed', labelCount: answer.orders.length });
  journal.saveJob(jobId, job.snapshot, next, answer.orders);
  journal.answers.forget(jobId);
  deps.clearAlerts({ kind: 'batch-failed', jobId });
  deps.log({
    level: 'info',
    kind: 'print-as-received',
    message: `the operator chose to print the ${answer.orders.length} order(s) print_order sent, though the batch lists ${answer.expected}`,
    text: operatorMessage('ev-print-as-received', { received: answer.orders.length, expected: answer.expected }),
    jobId,
    processed: job.processed,
  });
  deps.retryNow(jobId);
  return toJobView(journal.requireJob(jobId));
}
