import { describe, expect, it } from 'vitest';
import type { Order } from '../../../electron/shared/domain.ts';
import { courierTotals, summarisePickList } from '../../../electron/shared/pick-list.ts';
import { sampleOrder } from '../station/sample-orders.ts';

const order = (n: number, courierName: string, items: [string | null, string, number][], awb: string | null = `AWB${n}`): Order => ({
  ...sampleOrder(n),
  awb,
  courierName,
  items: items.map(([productId, productName, qty]) => ({ productId, productName, qty, productPrice: 1000, totalPrice: 1000 * qty })),
});

describe('the pick list', () => {
  it('sums each product over every order of every batch, sorted by name, and counts the orders that want it', () => {
    const list = summarisePickList([
      { processed: '2026-01-01 10:00:00', orders: [order(1, 'JNE', [['p1', 'Kaos Hitam L', 2], [null, 'Gula Aren', 1]]), order(2, 'J&T', [['p1', 'Kaos Hitam L', 3]])] },
      { processed: '2026-01-01 11:00:00', orders: [order(3, 'JNE', [[null, 'gula aren ', 4], ['p1', 'Kaos Hitam L', 1], ['p1', 'Kaos Hitam L', 1]])] },
    ]);
    expect(list.lines).toEqual([
      { productId: null, productName: 'Gula Aren', qty: 5, orders: 2 },
      { productId: 'p1', productName: 'Kaos Hitam L', qty: 7, orders: 3 },
    ]);
    expect(list).toMatchObject({ batches: ['2026-01-01 10:00:00', '2026-01-01 11:00:00'], orders: 3, withoutAwb: 0 });
  });

  it('keeps two products of the same name apart when the backend gives them different ids', () => {
    const list = summarisePickList([{ processed: 'b', orders: [order(1, 'JNE', [['a', 'Kaos', 1], ['b', 'Kaos', 2]])] }]);
    expect(list.lines.map((l) => [l.productId, l.qty])).toEqual([['a', 1], ['b', 2]]);
  });

  it('counts parcels per courier, largest pile first, and the orders without an AWB apart, last', () => {
    const orders = [order(1, 'JNE', []), order(2, 'J&T', []), order(3, 'J&T', []), order(4, 'SPX', [], null), order(5, 'JNE', []), order(6, 'J&T', [])];
    expect(courierTotals(orders)).toEqual([
      { courier: 'J&T', parcels: 3 },
      { courier: 'JNE', parcels: 2 },
      { courier: null, parcels: 1 },
    ]);
    expect(summarisePickList([{ processed: 'b', orders }]).withoutAwb).toBe(1);
  });
});
