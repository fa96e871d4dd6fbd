import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeQr, type QrLevel } from '../../../electron/core/labels/qr-encoder.ts';
import { monoBitmapToPng, renderTestPagePdf, renderTestPageRaster, type MonoBitmap } from '../../../electron/core/labels/index.ts';
import { missingTools, pdfToPngs, zbarDecode } from '../../support/system-tools.ts';
import { execFileSync } from 'node:child_process';

const dir = mkdtempSync(join(tmpdir(), 'label-codes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A QR symbol drawn at 4 px per module with the standard 4-module quiet zone. */
function qrBitmap(cells: ArrayLike<number>, size: number): MonoBitmap {
  const scale = 4;
  const width = (size + 8) * scale;
  const rowBytes = Math.ceil(width / 8);
  const data = new Uint8Array(rowBytes * width);
  for (let y = 0; y < size * scale; y++) {
    for (let x = 0; x < size * scale; x++) {
      if (cells[Math.floor(y / scale) * size + Math.floor(x / scale)] !== 1) continue;
      const px = x + 4 * scale;
      const py = y + 4 * scale;
      data[py * rowBytes + (px >> 3)] = (data[py * rowBytes + (px >> 3)] ?? 0) | (0x80 >> (px & 7));
    }
  }
  return { width, height: width, rowBytes, data };
}

describe.skipIf(missingTools('zbarimg', 'pdftoppm', 'pdftotext').length > 0)('barcodes a scanner reads', () => {
  const texts = [
    'A',
    'INV20220714MPL2488808764',
    'INV/20220902/MPL/2669651212',
    'INV-ÉÀ-0001',
    `INV20221101LZD${'9'.repeat(30)}`,
    'x'.repeat(120),
    '王小明 12345 '.repeat(8).trim(),
    // Past version 10, where the encoder it replaced gave up.
    `INV-${'x'.repeat(400)}`,
  ];

  it.each(['L', 'M'] as QrLevel[])('the QR encoder round-trips every invoice shape at level %s, multi-block versions too', (level) => {
    const sizes = new Set<number>();
    texts.forEach((text, i) => {
      const symbol = encodeQr(text, level);
      expect(symbol, text).not.toBeNull();
      if (!symbol) return;
      sizes.add(symbol.size);
      const png = join(dir, `qr-${level}-${i}.png`);
      writeFileSync(png, monoBitmapToPng(qrBitmap(symbol.cells, symbol.size)));
      expect(zbarDecode(png)).toEqual([text]);
    });
    // Version 10 is 57 modules wide.
    expect(Math.max(...sizes)).toBeGreaterThan(57);
  });

  it('gives up beyond version 40, for the caller to report', () => {
    expect(encodeQr('x'.repeat(3000), 'M')).toBeNull();
  });

  it.each([203, 300])('the calibration sheet at %i dpi: every barcode scans, 1–4 dot modules included; rulers, frame, offset arrows', (dpi) => {
    const sheet = [`${dpi}-1`, `${dpi}-2`, `${dpi}-3`, `${dpi}-4`, `TEST-${dpi}DPI`];
    const pdf = join(dir, `test-page-${dpi}.pdf`);
    writeFileSync(pdf, renderTestPagePdf({ template: '100x150', dpi }));
    const [page] = pdfToPngs(pdf, join(dir, `test-page-${dpi}`), dpi);
    expect(zbarDecode(page ?? '').sort()).toEqual(sheet);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(`${dpi} dpi`);
    expect(text).toMatch(/\b10\b[\s\S]*\b20\b/);
    expect(text).toMatch(/Shift X \+ → moves the print right, Shift Y \+ ↓ moves it\s+down/);
    expect(text).toMatch(/1 dot[\s\S]*2 dots[\s\S]*3 dots[\s\S]*4 dots/);
    const raster = renderTestPageRaster({ template: '80mm', dpi });
    const png = join(dir, `test-raster-${dpi}.png`);
    writeFileSync(png, monoBitmapToPng(raster));
    expect(zbarDecode(png).sort()).toEqual(sheet);
    // The frame: the corner dots and the middle of each edge are black.
    const black = (x: number, y: number): boolean => ((raster.data[y * raster.rowBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
    const [w, h] = [raster.width - 1, raster.height - 1];
    expect([black(0, 0), black(w, h), black(w >> 1, 0), black(w >> 1, h), black(0, h >> 1), black(w, h >> 1)]).toEqual(Array(6).fill(true));
  });
});
