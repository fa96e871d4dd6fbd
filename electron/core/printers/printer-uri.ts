import { printerUriSchema } from '../../shared/printer-profile.ts';
import { PrinterConfigError } from './printer-errors.ts';

export type RawProtocol = 'escpos' | 'tspl' | 'zpl';

export type PrinterTarget =
  | { kind: 'system'; queue: string }
  /** A raw language delivered unchanged through the OS queue (CUPS raw, Windows RAW datatype). */
  | { kind: 'raw-system'; protocol: RawProtocol; queue: string }
  | { kind: RawProtocol; host: string; port: number }
  | { kind: 'pdf-dir'; path: string };

/** The JetDirect raw port every network label printer listens on unless told otherwise. */
export const defaultRawPort = 9100;

/** Reads a printer URI (`system:NAME`, `escpos://HOST:PORT`, …) into what the adapter needs. */
export function parsePrinterUri(uri: string): PrinterTarget {
  const parsed = printerUriSchema.safeParse(uri);
  if (!parsed.success) {
    throw new PrinterConfigError(uri, `"${uri}" is not a printer: ${parsed.error.issues[0]?.message ?? 'bad URI'}`);
  }
  const value = parsed.data;
  if (value.startsWith('system:')) return { kind: 'system', queue: value.slice('system:'.length) };
  const spooled = /^(escpos|tspl|zpl)\+system:(.+)$/.exec(value);
  if (spooled) return { kind: 'raw-system', protocol: spooled[1] as RawProtocol, queue: spooled[2] as string };
  if (value.startsWith('pdf-dir:')) return { kind: 'pdf-dir', path: value.slice('pdf-dir:'.length) };
  const match = /^(escpos|tspl|zpl):\/\/([^\s/:]+)(?::(\d{1,5}))?\/?$/.exec(value);
  if (!match) throw new PrinterConfigError(uri, `"${uri}" is not a printer URI`);
  const port = match[3] === undefined ? defaultRawPort : Number(match[3]);
  if (port < 1 || port > 65535) throw new PrinterConfigError(uri, `"${uri}": port ${port} is out of range 1–65535`);
  return { kind: match[1] as RawProtocol, host: match[2] as string, port };
}
