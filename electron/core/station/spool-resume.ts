import { PrinterError } from '../printers/printer-errors.ts';
import { operatorMessage, type OperatorMessage } from '../../shared/operator-message.ts';
import type { PrinterPort } from '../printers/printer-port.ts';
import type { Journal, NewEvent } from './journal.ts';

export type SpoolSettlement =
  /** Labels whose spooler job completed: printed, not to be printed again. */
  | { kind: 'settled'; confirmed: number[] }
  /** A recorded job cannot complete now (queue paused, printer gone): the station job waits. */
  | { kind: 'waiting'; error: PrinterError };

/**
 * Before a job's in-flight labels are printed again after a stop or crash, asks the spooler
 * about the jobs the journal recorded for them: completed → confirmed; still queued or printing
 * → followed to its end; cancelled, aborted or forgotten → left to print again (flagged).
 */
export async function settleSpoolJobs(
  journal: Journal,
  jobId: string,
  port: PrinterPort | undefined,
  log: (level: NewEvent['level'], kind: string, message: string, text: OperatorMessage) => void,
  signal: AbortSignal,
): Promise<SpoolSettlement> {
  const follow = port?.followSpoolJob?.bind(port);
  const confirmed: number[] = [];
  if (!follow) return { kind: 'settled', confirmed };
  for (const { spoolJob, indexes } of journal.spool.unconfirmed(jobId)) {
    let outcome;
    try {
      outcome = await follow(spoolJob, signal);
    } catch (error) {
      if (error instanceof PrinterError && error.retryable) return { kind: 'waiting', error };
      // The spooler cannot say: print again (flagged) rather than lose labels.
      const why = error instanceof Error ? error.message : String(error);
      log('warn', 'spool-job-unknown', `could not ask the spooler about job ${spoolJob}: ${why}; its labels print again`, operatorMessage('ev-spool-job-unknown', { spoolJob }, why));
      continue;
    }
    if (outcome === 'completed') {
      confirmed.push(...indexes);
      const text = operatorMessage('ev-spool-job-completed', { spoolJob, labels: indexes.length });
      log('info', 'spool-job-completed', `spooler job ${spoolJob} had completed: ${indexes.length} label(s) confirmed, not printed again`, text);
    } else {
      const text = operatorMessage('ev-spool-job-not-printed', { spoolJob, labels: indexes.length });
      log('warn', 'spool-job-not-printed', `spooler job ${spoolJob} did not print (cancelled, aborted or gone): its ${indexes.length} label(s) print again`, text);
    }
  }
  return { kind: 'settled', confirmed };
}
