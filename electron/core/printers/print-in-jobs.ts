import type { LabelToPrint, PrintProgress } from './printer-port.ts';
import { PrinterError } from './printer-errors.ts';

/**
 * Sends a batch as consecutive jobs of `labelsPerJob` labels, so the first label prints while
 * the rest render. `sendJob` calls `onSent` as the bytes leave (with the spooler's job name where
 * there is one) and resolves once the printer or spooler confirmed the whole job; only
 * then are its labels reported `confirmed`. On failure the error carries the keys of every label
 * not confirmed, and nothing after the failed job is sent.
 */
export async function printInJobs(
  labels: readonly LabelToPrint[],
  labelsPerJob: number,
  sendJob: (job: readonly LabelToPrint[], onSent: (spoolJob?: string) => void) => Promise<void>,
  onProgress: (progress: PrintProgress) => void,
  signal?: AbortSignal,
): Promise<void> {
  for (let start = 0; start < labels.length; start += labelsPerJob) {
    const job = labels.slice(start, start + labelsPerJob);
    try {
      signal?.throwIfAborted();
      await sendJob(job, (spoolJob) =>
        job.forEach((label) => onProgress(spoolJob === undefined ? { key: label.key, state: 'sent' } : { key: label.key, state: 'sent', spoolJob })),
      );
    } catch (error) {
      if (error instanceof PrinterError) error.unconfirmedKeys = labels.slice(start).map((label) => label.key);
      throw error;
    }
    job.forEach((label) => onProgress({ key: label.key, state: 'confirmed' }));
  }
}
