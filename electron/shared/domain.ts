import { z } from 'zod';

/**
 * The domain model every part of the app speaks: the API client normalises the backend's
 * records into it (numbers as numbers, `null`/`""` folded, updated AWB/invoice resolved), and
 * the label engine, the journal and the UI read nothing else. The API client parses into these
 * very schemas, so whatever it accepted reads back from the journal.
 */

/**
 * Caps on what an order may hold: generous for any real order, small enough that a hostile or
 * broken value cannot stall the station (a 200 000-character AWB took 10 s to lay out). An
 * identifier past its cap makes the record unreadable (a cut code would print a wrong barcode);
 * free text past its cap is cut, with "…".
 */
export const orderLimits = {
  /** A Code 128 of more than ~60 characters does not fit a 100 mm label at 203 dpi anyway. */
  awbChars: 64,
  /** Invoices, ids, region codes, timestamps. */
  codeChars: 100,
  /** Names, phones, courier and shop names. */
  nameChars: 200,
  /** Addresses and notes. */
  textChars: 2000,
  itemsPerOrder: 300,
  /** A supplied label as a data: URI (a few MB of PDF or PNG, base64). */
  labelImageChars: 8 * 1024 * 1024,
  /** Fields the reference does not document (`printType`, `assign`): kept as short strings. */
  undocumentedChars: 256,
  /** Rupiah, quantities: beyond a trillion it is not an amount. */
  amount: 1e12,
  /** Labels in a batch, and its print count. */
  batchCount: 100_000,
} as const;

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  // Never end on half a surrogate pair.
  return `${/[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head}…`;
}

/** An identifier: refused past `max`, never cut. */
export const codeSchema = (max: number = orderLimits.codeChars) => z.string().max(max, { error: `longer than ${max} characters` });
export const awbSchema = codeSchema(orderLimits.awbChars);
/** Free text: cut to `max` characters. */
export const cutTextSchema = (max: number) => z.string().transform((text) => cut(text, max));
export const nameSchema = cutTextSchema(orderLimits.nameChars);
export const longTextSchema = cutTextSchema(orderLimits.textChars);
export const amountSchema = z
  .number()
  .min(-orderLimits.amount, { error: 'not a plausible amount' })
  .max(orderLimits.amount, { error: 'not a plausible amount' });
export const labelImageSchema = codeSchema(orderLimits.labelImageChars);

/** Depth and size bound JSON of an undocumented value; undefined when it is deeper or bigger. */
function boundedJson(value: unknown, depth: number, budget: { left: number }): string | undefined {
  if (budget.left <= 0) return undefined;
  let out: string | undefined;
  if (value === null || typeof value === 'boolean' || typeof value === 'number') out = JSON.stringify(value);
  else if (typeof value === 'string') out = JSON.stringify(value.slice(0, budget.left));
  else if (depth > 0 && Array.isArray(value)) {
    const parts: string[] = [];
    for (const item of value.slice(0, budget.left)) {
      const part = boundedJson(item, depth - 1, budget);
      if (part === undefined) return undefined;
      parts.push(part);
    }
    out = `[${parts.join(',')}]`;
  } else if (depth > 0 && typeof value === 'object') {
    const parts: string[] = [];
    for (const [key, item] of Object.entries(value).slice(0, budget.left)) {
      const part = boundedJson(item, depth - 1, budget);
      if (part === undefined) return undefined;
      parts.push(`${JSON.stringify(key.slice(0, budget.left))}:${part}`);
    }
    out = `{${parts.join(',')}}`;
  }
  if (out !== undefined) budget.left -= out.length;
  return out !== undefined && budget.left >= 0 ? out : undefined;
}

/**
 * A field the reference does not document, kept as received but never trusted: a string or
 * number as text, anything else as its JSON when that is at most 8 levels deep, all cut to
 * `undocumentedChars`; dropped (null) when it is deeper (a 20 000-level `assign` crashed
 * serialising it) or absent.
 */
export const undocumentedSchema = z.unknown().optional().transform((value): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return cut(value, orderLimits.undocumentedChars);
  const json = boundedJson(value, 8, { left: orderLimits.undocumentedChars * 4 });
  return json === undefined ? null : cut(json, orderLimits.undocumentedChars);
});

export const orderStatusSchema = z.enum(['NEW', 'PROCESSED', 'SENT', 'DRAFT']);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export const customerSchema = z.object({
  name: nameSchema,
  phone: nameSchema,
  address: longTextSchema,
  provinceCode: codeSchema().nullable(),
  provinceName: nameSchema,
  cityCode: codeSchema().nullable(),
  cityName: nameSchema,
  districtCode: codeSchema().nullable(),
  districtName: nameSchema,
  postCode: codeSchema().nullable(),
});
export type Customer = z.infer<typeof customerSchema>;

export const senderSchema = z.object({ name: nameSchema, phone: nameSchema });
export type Sender = z.infer<typeof senderSchema>;

export const orderItemSchema = z.object({
  productId: codeSchema().nullable(),
  productName: nameSchema,
  /** Not always whole: goods sold by weight or length come as "1.5". */
  qty: amountSchema,
  /** Whole rupiah. */
  productPrice: amountSchema,
  totalPrice: amountSchema,
});
export type OrderItem = z.infer<typeof orderItemSchema>;

export const orderSchema = z.object({
  /** The backend's order id (`order.order_id`); null only in records that never had one. */
  orderId: codeSchema().nullable(),
  /** The current invoice: `updatedInvoice` when present, else `order.invoice`. */
  invoice: codeSchema(),
  /** The current AWB: `updatedAWB` when present, else `order.awb`; null when missing or empty. */
  awb: awbSchema.nullable(),
  courierId: codeSchema().nullable(),
  courierName: nameSchema,
  shopId: codeSchema().nullable(),
  shopName: nameSchema,
  /** Whole rupiah. */
  shippingCost: amountSchema,
  totalCost: amountSchema,
  adminNote: longTextSchema,
  customerNote: longTextSchema,
  customer: customerSchema,
  sender: senderSchema,
  items: z.array(orderItemSchema).max(orderLimits.itemsPerOrder, { error: `more than ${orderLimits.itemsPerOrder} items` }),
  status: orderStatusSchema.nullable(),
  createdAt: codeSchema().nullable(),
  processedAt: codeSchema().nullable(),
  sentAt: codeSchema().nullable(),
  /** Undocumented fields, kept as short strings, shown nowhere. */
  printType: undocumentedSchema,
  assign: undocumentedSchema,
  labelImage: labelImageSchema.nullable(),
});
export type Order = z.infer<typeof orderSchema>;

/** `processed` timestamps look like `2022-09-02 16:11:21` (server time, UTC+7). */
export const processedTimestampSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'expected a timestamp like 2022-09-02 16:11:21');

/** A print batch: every order the seller processed at one moment. */
export const batchSchema = z.object({
  processed: processedTimestampSchema,
  totalLabels: z.number().int().nonnegative().max(orderLimits.batchCount),
  /** How many times the batch's labels have been printed (0 = never). */
  printStatus: z.number().int().nonnegative().max(orderLimits.batchCount),
});
export type Batch = z.infer<typeof batchSchema>;

export const statusSummarySchema = z.object({
  NEW: z.number(),
  PROCESSED: z.number(),
  SENT: z.number(),
  DRAFT: z.number(),
});
export type StatusSummary = z.infer<typeof statusSummarySchema>;

/** One order as `details` (and `create`) return it: the backend's flat "row" shape, normalised. */
export const orderDetailsSchema = z.object({
  id: codeSchema(),
  invoice: codeSchema(),
  awb: awbSchema.nullable(),
  status: orderStatusSchema.nullable(),
  printStatus: z.number().int(),
  courierName: nameSchema,
  shopName: nameSchema,
  customerName: nameSchema,
  customerAddress: longTextSchema,
  senderName: nameSchema,
  shippingCost: amountSchema,
  adminNote: longTextSchema,
  customerNote: longTextSchema,
  /** Server-local timestamps `YYYY-MM-DD HH:MM:SS`, or null. */
  created: codeSchema().nullable(),
  updated: codeSchema().nullable(),
  processed: codeSchema().nullable(),
  sent: codeSchema().nullable(),
  products: z
    .array(z.object({ productId: codeSchema().nullable(), productName: nameSchema, productPrice: amountSchema, qty: amountSchema }))
    .max(orderLimits.itemsPerOrder, { error: `more than ${orderLimits.itemsPerOrder} products` }),
  /** The order as first submitted (`order_first_state`), when it parses. */
  firstState: orderSchema.nullable(),
});
export type OrderDetails = z.infer<typeof orderDetailsSchema>;

export const orderPageSchema = z.object({
  orders: z.array(orderSchema),
  /** Every match of the query, not just this page. */
  total: z.number().int(),
});
export type OrderPage = z.infer<typeof orderPageSchema>;
