import type { JobView } from '../../shared/station-api.ts';
import { operatorMessage } from '../../shared/operator-message.ts';
import { isFinished } from './job-machine.ts';
import { retryJob, type JobControlDeps } from './job-control.ts';
import { BatchStateError } from './station-errors.ts';

/**
 * "Print our own label for these": the operator's explicit answer to a job held because some
 * supplied labels could not be fetched or read. Those orders print our rendered label, the
 * choice is journalled (and shown per label in History), and the job runs at once.
 */
export function printOwnLabels(deps: JobControlDeps, jobId: string): JobView {
  const { journal } = deps;
  const job = journal.requireJob(jobId);
  if (isFinished(job.snapshot.state)) throw new BatchStateError(operatorMessage('job-finished', { job: jobId, state: job.snapshot.state }), `job ${jobId} is ${job.snapshot.state}: there is nothing to print`);
  if (deps.isRunning(jobId)) throw new BatchStateError(operatorMessage('job-printing', { job: jobId }), `job ${jobId} is running now: wait for it to stop, then choose again`);
  const missing = journal.supplied.missing(jobId);
  if (missing.length === 0) throw new BatchStateError(operatorMessage('job-no-supplied-missing', { job: jobId }), `job ${jobId} has no supplied label missing: retry it instead`);
  const names = journal.storedLabels(jobId, missing.map((m) => m.idx)).map((l) => l.order.invoice || `label ${l.idx + 1}`);
  const count = journal.supplied.chooseOwnLabels(jobId);
  deps.log({
    level: 'warn',
    kind: 'own-labels-chosen',
    message: `the operator chose our own label for ${count} order(s) whose supplied label could not be had: ${names.join(', ')}`,
    text: operatorMessage('ev-own-labels-chosen', { count }, names.join(', ')),
    jobId,
    processed: job.processed,
  });
  return retryJob(deps, jobId);
}
