import type { PrinterProfile, PrinterStatus } from '../../../shared/printer-profile.ts';
import type { PrinterDeps } from '../printer-deps.ts';
import type { PrinterPort, SpoolJobOutcome } from '../printer-port.ts';
import type { RawProtocol } from '../printer-uri.ts';
import { PrintJobFailedError, PrinterError, PrinterOfflineError } from '../printer-errors.ts';
import { printInJobs } from '../print-in-jobs.ts';
import { calibrationCommands } from '../raw/raw-calibration.ts';
import { rawProtocolDrivers } from '../raw/raw-protocols.ts';
import { WinspoolCallError, winError, type PrinterHandle, type Winspool } from './winspool-api.ts';
import { readJob, windowsPrinterState, winspoolFailure } from './winspool-errors.ts';
import { loadWinspool } from './winspool-koffi.ts';
import { renderOptionsFor } from '../label-renderer.ts';
import { renderRasterJob } from '../raster-job.ts';

export interface WindowsJobTiming {
  firstPollMs: number;
  maxPollMs: number;
  /** A job still in the queue by then is withdrawn and reported offline. */
  jobTimeoutMs: number;
  /** An offline printer gets this long to come back before its job is withdrawn. */
  offlineGraceMs: number;
}

export const defaultWindowsJobTiming: WindowsJobTiming = { firstPollMs: 100, maxPollMs: 500, jobTimeoutMs: 300_000, offlineGraceMs: 20_000 };

/**
 * A raw language through a Windows print queue (`tspl+system:NAME` on Windows, typically a USB
 * label printer on port USB00x): `OpenPrinterW`, `StartDocPrinterW` with the RAW datatype
 * (`XPS_PASS` where an XPS driver refuses RAW), `WritePrinter`, `EndDocPrinter`, then the job
 * followed by its id until it leaves the queue. Leaving the queue is all Windows says of a
 * printed job; a paper-out, error, held or offline job is withdrawn before it is reported.
 */
export function createWindowsRawPrinter(
  profile: PrinterProfile,
  target: { protocol: RawProtocol; queue: string },
  deps: PrinterDeps,
  spooler: () => Promise<Winspool> = loadWinspool,
  timing: WindowsJobTiming = defaultWindowsJobTiming,
): PrinterPort {
  const { queue, protocol } = target;
  const driver = rawProtocolDrivers[protocol];
  const renderOptions = renderOptionsFor(profile);
  let loaded: Promise<Winspool> | undefined;
  const api = (): Promise<Winspool> => (loaded ??= spooler());

  async function withPrinter<T>(work: (ws: Winspool, handle: PrinterHandle) => Promise<T>): Promise<T> {
    let ws: Winspool;
    let handle: PrinterHandle;
    try {
      ws = await api();
      handle = ws.openPrinter(queue);
    } catch (error) {
      throw winspoolFailure(queue, error);
    }
    try {
      return await work(ws, handle);
    } finally {
      try {
        ws.closePrinter(handle);
      } catch (error) {
        deps.logger.warn('ClosePrinter failed', { printer: queue, error: String(error) });
      }
    }
  }

  function startDoc(ws: Winspool, handle: PrinterHandle, title: string): number {
    try {
      return ws.startDocPrinter(handle, title, 'RAW');
    } catch (error) {
      // XPS drivers refuse RAW; XPS_PASS hands the bytes through them unchanged.
      if (error instanceof WinspoolCallError && error.code === winError.invalidDatatype) return ws.startDocPrinter(handle, title, 'XPS_PASS');
      throw error;
    }
  }

  /** Follows a job until it leaves the queue; `printed` when it did so without an error. */
  async function follow(ws: Winspool, handle: PrinterHandle, jobId: number, signal?: AbortSignal): Promise<'printed' | 'gone'> {
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
        if (!(problem instanceof PrintJobFailedError)) withdraw(ws, handle, jobId, problem);
        throw problem;
      }
      await deps.sleep(wait, signal);
      wait = Math.min(wait * 2, timing.maxPollMs);
    }
  }

  /** Deletes a job that cannot complete now, so it cannot print later behind the station's back. */
  function withdraw(ws: Winspool, handle: PrinterHandle, jobId: number, problem: PrinterError): void {
    try {
      ws.deleteJob(handle, jobId);
      problem.message += ' The job was withdrawn, so these labels will not print later on their own.';
    } catch (error) {
      deps.logger.warn('could not withdraw a Windows job', { printer: queue, jobId, error: String(error) });
    }
  }

  const submit = (bytes: Buffer, title: string, onSent: (jobName: string) => void, signal?: AbortSignal): Promise<void> =>
    withPrinter(async (ws, handle) => {
      let jobId: number;
      try {
        jobId = startDoc(ws, handle, title);
      } catch (error) {
        throw winspoolFailure(queue, error);
      }
      onSent(`${queue}-${jobId}`);
      try {
        ws.startPagePrinter(handle);
        for (let at = 0; at < bytes.length; ) {
          const written = ws.writePrinter(handle, bytes.subarray(at));
          if (written <= 0) throw new WinspoolCallError('WritePrinter', winError.notReady);
          at += written;
        }
        ws.endPagePrinter(handle);
        ws.endDocPrinter(handle);
      } catch (error) {
        const failure = winspoolFailure(queue, error);
        withdraw(ws, handle, jobId, failure);
        throw failure;
      }
      deps.logger.info('Windows raw job spooled', { printer: queue, jobId, bytes: bytes.length });
      await follow(ws, handle, jobId, signal);
    });

  const testPage = (): Buffer => driver.encodeJob([deps.labels.renderTestPageRaster(renderOptions)], profile);

  return {
    profile,
    async status(): Promise<PrinterStatus> {
      try {
        return await withPrinter(async (ws, handle) => windowsPrinterState(ws.getPrinter(handle)));
      } catch (error) {
        const failure = error instanceof PrinterError ? error : winspoolFailure(queue, error);
        return { state: failure.kind === 'offline' ? 'offline' : failure.kind === 'paper-out' ? 'paper-out' : 'error', message: failure.message };
      }
    },
    print(labels, onProgress, signal) {
      return printInJobs(
        labels,
        profile.labelsPerJob,
        async (job, onSent) => submit(driver.encodeJob(await renderRasterJob(job, deps.labels, renderOptions), profile), `labels ${job[0]?.key ?? ''}`, onSent, signal),
        onProgress,
        signal,
      );
    },
    printTestPage: () => submit(testPage(), 'label-station test page', () => undefined),
    async calibrate() {
      await submit(Buffer.concat([calibrationCommands(protocol, profile, queue), testPage()]), 'label-station calibration', () => undefined);
    },
    followSpoolJob(jobName, signal): Promise<SpoolJobOutcome> {
      const prefix = `${queue}-`;
      const jobId = Number(jobName.startsWith(prefix) ? jobName.slice(prefix.length) : Number.NaN);
      if (!Number.isInteger(jobId) || jobId <= 0) return Promise.resolve('not-printed');
      // A job already gone cannot be told apart from one deleted by hand: print it again.
      return withPrinter(async (ws, handle) => ((await follow(ws, handle, jobId, signal).catch(rethrowUnlessFailed)) === 'printed' ? 'completed' : 'not-printed'));
    },
  };
}

/** On resume, a job Windows deleted is simply not printed; other problems keep the job waiting. */
function rethrowUnlessFailed(error: unknown): 'gone' {
  if (error instanceof PrintJobFailedError) return 'gone';
  throw error;
}
