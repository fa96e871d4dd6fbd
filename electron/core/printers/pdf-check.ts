import { PrinterConfigError } from './printer-errors.ts';

/**
 * Refuses to hand a spooler or a hot folder something that is not a whole PDF: an empty or cut
 * document would "print" as a blank or an error page, or sit in a folder as a broken file.
 */
export function ensureWholePdf(bytes: Buffer, printer: string): Buffer {
  const head = bytes.subarray(0, 5).toString('latin1');
  const tail = bytes.subarray(-32).toString('latin1');
  if (head !== '%PDF-' || !/%%EOF\s*$/.test(tail)) {
    throw new PrinterConfigError(printer, `The label engine produced no complete PDF (${bytes.length} bytes) for ${printer}: nothing was sent. This is a bug to report.`);
  }
  return bytes;
}
