import type { PrinterStatus } from '../../../shared/printer-profile.ts';
import type { PrinterDeps } from '../printer-deps.ts';
import type { SpoolJobOutcome } from '../printer-port.ts';
import { PrintJobFailedError, PrinterConfigError, PrinterError, PrinterOfflineError, PrinterPaperOutError, PrinterStoppedError } from '../printer-errors.ts';
import { cupsPrinterStatus } from './cups-status.ts';
import { followCupsJob, type CupsJobTiming } from './cups-job.ts';
import { queryIpp } from './ipp-attributes.ts';

/** Turns "cannot start the program" into the package the operator should install. */
export async function needsTool<T>(queue: string, tool: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PrinterConfigError(queue, `CUPS's \`${tool}\` command is missing: install CUPS's client tools (cups-client, cups-ipp-utils).`, { cause: error });
    }
    throw error;
  }
}

/** The spooler's name for a CUPS job, as `lp` prints it and `cancel` takes it. */
export const cupsJobName = (queue: string, jobId: number): string => `${queue}-${jobId}`;

/**
 * One CUPS queue as the spooler adapters use it (PDF through its driver, or raw bytes): its
 * status, and a job submitted with `lp` and followed until CUPS reports it `completed`.
 */
export interface CupsQueue {
  status(): Promise<PrinterStatus>;
  /** Submits `bytes` with these `lp` options; `onSubmitted` gets the job's name as soon as `lp` answers. */
  submit(bytes: Buffer, lpOptions: readonly string[], title: string, onSubmitted: (jobName: string) => void, signal?: AbortSignal): Promise<void>;
  follow(jobName: string, signal?: AbortSignal): Promise<SpoolJobOutcome>;
}

export function cupsQueue(queue: string, deps: PrinterDeps, timing: CupsJobTiming): CupsQueue {
  const readStatus = (): Promise<PrinterStatus> =>
    needsTool(queue, 'ipptool', async () =>
      cupsPrinterStatus(queue, await queryIpp(deps.run, queue, `/printers/${encodeURIComponent(queue)}`, 'get-printer-attributes.test')),
    );

  /** A queue that is not there (yet): a driverless queue goes with its unplugged printer and comes back with it. */
  const missingQueue = (said: string): PrinterOfflineError =>
    new PrinterOfflineError(queue, `CUPS has no queue "${queue}"${said}: plug the printer in, or add the queue (lpadmin) or pick another printer; the job waits and prints once the queue is there.`);

  async function ensureCanPrint(): Promise<void> {
    const attributes = await needsTool(queue, 'ipptool', () => queryIpp(deps.run, queue, `/printers/${encodeURIComponent(queue)}`, 'get-printer-attributes.test'));
    if (attributes.get('printer-state') === undefined) throw missingQueue('');
    const now = cupsPrinterStatus(queue, attributes);
    if (now.state === 'stopped') throw new PrinterStoppedError(queue, now.message);
    if (now.state === 'paper-out') throw new PrinterPaperOutError(queue, now.message);
    if (now.state === 'offline') throw new PrinterOfflineError(queue, now.message);
    if (now.state === 'error') throw new PrinterConfigError(queue, now.message);
  }

  return {
    async status() {
      try {
        return await readStatus();
      } catch (error) {
        if (!(error instanceof PrinterError)) throw error;
        return { state: error.kind === 'offline' ? 'offline' : 'error', message: error.message };
      }
    },
    async submit(bytes, lpOptions, title, onSubmitted, signal) {
      await ensureCanPrint();
      const result = await needsTool(queue, 'lp', () => deps.run('lp', ['-d', queue, '-t', title, ...lpOptions], { input: bytes }));
      const jobId = Number(/request id is .*-(\d+) /.exec(result.stdout)?.[1]);
      if (result.code !== 0 || !Number.isInteger(jobId)) {
        const reason = (result.stderr || result.stdout).trim();
        if (/not accepting/i.test(reason)) throw new PrinterStoppedError(queue, `Queue ${queue} is not accepting jobs (${reason}): run \`cupsaccept ${queue}\`.`);
        if (/does not exist|not found/i.test(reason)) throw missingQueue(` (${reason})`);
        throw new PrintJobFailedError(queue, `CUPS refused the job for ${queue}: ${reason}`, reason);
      }
      onSubmitted(cupsJobName(queue, jobId));
      deps.logger.info('CUPS job submitted', { queue, jobId, bytes: bytes.length });
      await followCupsJob(queue, jobId, deps, timing, signal);
      deps.logger.info('CUPS job completed', { queue, jobId });
    },
    async follow(jobName, signal) {
      const prefix = `${queue}-`;
      const jobId = Number(jobName.startsWith(prefix) ? jobName.slice(prefix.length) : Number.NaN);
      // A job of another queue (the printer was renamed): this queue cannot vouch for it.
      if (!Number.isInteger(jobId) || jobId <= 0) return 'not-printed';
      try {
        await needsTool(queue, 'ipptool', () => followCupsJob(queue, jobId, deps, timing, signal));
        return 'completed';
      } catch (error) {
        if (error instanceof PrintJobFailedError) return 'not-printed';
        throw error;
      }
    },
  };
}
