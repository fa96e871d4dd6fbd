import type { Order } from '../../shared/domain.ts';
import type { LabelOrder } from '../../shared/station-api.ts';

/** The orders in the order their labels print, each with its 1-based place in the batch (the footer's `k` of `k/n`). */
export interface PlacedOrders {
  orders: Order[];
  batchIndexes: number[];
}

const courierKey = (order: Order): string => order.courierId ?? order.courierName;

/**
 * `courier`: grouped by courier in the order the couriers first appear, stable within a
 * courier, orders without an AWB last (they go to no pickup pile); `batch`: as the server sent them.
 */
export function placeOrders(orders: readonly Order[], order: LabelOrder): PlacedOrders {
  const placed = orders.map((o, i) => ({ order: o, batchIndex: i + 1 }));
  if (order === 'courier') {
    const rank = new Map<string, number>();
    for (const { order: o } of placed) if (!rank.has(courierKey(o))) rank.set(courierKey(o), rank.size);
    const group = (o: Order): number => (o.awb === null || o.awb === '' ? rank.size : (rank.get(courierKey(o)) ?? 0));
    placed.sort((a, b) => group(a.order) - group(b.order) || a.batchIndex - b.batchIndex);
  }
  return { orders: placed.map((p) => p.order), batchIndexes: placed.map((p) => p.batchIndex) };
}
