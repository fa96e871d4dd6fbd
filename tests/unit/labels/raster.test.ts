import { loadImage, createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { monoBitmapToPng, renderRaster, type MonoBitmap } from '../../../electron/core/labels/index.ts';
import { labelFixtures } from '../../fixtures/orders/label-fixtures.ts';

const black = (b: MonoBitmap, x: number, y: number): boolean => ((b.data[y * b.rowBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;

function leftmostInk(b: MonoBitmap): number {
  for (let x = 0; x < b.width; x++) for (let y = 0; y < b.height; y++) if (black(b, x, y)) return x;
  return -1;
}

describe('the printer raster', () => {
  const label = labelFixtures[0];
  if (!label) throw new Error('no label fixtures');

  it('is the label at the printer resolution, 1 bit per dot', () => {
    for (const [dpi, width, height] of [[203, 799, 1199], [300, 1181, 1772]] as const) {
      const bitmap = renderRaster(label, { template: '100x150', dpi });
      expect([bitmap.width, bitmap.height]).toEqual([width, height]);
      expect(bitmap.rowBytes).toBe(Math.ceil(width / 8));
      expect(bitmap.data).toHaveLength(bitmap.rowBytes * height);
    }
  });

  it('moves by the calibration offset, in whole dots', () => {
    const plain = renderRaster(label, { template: '100x150', dpi: 203 });
    const shifted = renderRaster(label, { template: '100x150', dpi: 203, offsetXmm: 5 });
    expect(leftmostInk(shifted) - leftmostInk(plain)).toBe(Math.round((5 * 203) / 25.4));
  });

  it('converts to a PNG with the same dots', async () => {
    const bitmap = renderRaster(label, { template: '100x100', dpi: 203 });
    const image = await loadImage(monoBitmapToPng(bitmap));
    expect([image.width, image.height]).toEqual([bitmap.width, bitmap.height]);
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const rgba = ctx.getImageData(0, 0, image.width, image.height).data;
    let mismatches = 0;
    let ink = 0;
    for (let y = 0; y < bitmap.height; y++) {
      for (let x = 0; x < bitmap.width; x++) {
        const dark = (rgba[(y * bitmap.width + x) * 4] ?? 255) < 128;
        if (dark) ink++;
        if (dark !== black(bitmap, x, y)) mismatches++;
      }
    }
    expect(ink).toBeGreaterThan(1000);
    expect(mismatches).toBe(0);
  });
});
