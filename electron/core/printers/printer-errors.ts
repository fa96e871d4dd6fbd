import { operatorMessage, type OperatorMessage } from '../../shared/operator-message.ts';

/**
 * What went wrong with a printer: `text` for the operator (a code naming the printer), the
 * English `message` for the log. `retryable` tells the station
 * what to do with the labels that were not confirmed: wait and send them again (offline, paper
 * out, stopped queue), or mark them failed (the spooler refused or cancelled the job).
 */
export type PrinterErrorKind = 'offline' | 'paper-out' | 'stopped' | 'job-failed' | 'unconfirmed' | 'config';

/** The codes a printer problem is told with; the paper-side ones say more than "no paper" when the printer does. */
export type PrinterProblemCode =
  | 'printer-offline'
  | 'printer-paper-out'
  | 'printer-cover-open'
  | 'printer-head-open'
  | 'printer-paper-jam'
  | 'printer-ribbon-out'
  | 'printer-stopped'
  | 'print-job-failed'
  | 'print-unconfirmed'
  | 'printer-config';

const codeOfKind: Record<PrinterErrorKind, PrinterProblemCode> = {
  offline: 'printer-offline',
  'paper-out': 'printer-paper-out',
  stopped: 'printer-stopped',
  'job-failed': 'print-job-failed',
  unconfirmed: 'print-unconfirmed',
  config: 'printer-config',
};

export abstract class PrinterError extends Error {
  abstract readonly kind: PrinterErrorKind;
  abstract readonly retryable: boolean;
  /**
   * Keys of the labels of the failed `print()` call that were not confirmed, in order. Set by the
   * port when it rejects, so the station knows exactly what is still to print.
   */
  unconfirmedKeys: readonly string[] = [];
  readonly #code: PrinterProblemCode | undefined;

  constructor(
    /** The printer's URI or queue name. */
    readonly printer: string,
    message: string,
    options?: { cause?: unknown; code?: PrinterProblemCode },
  ) {
    super(message, options);
    this.#code = options?.code;
  }

  /** The operator's words, naming the printer by the name they gave it; the adapter's English is the detail. */
  textFor(printerName: string): OperatorMessage {
    return operatorMessage(this.#code ?? codeOfKind[this.kind], { printer: printerName }, this.message);
  }

  get text(): OperatorMessage {
    return this.textFor(this.printer);
  }
}

/** The printer cannot be reached: switched off, unplugged, wrong address, or not answering. */
export class PrinterOfflineError extends PrinterError {
  override name = 'PrinterOfflineError';
  readonly kind = 'offline';
  readonly retryable = true;
}

/** The printer says it has no paper (or labels), or its cover is open. */
export class PrinterPaperOutError extends PrinterError {
  override name = 'PrinterPaperOutError';
  readonly kind = 'paper-out';
  readonly retryable = true;
}

/** The queue or printer is stopped, paused or not accepting jobs. */
export class PrinterStoppedError extends PrinterError {
  override name = 'PrinterStoppedError';
  readonly kind = 'stopped';
  readonly retryable = true;
}

/** The spooler or printer cancelled, aborted or rejected the job: retrying as-is will not help. */
export class PrintJobFailedError extends PrinterError {
  override name = 'PrintJobFailedError';
  readonly kind = 'job-failed';
  readonly retryable = false;

  constructor(
    printer: string,
    message: string,
    /** The spooler's reason, as it reported it (e.g. `Printer cannot print with supplied options.`). */
    readonly reason: string,
    options?: { cause?: unknown; code?: PrinterProblemCode },
  ) {
    super(printer, message, options);
  }
}

/**
 * The printer took the job's bytes but gave no receipt for them (no close, no status answer), so
 * the labels may or may not be on paper. Retrying on a timer would print them again and again;
 * the job waits for the operator, and a retry flags its labels as possible duplicates.
 */
export class PrinterUnconfirmedError extends PrinterError {
  override name = 'PrinterUnconfirmedError';
  readonly kind = 'unconfirmed';
  readonly retryable = false;
}

/** The printer's settings cannot work (unknown URI scheme, unsupported platform, bad path). */
export class PrinterConfigError extends PrinterError {
  override name = 'PrinterConfigError';
  readonly kind = 'config';
  readonly retryable = false;
}
