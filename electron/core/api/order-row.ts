import { z } from 'zod';
import { codeSchema, orderDetailsSchema, orderLimits, orderStatusSchema, type Order } from '../../shared/domain.ts';
import { looseAmount, looseAwb, looseId, looseLongText, looseName, looseNumber, looseText, orderFromRecord } from './order-record.ts';

/**
 * The flat "row" shape that `create` and `details` answer with: the order as a database row,
 * timestamps as PHP DateTime objects, the first submitted version as a JSON string, and the
 * products beside it in their own rows.
 */

/** `{"date": "2022-10-11 15:08:14.000000", "timezone_type": 3, "timezone": "Asia/Bangkok"}`, a plain string, or null. */
export const phpDateTime = z
  .union(
    [z.object({ date: z.string(), timezone_type: z.unknown().optional(), timezone: z.string().nullish() }), z.string(), z.null()],
    { error: 'expected a date object {date, timezone}, a date string or null' },
  )
  .optional()
  .transform((value) => {
    if (value === null || value === undefined) return null;
    const text = typeof value === 'string' ? value : value.date;
    // Server-local time without fractions, the way every other call spells timestamps.
    return text === '' ? null : text.slice(0, 19);
  });

/** `order_first_state` is a JSON string of an order record; kept only when it parses. */
const firstState = z
  .union([z.string(), z.null()])
  .optional()
  .transform((text): Order | null => {
    if (!text) return null;
    try {
      const parsed = orderFromRecord.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  });

const orderRow = z.object({
  id: z.string({ error: 'expected the order id' }).pipe(codeSchema()),
  invoice: looseText.pipe(codeSchema()),
  awb: looseAwb,
  status: z
    .union([orderStatusSchema, z.null(), z.literal('')], { error: 'expected NEW, PROCESSED, SENT or DRAFT' })
    .optional()
    .transform((s) => (s === undefined || s === '' ? null : s)),
  printStatus: looseNumber,
  courierName: looseName,
  shopName: looseName,
  customerName: looseName,
  customerAddress: looseLongText,
  senderName: looseName,
  shippingCost: looseAmount,
  adminNote: looseLongText,
  customerNote: looseLongText,
  created: phpDateTime,
  updated: phpDateTime,
  processed: phpDateTime,
  sent: phpDateTime,
  order_first_state: firstState,
});

const productRow = z.object({
  productId: looseId,
  productName: looseName,
  productPrice: looseAmount,
  qty: looseAmount,
});

/** The `data` of a create or details answer, normalised into `OrderDetails`. */
export const orderRowsSchema = z
  .object({
    // A tuple, so the first row is known to exist; further rows (never seen) are ignored.
    order: z.tuple([orderRow], orderRow),
    products: z
      .array(productRow)
      .max(orderLimits.itemsPerOrder, { error: `more than ${orderLimits.itemsPerOrder} products` })
      .nullish()
      .transform((p) => p ?? []),
  })
  .transform(({ order: [row], products }): z.input<typeof orderDetailsSchema> => {
    return {
      id: row.id,
      invoice: row.invoice,
      awb: row.awb,
      status: row.status,
      printStatus: row.printStatus,
      courierName: row.courierName,
      shopName: row.shopName,
      customerName: row.customerName,
      customerAddress: row.customerAddress,
      senderName: row.senderName,
      shippingCost: row.shippingCost,
      adminNote: row.adminNote,
      customerNote: row.customerNote,
      created: row.created,
      updated: row.updated,
      processed: row.processed,
      sent: row.sent,
      products,
      firstState: row.order_first_state,
    };
  })
  .pipe(orderDetailsSchema);
