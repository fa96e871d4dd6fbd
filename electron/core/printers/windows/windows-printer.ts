import { randomBytes } from 'node:crypto';
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import type { PrintOptions } from 'pdf-to-printer';
import type { DiscoveredPrinter, PrinterProfile, PrinterStatus } from '../../../shared/printer-profile.ts';
import type { PrinterDeps } from '../printer-deps.ts';
import type { PrinterPort } from '../printer-port.ts';
import { PrintJobFailedError } from '../printer-errors.ts';
import { ensureWholePdf } from '../pdf-check.ts';
import { printInJobs } from '../print-in-jobs.ts';
import { windowsPrintOptions } from './windows-print-options.ts';
import { renderOptionsFor } from '../label-renderer.ts';

export type PrintPdfFile = (file: string, options: PrintOptions) => Promise<void>;

const unknownState = (printer: string): PrinterStatus => ({ state: 'unknown', message: `Windows printer ${printer}: its state shows in the Windows printer settings` });

/** The printers Windows knows, as `system:NAME`. */
export async function discoverWindowsPrinters(): Promise<DiscoveredPrinter[]> {
  const printers = await (await import('pdf-to-printer')).getPrinters();
  return printers.map(({ name }) => ({ uri: `system:${name}`, name, kind: 'system', status: unknownState(name) }));
}

const sumatraPrint: PrintPdfFile = async (file, options) => (await import('pdf-to-printer')).print(file, options);

/**
 * A Windows printer (`system:NAME` on Windows), printed through SumatraPDF. Limit: a job counts
 * as confirmed once the Windows spooler has taken it (SumatraPDF exits), which is less than
 * CUPS's `completed`: Windows does not tell SumatraPDF when the paper came out.
 */
export function createWindowsPrinter(profile: PrinterProfile, printer: string, deps: PrinterDeps, printPdf: PrintPdfFile = sumatraPrint): PrinterPort {
  const renderOptions = renderOptionsFor(profile);

  async function submit(pdf: Buffer, onSent: () => void): Promise<void> {
    const file = join(deps.tmpDir, `label-station-${randomBytes(6).toString('hex')}.pdf`);
    await writeFile(file, ensureWholePdf(pdf, printer));
    try {
      await printPdf(file, windowsPrintOptions(printer, profile.template));
      onSent();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new PrintJobFailedError(printer, `Windows could not print on ${printer}: ${reason}`, reason, { cause: error });
    } finally {
      await unlink(file).catch(() => undefined);
    }
  }

  return {
    profile,
    status: async () => unknownState(printer),
    print(labels, onProgress, signal) {
      return printInJobs(labels, profile.labelsPerJob, async (job, onSent) => submit(await buffer(deps.labels.renderPdf(job, renderOptions)), onSent), onProgress, signal);
    },
    printTestPage() {
      return submit(deps.labels.renderTestPagePdf(renderOptions), () => undefined);
    },
  };
}
