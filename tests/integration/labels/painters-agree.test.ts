import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPdf, renderRaster, type MonoBitmap } from '../../../electron/core/labels/index.ts';
import { labelFixtures } from '../../fixtures/orders/label-fixtures.ts';
import { missingTools, pdfToPngs } from '../../support/system-tools.ts';

const dir = mkdtempSync(join(tmpdir(), 'label-painters-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function inkOf(png: string): Promise<{ width: number; height: number; ink: (x: number, y: number) => boolean }> {
  const image = await loadImage(png);
  const ctx = createCanvas(image.width, image.height).getContext('2d');
  ctx.drawImage(image, 0, 0);
  const rgba = ctx.getImageData(0, 0, image.width, image.height).data;
  return { width: image.width, height: image.height, ink: (x, y) => (rgba[(y * image.width + x) * 4] ?? 255) < 128 };
}

const black = (b: MonoBitmap, x: number, y: number): boolean => ((b.data[y * b.rowBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;

describe.skipIf(missingTools('pdftoppm').length > 0)('the PDF and the raster painters', () => {
  it.each([203, 300])('put the same ink on the same dots at %i dpi', async (dpi) => {
    const labels = labelFixtures.slice(0, 4);
    const pdf = join(dir, `agree-${dpi}.pdf`);
    await pipeline(renderPdf(labels, { template: '100x150', dpi }), createWriteStream(pdf));
    const pages = pdfToPngs(pdf, join(dir, `agree-${dpi}`), dpi);
    for (const [i, label] of labels.entries()) {
      const raster = renderRaster(label, { template: '100x150', dpi });
      const page = await inkOf(pages[i] ?? '');
      const width = Math.min(raster.width, page.width);
      const height = Math.min(raster.height, page.height);
      const near = (ink: (x: number, y: number) => boolean, x: number, y: number): boolean => {
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = x + dx;
            const ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < width && ny < height && ink(nx, ny)) return true;
          }
        }
        return false;
      };
      const rasterInk = (x: number, y: number): boolean => black(raster, x, y);
      let rasterDots = 0;
      let rasterMatched = 0;
      let pageDots = 0;
      let pageMatched = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          if (rasterInk(x, y)) {
            rasterDots++;
            if (near(page.ink, x, y)) rasterMatched++;
          }
          if (page.ink(x, y)) {
            pageDots++;
            if (near(rasterInk, x, y)) pageMatched++;
          }
        }
      }
      // Same places to within a dot; the two rasterisers differ only in how they shade glyph edges.
      expect(rasterMatched / rasterDots, `label ${i + 1}: raster ink where the PDF has ink`).toBeGreaterThan(0.98);
      expect(pageMatched / pageDots, `label ${i + 1}: PDF ink where the raster has ink`).toBeGreaterThan(0.98);
    }
  });
});
