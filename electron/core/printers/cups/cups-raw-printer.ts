import type { PrinterProfile } from '../../../shared/printer-profile.ts';
import type { PrinterDeps } from '../printer-deps.ts';
import type { PrinterPort } from '../printer-port.ts';
import type { RawProtocol } from '../printer-uri.ts';
import { printInJobs } from '../print-in-jobs.ts';
import { calibrationCommands } from '../raw/raw-calibration.ts';
import { rawProtocolDrivers } from '../raw/raw-protocols.ts';
import { jobTitle } from './cups-printer.ts';
import { defaultCupsJobTiming, type CupsJobTiming } from './cups-job.ts';
import { cupsQueue } from './cups-queue.ts';
import { renderOptionsFor } from '../label-renderer.ts';
import { renderRasterJob } from '../raster-job.ts';

/** `lp -o raw`: CUPS hands the bytes to the device untouched, no filter, no driver. */
const rawLpOptions = ['-o', 'raw'];

/**
 * A raw language (`tspl+system:NAME`, `escpos+system:NAME`, `zpl+system:NAME`) through a CUPS
 * queue, typically a USB label printer: the same raster and encoder as the network kinds,
 * submitted raw and confirmed only when CUPS reports the job `completed`.
 */
export function createCupsRawPrinter(
  profile: PrinterProfile,
  target: { protocol: RawProtocol; queue: string },
  deps: PrinterDeps,
  timing: CupsJobTiming = defaultCupsJobTiming,
): PrinterPort {
  const { queue, protocol } = target;
  const driver = rawProtocolDrivers[protocol];
  const renderOptions = renderOptionsFor(profile);
  const spooler = cupsQueue(queue, deps, timing);
  const testPage = (): Buffer => driver.encodeJob([deps.labels.renderTestPageRaster(renderOptions)], profile);

  return {
    profile,
    status: () => spooler.status(),
    print(labels, onProgress, signal) {
      return printInJobs(
        labels,
        profile.labelsPerJob,
        async (job, onSent) => {
          const bytes = driver.encodeJob(await renderRasterJob(job, deps.labels, renderOptions), profile);
          return spooler.submit(bytes, rawLpOptions, jobTitle(job), onSent, signal);
        },
        onProgress,
        signal,
      );
    },
    printTestPage() {
      return spooler.submit(testPage(), rawLpOptions, 'label-station test page', () => undefined);
    },
    followSpoolJob: (jobName, signal) => spooler.follow(jobName, signal),
    async calibrate() {
      const commands = calibrationCommands(protocol, profile, queue);
      await spooler.submit(Buffer.concat([commands, testPage()]), rawLpOptions, 'label-station calibration', () => undefined);
    },
  };
}
