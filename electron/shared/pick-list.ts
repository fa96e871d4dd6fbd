import { z } from 'zod';
import type { Order } from './domain.ts';

/**
 * What a packer needs before the labels: every product of a set of batches with its summed
 * quantity, and how many parcels go to each courier. Pure, so the renderer shows the same
 * totals the printed pick list carries.
 */

/** The media a pick list prints on: an office sheet, the receipt roll, or a shipping label. */
export const pickListTemplateSchema = z.enum(['a4', '80mm', '100x150']);
export type PickListTemplate = z.infer<typeof pickListTemplateSchema>;

export const pickListLineSchema = z.object({
  productId: z.string().nullable(),
  productName: z.string(),
  qty: z.number(),
  /** How many orders ask for it. */
  orders: z.number().int(),
});
export type PickListLine = z.infer<typeof pickListLineSchema>;

export const courierTotalSchema = z.object({
  /** The courier's name; null for the orders without an AWB, whatever their courier. */
  courier: z.string().nullable(),
  parcels: z.number().int(),
});
export type CourierTotal = z.infer<typeof courierTotalSchema>;

export const pickListSchema = z.object({
  batches: z.array(z.string()),
  orders: z.number().int(),
  lines: z.array(pickListLineSchema),
  couriers: z.array(courierTotalSchema),
  /** Orders whose label prints without a courier barcode. */
  withoutAwb: z.number().int(),
});
export type PickList = z.infer<typeof pickListSchema>;

let collator: Intl.Collator | undefined;
/** Indonesian order, made on first use: the collation data costs every process that loads the contract about 2.5 MB. */
const compareText = (a: string, b: string): number => (collator ??= new Intl.Collator('id', { sensitivity: 'base', numeric: true })).compare(a, b);

/** Parcels per courier, largest pile first; orders without an AWB are counted apart. */
export function courierTotals(orders: readonly Order[]): CourierTotal[] {
  const counts = new Map<string | null, number>();
  for (const order of orders) {
    const courier = order.awb === null ? null : order.courierName.trim() || '?';
    counts.set(courier, (counts.get(courier) ?? 0) + 1);
  }
  return [...counts]
    .map(([courier, parcels]) => ({ courier, parcels }))
    .sort((a, b) => (a.courier === null ? 1 : b.courier === null ? -1 : b.parcels - a.parcels || compareText(a.courier, b.courier)));
}

/**
 * A product is its id and its name together: a packer picks by the name on the list, so two
 * names never merge under one id, and two ids (variants) of one name stay two lines.
 */
const productKey = (productId: string | null, name: string): string => `${productId ?? ''}\u0000${name.trim().toLowerCase()}`;

export function summarisePickList(batches: readonly { processed: string; orders: readonly Order[] }[]): PickList {
  const lines = new Map<string, PickListLine>();
  const all: Order[] = [];
  for (const batch of batches) {
    for (const order of batch.orders) {
      all.push(order);
      const counted = new Set<string>();
      for (const item of order.items) {
        const key = productKey(item.productId, item.productName);
        const line = lines.get(key) ?? { productId: item.productId, productName: item.productName.trim(), qty: 0, orders: 0 };
        line.qty += item.qty;
        if (!counted.has(key)) line.orders += 1;
        counted.add(key);
        lines.set(key, line);
      }
    }
  }
  return {
    batches: batches.map((b) => b.processed),
    orders: all.length,
    lines: [...lines.values()].sort((a, b) => compareText(a.productName, b.productName)),
    couriers: courierTotals(all),
    withoutAwb: all.filter((o) => o.awb === null).length,
  };
}
