/**
 * The part of the Windows spooler API (winspool.drv) the raw path uses, as plain calls: the real
 * binding (`winspool-koffi.ts`) and the tests' fake both implement it. A call that fails throws
 * `WinspoolCallError` with the code `GetLastError` gave.
 */

/** An open printer, as `OpenPrinterW` returned it; only the binding looks inside. */
export interface PrinterHandle {
  readonly printer: string;
}

export interface WinspoolJob {
  /** `JOB_STATUS_*` bits. */
  status: number;
  /** The driver's or port monitor's own words, when it gives any (`pStatus`). */
  statusText: string | null;
}

export interface WinspoolPrinter {
  name: string;
  port: string;
  driver: string;
  /** `PRINTER_STATUS_*` bits. */
  status: number;
  /** `PRINTER_ATTRIBUTE_*` bits (work offline, …). */
  attributes: number;
}

export interface Winspool {
  openPrinter(name: string): PrinterHandle;
  closePrinter(handle: PrinterHandle): void;
  /** Returns the spooler's job id. */
  startDocPrinter(handle: PrinterHandle, docName: string, datatype: 'RAW' | 'XPS_PASS'): number;
  startPagePrinter(handle: PrinterHandle): void;
  /** Returns how many bytes the spooler took. */
  writePrinter(handle: PrinterHandle, bytes: Buffer): number;
  endPagePrinter(handle: PrinterHandle): void;
  endDocPrinter(handle: PrinterHandle): void;
  /** The job's state; undefined once it has left the queue. */
  getJob(handle: PrinterHandle, jobId: number): WinspoolJob | undefined;
  /** `SetJobW(JOB_CONTROL_DELETE)`. */
  deleteJob(handle: PrinterHandle, jobId: number): void;
  getPrinter(handle: PrinterHandle): WinspoolPrinter;
  /** Local and connected printers (`EnumPrintersW` level 2). */
  enumPrinters(): WinspoolPrinter[];
}

export class WinspoolCallError extends Error {
  override name = 'WinspoolCallError';
  constructor(
    readonly call: string,
    readonly code: number,
  ) {
    super(`${call} failed with Windows error ${code}`);
  }
}

/** Windows error codes the adapter tells apart (winerror.h). */
export const winError = {
  accessDenied: 5,
  notReady: 21,
  outOfPaper: 28,
  printQueueFull: 61,
  printCancelled: 63,
  invalidParameter: 87,
  invalidPrinterName: 1801,
  invalidDatatype: 1804,
  printerDeleted: 1905,
} as const;

/** `JOB_STATUS_*` (winspool.h). */
export const jobStatus = {
  paused: 0x1,
  error: 0x2,
  deleting: 0x4,
  offline: 0x20,
  paperOut: 0x40,
  printed: 0x80,
  deleted: 0x100,
  blockedDevq: 0x200,
  userIntervention: 0x400,
  complete: 0x1000,
} as const;

/** `PRINTER_STATUS_*` and `PRINTER_ATTRIBUTE_WORK_OFFLINE` (winspool.h). */
export const printerStatus = {
  paused: 0x1,
  error: 0x2,
  paperJam: 0x8,
  paperOut: 0x10,
  offline: 0x80,
  notAvailable: 0x1000,
  userIntervention: 0x100000,
  doorOpen: 0x400000,
  workOfflineAttribute: 0x400,
} as const;
