import { buffer } from 'node:stream/consumers';
import type { RenderOptions } from '../../labels/label-types.ts';
import type { PrinterProfile, PrinterStatus } from '../../../shared/printer-profile.ts';
import type { PrinterDeps } from '../printer-deps.ts';
import type { PrinterPort } from '../printer-port.ts';
import { PrintJobFailedError, PrinterConfigError, PrinterError, PrinterOfflineError, PrinterPaperOutError, PrinterStoppedError } from '../printer-errors.ts';
import { ensureWholePdf } from '../pdf-check.ts';
import { printInJobs } from '../print-in-jobs.ts';
import { lpArguments } from './cups-media.ts';
import { cupsPrinterStatus } from './cups-status.ts';
import { defaultCupsJobTiming, followCupsJob, type CupsJobTiming } from './cups-job.ts';
import { queryIpp } from './ipp-attributes.ts';

/** Turns "cannot start the program" into the package the operator should install. */
async function needsTool<T>(queue: string, tool: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PrinterConfigError(queue, `CUPS's \`${tool}\` command is missing: install CUPS's client tools (cups-client, cups-ipp-utils).`, { cause: error });
    }
    throw error;
  }
}

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
  const renderOptions: RenderOptions = { template: profile.template, dpi: profile.dpi, offsetXmm: profile.offsetXmm, offsetYmm: profile.offsetYmm };

  const readStatus = (): Promise<PrinterStatus> =>
    needsTool(queue, 'ipptool', async () =>
      cupsPrinterStatus(queue, await queryIpp(deps.run, queue, `/printers/${encodeURIComponent(queue)}`, 'get-printer-attributes.test')),
    );

  async function status(): Promise<PrinterStatus> {
    try {
      return await readStatus();
    } catch (error) {
      if (!(error instanceof PrinterError)) throw error;
      return { state: error.kind === 'offline' ? 'offline' : 'error', message: error.message };
    }
  }

  async function ensureCanPrint(): Promise<void> {
    const now = await readStatus();
    if (now.state === 'stopped') throw new PrinterStoppedError(queue, now.message);
    if (now.state === 'paper-out') throw new PrinterPaperOutError(queue, now.message);
    if (now.state === 'offline') throw new PrinterOfflineError(queue, now.message);
    if (now.state === 'error') throw new PrinterConfigError(queue, now.message);
  }

  async function submit(pdf: Buffer, title: string, onSent: () => void, signal?: AbortSignal): Promise<void> {
    ensureWholePdf(pdf, queue);
    await ensureCanPrint();
    const result = await needsTool(queue, 'lp', () => deps.run('lp', lpArguments(queue, profile.template, title), { input: pdf }));
    const jobId = Number(/request id is .*-(\d+) /.exec(result.stdout)?.[1]);
    if (result.code !== 0 || !Number.isInteger(jobId)) {
      const reason = (result.stderr || result.stdout).trim();
      if (/not accepting/i.test(reason)) throw new PrinterStoppedError(queue, `Queue ${queue} is not accepting jobs (${reason}): run \`cupsaccept ${queue}\`.`);
      if (/does not exist|not found/i.test(reason)) throw new PrinterConfigError(queue, `CUPS has no queue "${queue}" (${reason}): pick another printer.`);
      throw new PrintJobFailedError(queue, `CUPS refused the job for ${queue}: ${reason}`, reason);
    }
    onSent();
    deps.logger.info('CUPS job submitted', { queue, jobId, bytes: pdf.length });
    await followCupsJob(queue, jobId, deps, timing, signal);
    deps.logger.info('CUPS job completed', { queue, jobId });
  }

  return {
    profile,
    status,
    print(labels, onProgress, signal) {
      return printInJobs(
        labels,
        profile.labelsPerJob,
        async (job, onSent) => {
          const pdf = await buffer(deps.labels.renderPdf(job, renderOptions));
          const title = `labels ${job[0]?.key ?? ''}${job.length > 1 ? ` +${job.length - 1}` : ''}`;
          await submit(pdf, title, onSent, signal);
        },
        onProgress,
        signal,
      );
    },
    printTestPage() {
      return submit(deps.labels.renderTestPagePdf(renderOptions), 'label-station test page', () => undefined);
    },
  };
}
