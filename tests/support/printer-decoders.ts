import type { MonoBitmap } from '../../electron/core/labels/label-types.ts';

/**
 * Decoders of what a raw printer received, back to one bitmap per printed label (1 = black), as
 * the printer would put it on paper. Strict: an unknown command throws, so an encoder bug shows.
 */

function bitmapOf(rowBytes: number, rows: Uint8Array[]): MonoBitmap {
  const data = new Uint8Array(rowBytes * rows.length);
  rows.forEach((row, y) => data.set(row, y * rowBytes));
  return { width: rowBytes * 8, height: rows.length, rowBytes, data };
}

/** ESC/POS: `GS v 0` raster blocks stack into a label; a cut (`GS V`) ends it. */
export function decodeEscPos(bytes: Buffer): MonoBitmap[] {
  const labels: MonoBitmap[] = [];
  let rows: Uint8Array[] = [];
  let rowBytes = 0;
  let i = 0;
  while (i < bytes.length) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    if (a === 0x1b && b === 0x40) i += 2;
    else if (a === 0x10 && b === 0x04) i += 3;
    else if (a === 0x1b && b === 0x64) i += 3; // ESC d n: feed n lines, blank paper before the cut
    else if (a === 0x1d && b === 0x76 && c === 0x30) {
      const width = bytes.readUInt16LE(i + 4);
      const height = bytes.readUInt16LE(i + 6);
      if (rows.length > 0 && width !== rowBytes) throw new Error(`ESC/POS: raster width changes inside a label at byte ${i}`);
      rowBytes = width;
      for (let y = 0; y < height; y++) rows.push(bytes.subarray(i + 8 + y * width, i + 8 + (y + 1) * width));
      i += 8 + width * height;
      if (i > bytes.length) throw new Error('ESC/POS: raster block cut short');
    } else if (a === 0x1d && b === 0x56) {
      i += c === 0x41 || c === 0x42 ? 4 : 3;
      if (rows.length > 0) labels.push(bitmapOf(rowBytes, rows));
      rows = [];
    } else throw new Error(`ESC/POS: unexpected byte 0x${(a ?? 0).toString(16)} at ${i}`);
  }
  if (rows.length > 0) throw new Error('ESC/POS: raster after the last cut: that label would not be cut off');
  return labels;
}

/** TSPL: `BITMAP x,y,widthBytes,height,mode,<data>` (0 bit = black) placed on a cleared label; `PRINT` prints it. */
export function decodeTspl(bytes: Buffer): MonoBitmap[] {
  const labels: MonoBitmap[] = [];
  let current: MonoBitmap | undefined;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] === 0x1b && bytes[i + 1] === 0x21 && bytes[i + 2] === 0x3f) {
      i += 3; // <ESC>!? status query
      continue;
    }
    const lineEnd = bytes.indexOf('\r\n', i, 'latin1');
    const bitmapStart = bytes.toString('latin1', i, i + 7) === 'BITMAP ';
    if (bitmapStart) {
      const comma = (from: number): number => bytes.indexOf(',', from, 'latin1');
      let at = i + 7;
      const fields: number[] = [];
      for (let f = 0; f < 5; f++) {
        const end = comma(at);
        fields.push(Number(bytes.toString('latin1', at, end)));
        at = end + 1;
      }
      const [x = 0, y = 0, widthBytes = 0, height = 0] = fields;
      if (x % 8 !== 0) throw new Error('TSPL: BITMAP x must be byte aligned for this decoder');
      const rowBytes = x / 8 + widthBytes;
      const data = new Uint8Array(rowBytes * (y + height));
      for (let row = 0; row < height; row++) {
        for (let col = 0; col < widthBytes; col++) data[(y + row) * rowBytes + x / 8 + col] = ~(bytes[at + row * widthBytes + col] ?? 0) & 0xff;
      }
      current = { width: rowBytes * 8, height: y + height, rowBytes, data };
      i = at + widthBytes * height;
      if (bytes.toString('latin1', i, i + 2) === '\r\n') i += 2;
      continue;
    }
    if (lineEnd < 0) throw new Error(`TSPL: command without line end at ${i}`);
    const command = bytes.toString('latin1', i, lineEnd);
    const word = command.split(' ')[0];
    if (word === 'PRINT') {
      if (!current) throw new Error('TSPL: PRINT without a BITMAP');
      labels.push(current);
    } else if (word === 'CLS') current = undefined;
    else if (!['SIZE', 'GAP', 'BLINE', 'GAPDETECT', 'BLINEDETECT', 'DENSITY', 'DIRECTION', 'REFERENCE', 'SPEED', ''].includes(word ?? '')) {
      throw new Error(`TSPL: unexpected command "${command.slice(0, 40)}"`);
    }
    i = lineEnd + 2;
  }
  return labels;
}

const repeatOf = (ch: string): number => {
  const code = ch.charCodeAt(0);
  if (code >= 0x47 && code <= 0x59) return code - 0x46; // G–Y: 1–19
  if (code >= 0x67 && code <= 0x7a) return (code - 0x66) * 20; // g–z: 20–400
  return 0;
};

function decodeGfa(rowBytes: number, total: number, text: string): Uint8Array {
  const height = total / rowBytes;
  const nibblesPerRow = rowBytes * 2;
  const out = new Uint8Array(total);
  let row = 0;
  let nibbles: number[] = [];
  let repeat = 0;
  const endRow = (): void => {
    while (nibbles.length < nibblesPerRow) nibbles.push(0);
    for (let b = 0; b < rowBytes; b++) out[row * rowBytes + b] = ((nibbles[2 * b] ?? 0) << 4) | (nibbles[2 * b + 1] ?? 0);
    row++;
    nibbles = [];
  };
  for (const ch of text) {
    if (row >= height) throw new Error('ZPL: ^GF data longer than its size');
    const count = repeatOf(ch);
    if (count > 0) repeat += count;
    else if (ch === ':') {
      if (nibbles.length > 0 || row === 0) throw new Error('ZPL: ":" not at a row start');
      out.copyWithin(row * rowBytes, (row - 1) * rowBytes, row * rowBytes);
      row++;
    } else if (ch === ',') endRow();
    else if (/[0-9A-F]/i.test(ch)) {
      for (let n = 0; n < Math.max(repeat, 1); n++) nibbles.push(parseInt(ch, 16));
      repeat = 0;
      if (nibbles.length > nibblesPerRow) throw new Error('ZPL: a ^GF row overflows');
      if (nibbles.length === nibblesPerRow) endRow();
    } else if (!/\s/.test(ch)) throw new Error(`ZPL: unexpected "${ch}" in ^GF data`);
  }
  if (row !== height) throw new Error(`ZPL: ^GF has ${row} rows, expected ${height}`);
  return out;
}

/** ZPL: each `^XA … ^XZ` format with one `^FO x,y ^GFA,total,total,rowBytes,data ^FS` is a label. */
export function decodeZpl(bytes: Buffer): MonoBitmap[] {
  const text = bytes.toString('latin1');
  const labels: MonoBitmap[] = [];
  for (const format of text.matchAll(/\^XA([\s\S]*?)\^XZ/g)) {
    const body = format[1] ?? '';
    const origin = /\^FO(\d+),(\d+)/.exec(body);
    const graphic = /\^GFA,(\d+),(\d+),(\d+),([^^]*)\^FS/.exec(body);
    if (!graphic) throw new Error('ZPL: a format without an ^GFA graphic');
    const [x, y] = [Number(origin?.[1] ?? 0), Number(origin?.[2] ?? 0)];
    if (x % 8 !== 0) throw new Error('ZPL: ^FO x must be byte aligned for this decoder');
    const total = Number(graphic[2]);
    const graphicRowBytes = Number(graphic[3]);
    const data = decodeGfa(graphicRowBytes, total, graphic[4] ?? '');
    const height = total / graphicRowBytes;
    const rowBytes = x / 8 + graphicRowBytes;
    const canvas = new Uint8Array(rowBytes * (y + height));
    for (let row = 0; row < height; row++) canvas.set(data.subarray(row * graphicRowBytes, (row + 1) * graphicRowBytes), (y + row) * rowBytes + x / 8);
    labels.push({ width: rowBytes * 8, height: y + height, rowBytes, data: canvas });
  }
  return labels;
}
