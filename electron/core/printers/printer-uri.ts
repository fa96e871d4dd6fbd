import { readPrinterUri, type PrinterTarget } from '../../shared/printer-uri-syntax.ts';
import { PrinterConfigError } from './printer-errors.ts';

export { defaultRawPort, type PrinterTarget, type RawProtocol } from '../../shared/printer-uri-syntax.ts';

/**
 * Reads a printer URI (`system:NAME`, `escpos://HOST:PORT`, …) into what the adapter needs, by
 * the same rules the profile schema checks it with when it is saved.
 */
export function parsePrinterUri(uri: string): PrinterTarget {
  const reading = readPrinterUri(uri.trim());
  if (!reading.ok) throw new PrinterConfigError(uri, `"${uri}" is not a printer: ${reading.problem}`);
  return reading.target;
}
