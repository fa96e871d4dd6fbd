import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrinter } from '../../../electron/core/printers/index.ts';
import type { PrinterProfile } from '../../../electron/shared/printer-profile.ts';
import { cupsLabelPrinterTools, startCupsLabelPrinter, type CupsLabelPrinter } from '../../support/cups-label-printer.ts';
import { monoBitmapToPngBuffer } from '../../support/mono-bitmap-png.ts';
import { decodeEscPos, decodeTspl, decodeZpl } from '../../support/printer-decoders.ts';
import { batchOfLabels } from '../../support/printer-labels.ts';
import { startRawPrinter } from '../../support/raw-printer.ts';
import { suppliedFixtures, withSupplied, type SuppliedFixture } from '../../support/supplied-fixtures.ts';
import { missingTools, pdfToPngs, zbarDecode } from '../../support/system-tools.ts';

const missing = missingTools(...cupsLabelPrinterTools, 'pdfinfo', 'pdftoppm', 'zbarimg');
const work = mkdtempSync(join(tmpdir(), 'supplied-print-'));
const decoders = { escpos: decodeEscPos, tspl: decodeTspl, zpl: decodeZpl } as const;

const profileFor = (uri: string, dpi: 203 | 300): PrinterProfile => ({
  id: 'p', name: 'Desk', uri, template: '100x150', dpi, offsetXmm: 0, offsetYmm: 0, darkness: 10, labelsPerJob: 2,
});

/** Page sizes of a PDF in whole mm, as pdfinfo reports them. */
const pageSizesMm = (pdf: string): string[] =>
  [...execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' }).matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map(
    (m) => `${Math.round((Number(m[1]) / 72) * 25.4)}x${Math.round((Number(m[2]) / 72) * 25.4)}`,
  );

/** Each printed label must carry the supplied AWB, never the order's own. */
function expectSupplied(scans: string[][], fixtures: readonly SuppliedFixture[], ownAwbs: readonly (string | null)[], where: string): void {
  expect(scans, where).toHaveLength(fixtures.length);
  scans.forEach((codes, i) => {
    expect(codes, `${where}: ${fixtures[i]?.name}`).toContain(fixtures[i]?.awb);
    expect(codes, `${where}: ${fixtures[i]?.name} shows our AWB`).not.toContain(ownAwbs[i]);
  });
}

describe.skipIf(missing.length > 0)('a supplied label prints instead of ours on every printer kind', () => {
  let fixtures: SuppliedFixture[];
  let cups: CupsLabelPrinter;
  beforeAll(async () => {
    [fixtures, cups] = await Promise.all([suppliedFixtures(), startCupsLabelPrinter()]);
  });
  afterAll(async () => {
    await cups?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  for (const dpi of [203, 300] as const) {
    for (const language of ['escpos', 'tspl', 'zpl'] as const) {
      it(`${language} at ${dpi} dpi: zbar reads the PDF, PNG, JPEG and landscape labels' own AWBs from the bytes received`, async () => {
        const raw = await startRawPrinter();
        try {
          const profile = profileFor(`${language}://127.0.0.1:${raw.port}`, dpi);
          const labels = await withSupplied(batchOfLabels(fixtures.length), fixtures, profile);
          await openPrinter(profile).print(labels, () => undefined);
          const bitmaps = decoders[language](Buffer.concat(raw.received()));
          const scans = bitmaps.map((bitmap, i) => {
            expect(bitmap.height).toBe(dpi === 203 ? 1199 : 1772);
            const file = join(work, `${language}-${dpi}-${i}.png`);
            writeFileSync(file, monoBitmapToPngBuffer(bitmap));
            return zbarDecode(file);
          });
          expectSupplied(scans, fixtures, labels.map((l) => l.order.awb), `${language} ${dpi}`);
        } finally {
          await raw.stop();
        }
      });
    }

    it(`pdf-dir at ${dpi} dpi: each page of the saved PDF is 100×150 mm and scans the supplied AWB`, async () => {
      const folder = join(work, `hot-${dpi}`);
      const profile = { ...profileFor(`pdf-dir:${folder}`, dpi), labelsPerJob: 4 };
      const labels = await withSupplied(batchOfLabels(fixtures.length), fixtures, profile);
      await openPrinter(profile).print(labels, () => undefined);
      const [file] = readdirSync(folder).filter((name) => name.endsWith('.pdf'));
      expect(pageSizesMm(join(folder, file ?? ''))).toEqual(fixtures.map(() => '100x150'));
      const pages = pdfToPngs(join(folder, file ?? ''), join(work, `hot-${dpi}-page`), 203);
      expectSupplied(pages.map(zbarDecode), fixtures, labels.map((l) => l.order.awb), `pdf-dir ${dpi}`);
    });

    it(`CUPS at ${dpi} dpi: what the IPP printer received scans the supplied AWBs`, async () => {
      const profile = { ...profileFor(cups.uri, dpi), labelsPerJob: 4 };
      const before = cups.printedFiles().length;
      const labels = await withSupplied(batchOfLabels(fixtures.length), fixtures, profile);
      await openPrinter(profile).print(labels, () => undefined);
      const [file] = cups.printedFiles().slice(before);
      const pages = pdfToPngs(file ?? '', join(work, `cups-${dpi}-page`), 203);
      expectSupplied(pages.map(zbarDecode), fixtures, labels.map((l) => l.order.awb), `CUPS ${dpi}`);
    });
  }
});
