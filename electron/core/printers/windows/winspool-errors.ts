import type { PrinterStatus } from '../../../shared/printer-profile.ts';
import { PrintJobFailedError, PrinterConfigError, PrinterOfflineError, PrinterPaperOutError, PrinterStoppedError, type PrinterError } from '../printer-errors.ts';
import { WinspoolCallError, jobStatus, printerStatus, winError, type WinspoolJob, type WinspoolPrinter } from './winspool-api.ts';

/** A failed spooler call in the operator's words, typed by what can be done about it. */
export function winspoolFailure(printer: string, error: unknown): PrinterError {
  if (!(error instanceof WinspoolCallError)) {
    const reason = error instanceof Error ? error.message : String(error);
    return new PrinterConfigError(printer, `The Windows print spooler cannot be used for ${printer}: ${reason}`, { cause: error });
  }
  const { code, call } = error;
  switch (code) {
    case winError.invalidPrinterName:
    case winError.printerDeleted:
      return new PrinterConfigError(printer, `Windows has no printer "${printer}": install it (Settings → Printers) or pick another printer.`, { cause: error });
    case winError.accessDenied:
      return new PrinterConfigError(printer, `Windows does not let this user print on ${printer} (access denied): ask the administrator for print rights.`, { cause: error });
    case winError.notReady:
      return new PrinterOfflineError(printer, `Printer ${printer} is not ready: check that it is switched on and its USB cable is plugged in.`, { cause: error });
    case winError.outOfPaper:
      return new PrinterPaperOutError(printer, `Printer ${printer} is out of labels: load a new roll.`, { cause: error });
    case winError.printQueueFull:
      return new PrinterStoppedError(printer, `The Windows queue of ${printer} is full: clear old jobs in its print queue window.`, { cause: error });
    default: {
      const reason = `${call} failed (Windows error ${code})`;
      return new PrintJobFailedError(printer, `Windows could not print on ${printer}: ${reason}.`, reason, { cause: error });
    }
  }
}

/** What a job's `JOB_STATUS_*` bits mean: still going, printed, or a problem that stops it. */
export type JobReading = { kind: 'pending' } | { kind: 'printed' } | { kind: 'offline'; error: PrinterError } | { kind: 'stopped'; error: PrinterError };

export function readJob(printer: string, jobId: number, job: WinspoolJob): JobReading {
  const has = (bit: number): boolean => (job.status & bit) !== 0;
  const said = job.statusText ? ` (${job.statusText})` : '';
  if (has(jobStatus.complete) || has(jobStatus.printed)) return { kind: 'printed' };
  if (has(jobStatus.deleting) || has(jobStatus.deleted)) {
    const reason = `job ${jobId} was deleted from the queue${said}`;
    return { kind: 'stopped', error: new PrintJobFailedError(printer, `Windows removed ${reason} of ${printer}: its labels were not printed.`, reason) };
  }
  if (has(jobStatus.paperOut)) return { kind: 'stopped', error: new PrinterPaperOutError(printer, `Printer ${printer} is out of labels${said}: load a new roll.`) };
  if (has(jobStatus.error) || has(jobStatus.userIntervention)) {
    return { kind: 'stopped', error: new PrinterStoppedError(printer, `Printer ${printer} reports an error${said}: check it (cover, labels, ribbon), then print again.`) };
  }
  if (has(jobStatus.paused) || has(jobStatus.blockedDevq)) {
    return { kind: 'stopped', error: new PrinterStoppedError(printer, `The Windows queue of ${printer} holds the job${said}: resume it in the printer's queue window.`) };
  }
  if (has(jobStatus.offline)) return { kind: 'offline', error: new PrinterOfflineError(printer, `Printer ${printer} is offline${said}: switch it on and plug in its USB cable.`) };
  return { kind: 'pending' };
}

/** A Windows printer's `PRINTER_STATUS_*` bits as the state the station shows. */
export function windowsPrinterState(info: WinspoolPrinter): PrinterStatus {
  const has = (bit: number): boolean => (info.status & bit) !== 0;
  const name = info.name;
  if (has(printerStatus.paperOut) || has(printerStatus.paperJam)) return { state: 'paper-out', message: `Printer ${name} is out of labels or jammed: load labels and clear the path` };
  if (has(printerStatus.doorOpen)) return { state: 'paper-out', message: `Printer ${name} has its cover open: close it` };
  if (has(printerStatus.paused)) return { state: 'stopped', message: `The Windows queue of ${name} is paused: resume it in its queue window` };
  if (has(printerStatus.error) || has(printerStatus.userIntervention)) return { state: 'stopped', message: `Printer ${name} reports an error: check it` };
  if (has(printerStatus.offline) || has(printerStatus.notAvailable) || (info.attributes & printerStatus.workOfflineAttribute) !== 0) {
    return { state: 'offline', message: `Printer ${name} is offline: switch it on, plug in its USB cable, and untick "Use printer offline"` };
  }
  return { state: 'ready', message: `Printer ${name} is ready (port ${info.port}, driver ${info.driver})` };
}
