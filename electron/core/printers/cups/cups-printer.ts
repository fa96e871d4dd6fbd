import { buffer } from 'node:stream/consumers';
import type { PrinterProfile } from '../../../shared/printer-profile.ts';
import type { PrinterDeps } from '../printer-deps.ts';
import type { PrinterPort } from '../printer-port.ts';
import { ensureWholePdf } from '../pdf-check.ts';
import { printInJobs } from '../print-in-jobs.ts';
import { lpOptions } from './cups-media.ts';
import { defaultCupsJobTiming, type CupsJobTiming } from './cups-job.ts';
import { cupsQueue } from './cups-queue.ts';
import { renderOptionsFor } from '../label-renderer.ts';

/**
 * A CUPS queue (`system:NAME` on Linux and macOS). Each job is a PDF at the template's exact
 * media with no scaling, submitted with `lp`; a label is confirmed only when CUPS reports its
 * job `completed`.
 */
export function createCupsPrinter(
  profile: PrinterProfile,
  queue: string,
  deps: PrinterDeps,
  timing: CupsJobTiming = defaultCupsJobTiming,
): PrinterPort {
  const renderOptions = renderOptionsFor(profile);
  const spooler = cupsQueue(queue, deps, timing);
  const submit = (pdf: Buffer, title: string, onSent: (jobName: string) => void, signal?: AbortSignal): Promise<void> =>
    spooler.submit(ensureWholePdf(pdf, queue), lpOptions(profile.template), title, onSent, signal);

  return {
    profile,
    status: () => spooler.status(),
    print(labels, onProgress, signal) {
      return printInJobs(
        labels,
        profile.labelsPerJob,
        async (job, onSent) => {
          const pdf = await buffer(deps.labels.renderPdf(job, renderOptions));
          await submit(pdf, jobTitle(job), onSent, signal);
        },
        onProgress,
        signal,
      );
    },
    printTestPage() {
      return submit(deps.labels.renderTestPagePdf(renderOptions), 'label-station test page', () => undefined);
    },
    followSpoolJob: (jobName, signal) => spooler.follow(jobName, signal),
  };
}

/** The job's title in the queue: its first label's key and how many more it holds. */
export function jobTitle(job: readonly { key: string }[]): string {
  return `labels ${job[0]?.key ?? ''}${job.length > 1 ? ` +${job.length - 1}` : ''}`;
}
