import type { MonoBitmap } from '../../labels/label-types.ts';
import { defaultPrinterMedia, type PrinterMedia } from '../../../shared/printer-profile.ts';

/** `<ESC>!?`: TSC's immediate status query, answered with one status byte even mid-job. */
export const tsplStatusQuery = Buffer.from([0x1b, 0x21, 0x3f]);

export interface TsplStatus {
  headOpen: boolean;
  paperJam: boolean;
  paperOut: boolean;
  ribbonOut: boolean;
  paused: boolean;
  otherError: boolean;
}

/** Reads the `<ESC>!?` answer byte (bit 5, "printing", is not a problem). */
export function parseTsplStatus(answer: Buffer): TsplStatus | undefined {
  const byte = answer[0];
  if (byte === undefined) return undefined;
  return {
    headOpen: (byte & 0x01) !== 0,
    paperJam: (byte & 0x02) !== 0,
    paperOut: (byte & 0x04) !== 0,
    ribbonOut: (byte & 0x08) !== 0,
    paused: (byte & 0x10) !== 0,
    otherError: (byte & 0x80) !== 0,
  };
}

export interface TsplOptions {
  dpi: number;
  /** 0–15, TSPL `DENSITY`; null keeps the printer's own setting. */
  darkness: number | null;
  /** The loaded medium; absent: die-cut labels with a 2 mm gap, the printer's own speed. */
  media?: PrinterMedia;
}

const mm = (dots: number, dpi: number): string => (Math.round((dots / dpi) * 254) / 10).toString();
const tenths = (value: number): string => (Math.round(value * 10) / 10).toString();

/** How the printer finds the next label (`GAP`, `BLINE`, or `GAP 0,0` for a continuous roll) and its speed. */
export function tsplMediaCommands(media: PrinterMedia = defaultPrinterMedia): string[] {
  const sensing =
    media.sensor === 'continuous'
      ? 'GAP 0,0'
      : `${media.sensor === 'mark' ? 'BLINE' : 'GAP'} ${tenths(media.gapMm)} mm,${tenths(media.offsetMm)} mm`;
  return [sensing, ...(media.speedIps === null ? [] : [`SPEED ${media.speedIps}`])];
}

/**
 * One label in TSPL. `BITMAP` mode 0 (overwrite); its bits are inverted from the label's bitmap
 * because TSC and Xprinter firmware print a 0 bit as a black dot. Row padding becomes 1: white.
 */
export function encodeTsplLabel(bitmap: MonoBitmap, options: TsplOptions): Buffer {
  const head = [
    `SIZE ${mm(bitmap.width, options.dpi)} mm,${mm(bitmap.height, options.dpi)} mm`,
    ...tsplMediaCommands(options.media),
    ...(options.darkness === null ? [] : [`DENSITY ${options.darkness}`]),
    'DIRECTION 1',
    'REFERENCE 0,0',
    'CLS',
    `BITMAP 0,0,${bitmap.rowBytes},${bitmap.height},0,`,
  ].join('\r\n');
  const data = Buffer.alloc(bitmap.rowBytes * bitmap.height);
  for (let i = 0; i < data.length; i++) data[i] = ~(bitmap.data[i] ?? 0) & 0xff;
  return Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from('\r\nPRINT 1,1\r\n', 'latin1')]);
}
