import { z } from 'zod';

/**
 * The domain model every part of the app speaks: the API client normalises the backend's
 * records into it (numbers as numbers, `null`/`""` folded, updated AWB/invoice resolved), and
 * the label engine, the journal and the UI read nothing else.
 */

export const orderStatusSchema = z.enum(['NEW', 'PROCESSED', 'SENT', 'DRAFT']);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export const customerSchema = z.object({
  name: z.string(),
  phone: z.string(),
  address: z.string(),
  provinceCode: z.string().nullable(),
  provinceName: z.string(),
  cityCode: z.string().nullable(),
  cityName: z.string(),
  districtCode: z.string().nullable(),
  districtName: z.string(),
  postCode: z.string().nullable(),
});
export type Customer = z.infer<typeof customerSchema>;

export const senderSchema = z.object({ name: z.string(), phone: z.string() });
export type Sender = z.infer<typeof senderSchema>;

export const orderItemSchema = z.object({
  productId: z.string().nullable(),
  productName: z.string(),
  qty: z.number().int(),
  /** Whole rupiah. */
  productPrice: z.number(),
  totalPrice: z.number(),
});
export type OrderItem = z.infer<typeof orderItemSchema>;

export const orderSchema = z.object({
  /** The backend's order id (`order.order_id`); null only in records that never had one. */
  orderId: z.string().nullable(),
  /** The current invoice: `updatedInvoice` when present, else `order.invoice`. */
  invoice: z.string(),
  /** The current AWB: `updatedAWB` when present, else `order.awb`; null when missing or empty. */
  awb: z.string().nullable(),
  courierId: z.string().nullable(),
  courierName: z.string(),
  shopId: z.string().nullable(),
  shopName: z.string(),
  /** Whole rupiah. */
  shippingCost: z.number(),
  totalCost: z.number(),
  adminNote: z.string(),
  customerNote: z.string(),
  customer: customerSchema,
  sender: senderSchema,
  items: z.array(orderItemSchema),
  status: orderStatusSchema.nullable(),
  createdAt: z.string().nullable(),
  processedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** Undocumented fields kept as received, shown nowhere. */
  printType: z.string().nullable(),
  assign: z.unknown(),
  labelImage: z.string().nullable(),
});
export type Order = z.infer<typeof orderSchema>;

/** `processed` timestamps look like `2022-09-02 16:11:21` (server time, UTC+7). */
export const processedTimestampSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'expected a timestamp like 2022-09-02 16:11:21');

/** A print batch: every order the seller processed at one moment. */
export const batchSchema = z.object({
  processed: processedTimestampSchema,
  totalLabels: z.number().int().nonnegative(),
  /** How many times the batch's labels have been printed (0 = never). */
  printStatus: z.number().int().nonnegative(),
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
  id: z.string(),
  invoice: z.string(),
  awb: z.string().nullable(),
  status: orderStatusSchema.nullable(),
  printStatus: z.number().int(),
  courierName: z.string(),
  shopName: z.string(),
  customerName: z.string(),
  customerAddress: z.string(),
  senderName: z.string(),
  shippingCost: z.number(),
  adminNote: z.string(),
  customerNote: z.string(),
  /** Server-local timestamps `YYYY-MM-DD HH:MM:SS`, or null. */
  created: z.string().nullable(),
  updated: z.string().nullable(),
  processed: z.string().nullable(),
  sent: z.string().nullable(),
  products: z.array(
    z.object({ productId: z.string().nullable(), productName: z.string(), productPrice: z.number(), qty: z.number() }),
  ),
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
