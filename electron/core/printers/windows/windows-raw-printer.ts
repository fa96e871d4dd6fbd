import type { PrinterProfile, PrinterStatus } from '../../../shared/printer-profile.ts';
import type { PrinterDeps } from '../printer-deps.ts';
import type { PrinterPort, SpoolJobOutcome } from '../printer-port.ts';
import type { RawProtocol } from '../printer-uri.ts';
import { PrintJobFailedError, PrinterError } from '../printer-errors.ts';
import { printInJobs } from '../print-in-jobs.ts';
import { calibrationCommands } from '../raw/raw-calibration.ts';
import { rawProtocolDrivers } from '../raw/raw-protocols.ts';
import type { PrinterHandle, Winspool } from './winspool-api.ts';
import { windowsPrinterState, winspoolFailure } from './winspool-errors.ts';
import { loadWinspool } from './winspool-koffi.ts';
import { follow, startDoc, withdraw, writeDoc, type WindowsJobs, type WindowsJobTiming } from './windows-jobs.ts';
import { renderOptionsFor } from '../label-renderer.ts';
import { renderRasterJob } from '../raster-job.ts';

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
  const jobs: WindowsJobs = { queue, deps, timing };

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
        writeDoc(ws, handle, bytes);
      } catch (error) {
        const failure = winspoolFailure(queue, error);
        withdraw(jobs, ws, handle, jobId, failure);
        throw failure;
      }
      deps.logger.info('Windows raw job spooled', { printer: queue, jobId, bytes: bytes.length });
      await follow(jobs, ws, handle, jobId, signal);
    });

  const testPage = (): Buffer => driver.encodeJob([deps.labels.renderTestPageRaster(renderOptions)], profile);

  return {
    profile,
    async status(): Promise<PrinterStatus> {
      try {
        return await withPrinter(async (ws, handle) => windowsPrinterState(ws.getPrinter(handle)));
      } catch (error) {
        return statusOfFailure(error instanceof PrinterError ? error : winspoolFailure(queue, error));
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
    calibrate: () => submit(Buffer.concat([calibrationCommands(protocol, profile, queue), testPage()]), 'label-station calibration', () => undefined),
    followSpoolJob(jobName, signal): Promise<SpoolJobOutcome> {
      const prefix = `${queue}-`;
      const jobId = Number(jobName.startsWith(prefix) ? jobName.slice(prefix.length) : Number.NaN);
      if (!Number.isInteger(jobId) || jobId <= 0) return Promise.resolve('not-printed');
      // A job already gone cannot be told apart from one deleted by hand: print it again.
      return withPrinter(async (ws, handle) => ((await follow(jobs, ws, handle, jobId, signal).catch(rethrowUnlessFailed)) === 'printed' ? 'completed' : 'not-printed'));
    },
  };
}

function statusOfFailure(failure: PrinterError): PrinterStatus {
  return { state: failure.kind === 'offline' ? 'offline' : failure.kind === 'paper-out' ? 'paper-out' : 'error', message: failure.message };
}

/** On resume, a job Windows deleted is simply not printed; other problems keep the job waiting. */
function rethrowUnlessFailed(error: unknown): 'gone' {
  if (error instanceof PrintJobFailedError) return 'gone';
  throw error;
}
