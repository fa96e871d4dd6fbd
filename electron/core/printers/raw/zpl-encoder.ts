import type { MonoBitmap } from '../../labels/label-types.ts';
import type { PrinterMedia } from '../../../shared/printer-profile.ts';

/** `~HS`: the host status query; the printer answers three STX…ETX framed strings. */
export const zplStatusQuery = Buffer.from('~HS', 'latin1');

/**
 * How the printer finds the next label: `^MNY` gap (web) sensing, `^MNM` black mark with its
 * offset in dots, `^MNN` continuous; `^PR` the print speed. Nothing without a medium set: the
 * printer keeps what it was set up with.
 */
export function zplMediaCommands(media: PrinterMedia | undefined, dpi: number): string {
  if (media === undefined) return '';
  const offsetDots = Math.round((media.offsetMm / 25.4) * dpi);
  const sensing = media.sensor === 'continuous' ? '^MNN' : media.sensor === 'mark' ? `^MNM,${offsetDots}` : '^MNY';
  return `${sensing}${media.speedIps === null ? '' : `^PR${media.speedIps}`}`;
}

/**
 * One label in ZPL: `^GFA` ASCII-hex graphic, 1 = black. Rows use ZPL's own compression where it
 * is exact and simple: `:` repeats the previous row, `,` fills the rest of a row with white.
 * Darkness 0–15 maps onto `~SD` 00–30.
 */
export function encodeZplLabel(bitmap: MonoBitmap, darkness: number | null, setup: { media?: PrinterMedia; dpi?: number } = {}): Buffer {
  const rows: string[] = [];
  let previous = '';
  for (let y = 0; y < bitmap.height; y++) {
    const hex = Buffer.from(bitmap.data.subarray(y * bitmap.rowBytes, (y + 1) * bitmap.rowBytes)).toString('hex').toUpperCase();
    if (y > 0 && hex === previous) rows.push(':');
    else {
      const trimmed = hex.replace(/0+$/, '');
      rows.push(trimmed.length === hex.length ? hex : `${trimmed},`);
    }
    previous = hex;
  }
  const total = bitmap.rowBytes * bitmap.height;
  const sd = darkness === null ? '' : `~SD${String(darkness * 2).padStart(2, '0')}`;
  return Buffer.from(
    `${sd}^XA${zplMediaCommands(setup.media, setup.dpi ?? 203)}^PW${bitmap.width}^LL${bitmap.height}^LH0,0^FO0,0^GFA,${total},${total},${bitmap.rowBytes},${rows.join('')}^FS^PQ1^XZ`,
    'latin1',
  );
}

export interface ZplStatus {
  paperOut: boolean;
  paused: boolean;
  headOpen: boolean;
  ribbonOut: boolean;
}

/** Reads a `~HS` answer; undefined until its first two strings have arrived. */
export function parseZplStatus(answer: Buffer): ZplStatus | undefined {
  const text = answer.toString('latin1');
  const strings: string[][] = [];
  // Each answer string is framed by STX (0x02) … ETX (0x03).
  for (let start = text.indexOf('\x02'); start >= 0; start = text.indexOf('\x02', start + 1)) {
    const end = text.indexOf('\x03', start);
    if (end < 0) break;
    strings.push(text.slice(start + 1, end).split(','));
  }
  const [first, second] = strings;
  if (first === undefined || second === undefined) return undefined;
  return { paperOut: first[1] === '1', paused: first[2] === '1', headOpen: second[2] === '1', ribbonOut: second[3] === '1' };
}
