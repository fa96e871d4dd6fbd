import { renderPdf, renderRaster, renderTestPagePdf, renderTestPageRaster } from '../labels/index.ts';
import { printerProfileSchema, type DiscoveredPrinter, type PrinterProfile } from '../../shared/printer-profile.ts';
import { discoverCupsPrinters } from './cups/cups-discovery.ts';
import { createCupsPrinter } from './cups/cups-printer.ts';
import { createCupsRawPrinter } from './cups/cups-raw-printer.ts';
import type { CupsJobTiming } from './cups/cups-job.ts';
import type { LabelRenderer } from './label-renderer.ts';
import { createPdfDirPrinter } from './pdf-dir-printer.ts';
import { defaultPrinterDeps, type PrinterDeps } from './printer-deps.ts';
import type { PrinterPort } from './printer-port.ts';
import { PrinterConfigError } from './printer-errors.ts';
import { parsePrinterUri } from './printer-uri.ts';
import { createRawPrinter } from './raw/raw-printer.ts';
import type { RawPrinterTimeouts } from './raw/raw-receipt.ts';
import { createWindowsPrinter, discoverWindowsPrinters } from './windows/windows-printer.ts';
import { createWindowsRawPrinter } from './windows/windows-raw-printer.ts';
import { discoverWinspoolPrinters } from './windows/windows-discovery.ts';
import { loadWinspool } from './windows/winspool-koffi.ts';
import { createCupsRawQueue, type RawQueueCreated, type RawQueueRequest } from './cups/cups-queue-admin.ts';

export type { LabelToPrint, PrintProgress, PrinterPort, SpoolJobOutcome } from './printer-port.ts';
export type { CommandResult, PrinterDeps, PrinterLogger, RunCommand } from './printer-deps.ts';
export type { LabelRenderer } from './label-renderer.ts';
export type { CupsJobTiming } from './cups/cups-job.ts';
export type { RawPrinterTimeouts } from './raw/raw-receipt.ts';
export { parsePrinterUri, defaultRawPort, type PrinterTarget, type RawProtocol } from './printer-uri.ts';
export * from './printer-errors.ts';
export { guessPrinterLanguage } from './language-guess.ts';
export type { RawQueueCreated, RawQueueRequest } from './cups/cups-queue-admin.ts';

/** How long adapters wait; the defaults suit real printers, tests shorten them. */
export interface PrinterTuning {
  rawTimeouts?: Partial<RawPrinterTimeouts>;
  cupsTiming?: CupsJobTiming;
}

const labelEngine: LabelRenderer = { renderPdf, renderRaster, renderTestPagePdf, renderTestPageRaster };

/** Any injectable left out takes its real default (programs, clock, timers, label engine). */
const resolveDeps = (overrides: Partial<PrinterDeps>): PrinterDeps => ({ ...defaultPrinterDeps(labelEngine), ...overrides });

/** The adapter for a profile's URI: CUPS or Windows spooler (PDF or raw), ESC/POS, TSPL, ZPL, or a PDF folder. */
export function openPrinter(settings: PrinterProfile, injected: Partial<PrinterDeps> = {}, tuning: PrinterTuning = {}): PrinterPort {
  const checked = printerProfileSchema.safeParse(settings);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new PrinterConfigError(String(settings.name ?? settings.uri), `Printer settings are not valid: ${issue?.path.join('.') || 'profile'}: ${issue?.message ?? 'invalid'}`);
  }
  const profile = checked.data;
  const deps = resolveDeps(injected);
  const target = parsePrinterUri(profile.uri);
  switch (target.kind) {
    case 'system':
      return deps.platform === 'win32'
        ? createWindowsPrinter(profile, target.queue, deps)
        : createCupsPrinter(profile, target.queue, deps, tuning.cupsTiming);
    case 'raw-system':
      return deps.platform === 'win32'
        ? createWindowsRawPrinter(profile, target, deps)
        : createCupsRawPrinter(profile, target, deps, tuning.cupsTiming);
    case 'pdf-dir':
      return createPdfDirPrinter(profile, target.path, deps);
    default:
      return createRawPrinter(profile, target, deps, tuning.rawTimeouts);
  }
}

/**
 * The printers this machine already knows: its CUPS queues with their status, make and model
 * and guessed language, and USB printers CUPS sees without a queue. Network label printers are
 * not scanned for; they are added by host and port. On Windows: the printers the spooler lists,
 * with port and driver (through pdf-to-printer, state unknown, where winspool cannot be loaded).
 */
export async function discoverPrinters(injected: Pick<Partial<PrinterDeps>, 'run' | 'platform'> = {}): Promise<DiscoveredPrinter[]> {
  const deps = resolveDeps(injected);
  if (deps.platform !== 'win32') return discoverCupsPrinters(deps.run);
  try {
    return discoverWinspoolPrinters(await loadWinspool());
  } catch (error) {
    deps.logger.warn('winspool could not list printers; listing them without their state', { error: String(error) });
    return discoverWindowsPrinters();
  }
}

/** "Add as label printer" on a USB printer without a queue: a raw CUPS queue for it. Not on Windows. */
export function createRawQueue(request: RawQueueRequest, injected: Pick<Partial<PrinterDeps>, 'run' | 'platform'> = {}): Promise<RawQueueCreated> {
  const deps = resolveDeps(injected);
  if (deps.platform === 'win32') {
    return Promise.reject(
      new PrinterConfigError(request.name, 'On Windows a USB printer gets its queue from its driver: install the vendor driver (or "Generic / Text Only" on its USB00x port), then pick that printer and its raw kind.'),
    );
  }
  return createCupsRawQueue(deps.run, request);
}
