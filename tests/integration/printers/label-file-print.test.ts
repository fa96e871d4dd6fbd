import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MonoBitmap } from '../../../electron/core/labels/label-types.ts';
import { marketplaceImage, marketplacePdf } from '../../../electron/simulator/labels/label-files.ts';
import { scanLabels } from '../../support/label-scan.ts';
import { decodeTspl } from '../../support/printer-decoders.ts';
import { startRawPrinter } from '../../support/raw-printer.ts';
import { marketplaceLabel } from '../../support/supplied-fixtures.ts';
import { missingTools } from '../../support/system-tools.ts';
import { runCli } from '../../support/run-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'label-file-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));


/** Dots of ink within `margin` dots of the bitmap's edge: a label cut by its region would have them. */
function inkAtEdges(bitmap: MonoBitmap, margin: number): number {
  let ink = 0;
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      const edge = x < margin || y < margin || x >= bitmap.width - margin || y >= bitmap.height - margin;
      if (edge && ((bitmap.data[y * bitmap.rowBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7)))) ink++;
    }
  }
  return ink;
}

const awbs = Array.from({ length: 7 }, (_, i) => `SPXID04${String(5_500_000_001 + i * 7_919)}`);

describe.skipIf(missingTools('zbarimg').length > 0)('label-station print --file: a seller\'s marketplace label file on a thermal printer', () => {
  it('an A4 PDF with four labels a page, --layout auto, to TSPL: one label per region, each AWB scanning, none cut', { timeout: 60_000 }, async () => {
    const file = join(work, 'shopee-a4.pdf');
    // Two pages: four labels, then three and a blank cell (a blank cell is no label).
    const labels = awbs.map((awb) => marketplaceLabel(awb));
    writeFileSync(file, await marketplacePdf('a4-4up', [labels.slice(0, 4), [...labels.slice(4), null]]));
    const printer = await startRawPrinter();
    try {
      const result = await runCli(['print', '--file', file, '--layout', 'auto', '--printer', `tspl://127.0.0.1:${printer.port}`, '--labels-per-job', '3']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('All 7 labels printed');
      const bitmaps = decodeTspl(Buffer.concat(printer.received()));
      expect(bitmaps).toHaveLength(7);
      expect(scanLabels(bitmaps)).toEqual(awbs.map((awb) => [awb]));
      bitmaps.forEach((bitmap, i) => expect(inkAtEdges(bitmap, 2), `label ${i + 1} touches the edge`).toBe(0));
    } finally {
      await printer.stop();
    }
  });

  it('--layout a4-4up splits equally, a PNG prints as one label, and a file that is no label file prints nothing', { timeout: 60_000 }, async () => {
    const pdf = join(work, 'four.pdf');
    writeFileSync(pdf, await marketplacePdf('a4-4up', [awbs.slice(0, 4).map((awb) => marketplaceLabel(awb))]));
    const png = join(work, 'one.png');
    writeFileSync(png, marketplaceImage('landscape', [marketplaceLabel(awbs[4] ?? '')], 'png'));
    const junk = join(work, 'notes.pdf');
    writeFileSync(junk, 'these are not labels');
    const printer = await startRawPrinter();
    try {
      const uri = `tspl://127.0.0.1:${printer.port}`;
      expect((await runCli(['print', '--file', pdf, '--layout', 'a4-4up', '--printer', uri])).code).toBe(0);
      expect((await runCli(['print', '--file', png, '--printer', uri])).code).toBe(0);
      const bad = await runCli(['print', '--file', junk, '--printer', uri]);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toContain('not a PDF, PNG or JPEG');
      expect(scanLabels(decodeTspl(Buffer.concat(printer.received())))).toEqual(awbs.slice(0, 5).map((awb) => [awb]));
    } finally {
      await printer.stop();
    }
  });
});
