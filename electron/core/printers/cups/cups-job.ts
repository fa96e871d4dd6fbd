import type { PrinterDeps } from '../printer-deps.ts';
import { PrintJobFailedError, PrinterOfflineError, PrinterPaperOutError, PrinterStoppedError, type PrinterError } from '../printer-errors.ts';
import { cupsDisconnected, cupsPrinterStatus } from './cups-status.ts';
import { queryIpp, type IppAttributes } from './ipp-attributes.ts';

export interface CupsJobTiming {
  /** First wait between looks at the job; doubles up to `maxPollMs`. */
  firstPollMs: number;
  maxPollMs: number;
  /** A job not completed by then is withdrawn and reported offline. */
  jobTimeoutMs: number;
  /** A printer CUPS cannot reach (unplugged, off) gets this long to come back before its job is withdrawn; default 20 s. */
  offlineGraceMs?: number;
}

export const defaultCupsJobTiming: CupsJobTiming = { firstPollMs: 100, maxPollMs: 500, jobTimeoutMs: 300_000, offlineGraceMs: 20_000 };
const defaultOfflineGraceMs = 20_000;

/** Why CUPS says a job ended, in its own words when it has them. */
function reasonOf(job: IppAttributes): string {
  const message = job.get('job-printer-state-message') || job.get('job-state-message');
  return message || (job.get('job-state-reasons') ?? 'no reason given');
}

/**
 * Follows a CUPS job until the spooler reports it `completed`: accepted is not printed. A job
 * cancelled or aborted is a failure with CUPS's reason. A job stuck behind a paused queue, an
 * empty printer or no completion in time is cancelled before reporting, so it cannot print later
 * behind the station's back while the station retries the same labels.
 */
export async function followCupsJob(
  queue: string,
  jobId: number,
  deps: PrinterDeps,
  timing: CupsJobTiming,
  signal?: AbortSignal,
): Promise<void> {
  const started = deps.now();
  const offline = { since: undefined as number | undefined };
  let wait = timing.firstPollMs;
  for (;;) {
    const job = await queryIpp(deps.run, queue, `/jobs/${jobId}`, 'get-job-attributes.test').catch((error: unknown) => {
      // CUPS restarting keeps its jobs: keep asking until the job's time is up.
      if (error instanceof PrinterOfflineError && deps.now() - started <= timing.jobTimeoutMs) return undefined;
      throw error;
    });
    if (job === undefined) {
      await deps.sleep(timing.maxPollMs, signal);
      continue;
    }
    const state = job.get('job-state');
    if (state === 'completed') return;
    if (state === 'canceled' || state === 'aborted') {
      const reason = reasonOf(job);
      throw new PrintJobFailedError(queue, `CUPS ${state === 'canceled' ? 'cancelled' : 'aborted'} job ${queue}-${jobId} on ${queue}: ${reason}. Its labels were not printed.`, reason);
    }
    if (state === undefined) {
      throw new PrintJobFailedError(queue, `CUPS no longer knows job ${queue}-${jobId}: it may have been purged; its labels count as not printed.`, 'job not found');
    }
    let problem = state === 'processing-stopped' || state === 'pending-held' ? stoppedJob(queue, job) : await printerProblem(queue, deps, offline, timing.offlineGraceMs ?? defaultOfflineGraceMs);
    if (!problem && deps.now() - started > timing.jobTimeoutMs) {
      problem = new PrinterOfflineError(queue, `Printer ${queue} did not finish job ${queue}-${jobId} within ${Math.round(timing.jobTimeoutMs / 1000)} s: check that it is on and connected.`);
    }
    if (problem) {
      if (await withdraw(queue, jobId, deps, problem) === 'completed') return;
      throw problem;
    }
    try {
      await deps.sleep(wait, signal);
    } catch (error) {
      if (await withdraw(queue, jobId, deps, new PrinterStoppedError(queue, 'printing was cancelled')) === 'completed') return;
      throw error;
    }
    wait = Math.min(wait * 2, timing.maxPollMs);
  }
}

/** A job stopped by the printer, or held by CUPS (hold-until, authentication): it will not print on its own. */
function stoppedJob(queue: string, job: IppAttributes): PrinterError {
  const what = job.get('job-state') === 'pending-held' ? 'CUPS is holding the job' : `Printer ${queue} stopped the job`;
  return new PrinterStoppedError(queue, `${what}: ${reasonOf(job)}. Fix the queue or printer, then print again.`);
}

/** A stopped queue or no paper stops the job at once; a device CUPS cannot reach, once it has been gone for `graceMs`. */
async function printerProblem(queue: string, deps: PrinterDeps, offline: { since: number | undefined }, graceMs: number): Promise<PrinterError | undefined> {
  const attributes = await queryIpp(deps.run, queue, `/printers/${encodeURIComponent(queue)}`, 'get-printer-attributes.test');
  const status = cupsPrinterStatus(queue, attributes);
  if (status.state === 'stopped') return new PrinterStoppedError(queue, status.message);
  if (status.state === 'paper-out') return new PrinterPaperOutError(queue, status.message);
  if (cupsDisconnected(attributes) === undefined) {
    offline.since = undefined;
    return undefined;
  }
  offline.since ??= deps.now();
  return deps.now() - offline.since >= graceMs ? new PrinterOfflineError(queue, `${status.message}.`) : undefined;
}

/**
 * Cancels a job that cannot complete now. If CUPS finished it in the meantime, it was printed:
 * that wins over the problem seen a moment before.
 */
async function withdraw(queue: string, jobId: number, deps: PrinterDeps, problem: PrinterError): Promise<'completed' | 'withdrawn'> {
  await deps.run('cancel', [`${queue}-${jobId}`]);
  const job = await queryIpp(deps.run, queue, `/jobs/${jobId}`, 'get-job-attributes.test');
  if (job.get('job-state') === 'completed') return 'completed';
  deps.logger.warn('withdrew a CUPS job that could not complete', { queue, jobId, problem: problem.message });
  problem.message += ' The job was withdrawn, so these labels will not print later on their own.';
  return 'withdrawn';
}
