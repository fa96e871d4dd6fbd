import { describe, expect, it } from 'vitest';
import { equalRegions, findLabelRegions } from '../../../electron/core/labels/supplied/label-regions.ts';

const dpi = 50;
const mm = (v: number): number => Math.round((v * dpi) / 25.4);

/** An A4 page at 50 dpi, white, with framed labels (text-like stripes inside) and dashed cut lines. */
function page(cells: readonly [number, number, number, number][], cutLines = true): { gray: Uint8Array; width: number; height: number } {
  const width = mm(210);
  const height = mm(297);
  const gray = new Uint8Array(width * height).fill(255);
  const ink = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < width && y < height) gray[y * width + x] = 0;
  };
  for (const [x0, y0, w, h] of cells) {
    for (let x = mm(x0); x <= mm(x0 + w); x++) for (const y of [mm(y0), mm(y0 + h)]) ink(x, y);
    for (let y = mm(y0); y <= mm(y0 + h); y++) for (const x of [mm(x0), mm(x0 + w)]) ink(x, y);
    for (let line = y0 + 8; line < y0 + h - 8; line += 9) for (let x = mm(x0 + 5); x < mm(x0 + w - 20); x++) ink(x, mm(line));
  }
  if (cutLines) {
    for (let y = 0; y < height; y += 4) ink(mm(105), y);
    for (let x = 0; x < width; x += 4) ink(x, mm(148.5));
  }
  return { gray, width, height };
}

describe('finding the labels on a page', () => {
  it('splits equally for the explicit layouts, read row by row', () => {
    expect(equalRegions('single')).toEqual([{ x: 0, y: 0, width: 1, height: 1 }]);
    expect(equalRegions('a4-2up')).toEqual([{ x: 0, y: 0, width: 1, height: 0.5 }, { x: 0, y: 0.5, width: 1, height: 0.5 }]);
    expect(equalRegions('a4-4up').map((r) => [r.x, r.y])).toEqual([[0, 0], [0.5, 0], [0, 0.5], [0.5, 0.5]]);
  });

  it('finds four framed labels between dashed cut lines, in reading order, each whole', () => {
    const cells: [number, number, number, number][] = [[4, 4, 95, 138], [109, 4, 95, 138], [4, 152.5, 95, 138], [109, 152.5, 95, 138]];
    const { gray, width, height } = page(cells);
    const regions = findLabelRegions(gray, width, height, dpi);
    expect(regions).toHaveLength(4);
    regions.forEach((region, i) => {
      const [x0, y0, w, h] = cells[i] ?? [0, 0, 0, 0];
      // Each region holds its whole label (frame included) and stays clear of the cut lines' far side.
      expect(region.x * 210).toBeLessThanOrEqual(x0);
      expect(region.y * 297).toBeLessThanOrEqual(y0);
      expect((region.x + region.width) * 210).toBeGreaterThanOrEqual(x0 + w);
      expect((region.y + region.height) * 297).toBeGreaterThanOrEqual(y0 + h);
      expect(region.width * 210).toBeLessThan(105);
    });
  });

  it('a blank cell is no label, and a blank page is the whole page', () => {
    const { gray, width, height } = page([[4, 4, 95, 138], [109, 152.5, 95, 138]]);
    expect(findLabelRegions(gray, width, height, dpi)).toHaveLength(2);
    const blank = page([], false);
    expect(findLabelRegions(blank.gray, blank.width, blank.height, dpi)).toEqual([{ x: 0, y: 0, width: 1, height: 1 }]);
  });
});
