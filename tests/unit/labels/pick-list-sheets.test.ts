import { describe, expect, it } from 'vitest';
import type { Order } from '../../../electron/shared/domain.ts';
import { isPickListKey, pickListSheets } from '../../../electron/core/labels/pick-list-sheets.ts';
import { samplePrinter } from '../../support/fake-station.ts';
import { fakeOrder } from '../../support/fakes/fake-orders.ts';

const processed = '2026-01-05 10:01:00';
const printedAt = new Date(Date.UTC(2026, 0, 5, 3, 30));
/** Orders each wanting one of `products` different products. */
const ordersOf = (products: number): Order[] =>
  Array.from({ length: products }, (_, i) => ({ ...fakeOrder(processed, i + 1), items: [{ productId: `p-${i}`, productName: `Produk nomor ${i + 1}`, qty: 2, productPrice: 1000, totalPrice: 2000 }] }));
const dots = (mm: number, dpi: number): number => (mm / 25.4) * dpi;

describe('the pick list as sheets for a label printer', () => {
  it('is drawn on the printer’s own medium at its dpi, one picture per page, keyed apart from labels', async () => {
    const sheets = await pickListSheets({ processed, orders: ordersOf(3) }, samplePrinter({ template: '100x100', dpi: 300 }), 'id', printedAt);
    expect(sheets.map((s) => s.key)).toEqual(['pick-list-1']);
    const art = sheets[0]?.supplied;
    expect(art?.width).toBeCloseTo(dots(100, 300), -1);
    expect(art?.height).toBeCloseTo(dots(100, 300), -1);
    expect(sheets[0]?.meta).toMatchObject({ batch: processed, index: 1, count: 1 });
    // Something is drawn: a blank page would be all white.
    expect(art?.gray.some((g) => g < 128)).toBe(true);
    expect(sheets.every((s) => isPickListKey(s.key)) && !isPickListKey('0')).toBe(true);
  });

  it('a long list runs over several label pages; on the roll it is one page as long as the list', async () => {
    const orders = ordersOf(60);
    const pages = await pickListSheets({ processed, orders }, samplePrinter({ template: '100x150', dpi: 203 }), 'en', printedAt);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((p) => p.meta.count)).toEqual(pages.map(() => pages.length));
    const roll = await pickListSheets({ processed, orders }, samplePrinter({ template: '80mm', dpi: 203 }), 'en', printedAt);
    expect(roll).toHaveLength(1);
    const art = roll[0]?.supplied;
    expect(art?.width).toBeCloseTo(dots(80, 203), -1);
    expect(art?.height ?? 0).toBeGreaterThan(dots(150, 203));
  });
});
