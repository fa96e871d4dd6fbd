import type { PrinterDeps } from '../printer-deps.ts';
import { PrintJobFailedError, PrinterOfflineError, type PrinterError } from '../printer-errors.ts';
import { WinspoolCallError, winError, type PrinterHandle, type Winspool } from './winspool-api.ts';
import { readJob, winspoolFailure } from './winspool-errors.ts';

export interface WindowsJobTiming {
  firstPollMs: number;
  maxPollMs: number;
  /** A job still in the queue by then is withdrawn and reported offline. */
  jobTimeoutMs: number;
  /** An offline printer gets this long to come back before its job is withdrawn. */
  offlineGraceMs: number;
}

/** One Windows queue's jobs: its name, the station's clock and log, and how patiently they are followed. */
export interface WindowsJobs {
  queue: string;
  deps: PrinterDeps;
  timing: WindowsJobTiming;
}

export function startDoc(ws: Winspool, handle: PrinterHandle, title: string): number {
  try {
    return ws.startDocPrinter(handle, title, 'RAW');
  } catch (error) {
    // XPS drivers refuse RAW; XPS_PASS hands the bytes through them unchanged.
    if (error instanceof WinspoolCallError && error.code === winError.invalidDatatype) return ws.startDocPrinter(handle, title, 'XPS_PASS');
    throw error;
  }
}

/** The job's bytes as one page: WritePrinter may take them in parts. */
export function writeDoc(ws: Winspool, handle: PrinterHandle, bytes: Buffer): void {
  ws.startPagePrinter(handle);
  for (let at = 0; at < bytes.length; ) {
    const written = ws.writePrinter(handle, bytes.subarray(at));
    if (written <= 0) throw new WinspoolCallError('WritePrinter', winError.notReady);
    at += written;
  }
  ws.endPagePrinter(handle);
  ws.endDocPrinter(handle);
}

/** Follows a job until it leaves the queue; `printed` when it did so without an error. */
export async function follow({ queue, deps, timing }: WindowsJobs, ws: Winspool, handle: PrinterHandle, jobId: number, signal?: AbortSignal): Promise<'printed' | 'gone'> {
  const started = deps.now();
  let offlineSince: number | undefined;
  let wait = timing.firstPollMs;
  for (let seen = false; ; seen = true) {
    let job;
    try {
      job = ws.getJob(handle, jobId);
    } catch (error) {
      throw winspoolFailure(queue, error);
    }
    if (job === undefined) return seen ? 'printed' : 'gone';
    const reading = readJob(queue, jobId, job);
    if (reading.kind === 'printed') return 'printed';
    offlineSince = reading.kind === 'offline' ? (offlineSince ?? deps.now()) : undefined;
    let problem = reading.kind === 'stopped' ? reading.error : undefined;
    if (reading.kind === 'offline' && deps.now() - (offlineSince ?? 0) >= timing.offlineGraceMs) problem = reading.error;
    if (!problem && deps.now() - started > timing.jobTimeoutMs) {
      problem = new PrinterOfflineError(queue, `Printer ${queue} did not finish job ${jobId} within ${Math.round(timing.jobTimeoutMs / 1000)} s: check that it is on and connected.`);
    }
    if (problem) {
      if (!(problem instanceof PrintJobFailedError)) withdraw({ queue, deps, timing }, ws, handle, jobId, problem);
      throw problem;
    }
    await deps.sleep(wait, signal);
    wait = Math.min(wait * 2, timing.maxPollMs);
  }
}

/** Deletes a job that cannot complete now, so it cannot print later behind the station's back. */
export function withdraw({ queue, deps }: WindowsJobs, ws: Winspool, handle: PrinterHandle, jobId: number, problem: PrinterError): void {
  try {
    ws.deleteJob(handle, jobId);
    problem.message += ' The job was withdrawn, so these labels will not print later on their own.';
  } catch (error) {
    deps.logger.warn('could not withdraw a Windows job', { printer: queue, jobId, error: String(error) });
  }
}
