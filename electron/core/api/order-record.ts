import { z } from 'zod';
import { orderStatusSchema, type Order } from '../../shared/domain.ts';

/**
 * The backend's "order record" (calls 1 and 8) and its normalisation into the domain `Order`.
 * The backend sends numbers as strings or numbers at random, codes as null, names as "",
 * and sometimes leaves optional fields out: every field here tolerates that.
 */

/** A number that may arrive as `70000`, `"70000"`, `"50.000"` (Indonesian thousands), null or "". */
export const looseNumber = z
  .union([z.number(), z.string(), z.null()], { error: 'expected a number' })
  .optional()
  .transform((value, ctx) => {
    if (value === null || value === undefined) return 0;
    if (typeof value === 'number') return value;
    const trimmed = value.trim();
    if (trimmed === '') return 0;
    const plain = /^-?\d{1,3}(\.\d{3})+$/.test(trimmed) ? trimmed.replaceAll('.', '') : trimmed;
    const parsed = Number(plain);
    if (!Number.isFinite(parsed)) {
      ctx.addIssue({ code: 'custom', message: `expected a number, got "${value.slice(0, 40)}"` });
      return z.NEVER;
    }
    return parsed;
  });

/** A text field that may be missing or null: folded to "". */
export const looseText = z
  .union([z.string(), z.number(), z.null()], { error: 'expected text' })
  .optional()
  .transform((value) => (value === null || value === undefined ? '' : String(value)));

/** A code or id that may be missing, null or "": folded to null. */
export const looseCode = z
  .union([z.string(), z.number(), z.null()], { error: 'expected text or null' })
  .optional()
  .transform((value) => (value === null || value === undefined || value === '' ? null : String(value)));

const customerRecord = z.object({
  name: looseText,
  phone: looseText,
  address: looseText,
  provinceCode: looseCode,
  provinceName: looseText,
  cityCode: looseCode,
  cityName: looseText,
  districtCode: looseCode,
  districtName: looseText,
  postCode: looseCode,
});

const detailRecord = z.object({
  productId: looseCode,
  qty: looseNumber,
  productPrice: looseNumber,
  totalPrice: looseNumber.optional(),
  productName: looseText,
});

const orderPart = z.object({
  invoice: looseText,
  courierId: looseCode,
  courierName: looseText,
  shippingCost: looseNumber,
  shopId: looseCode,
  shopName: looseText,
  awb: looseCode,
  adminNote: looseText,
  customerNote: looseText,
  totalCost: looseNumber,
  labelImage: looseCode,
  printType: looseCode,
  assign: z.unknown().optional(),
  order_id: looseCode,
});

export const orderRecordSchema = z.object({
  customer: customerRecord,
  sender: z.object({ name: looseText, phone: looseText }),
  order: orderPart,
  details: z.array(detailRecord).nullish().transform((d) => d ?? []),
  updatedAWB: looseCode,
  updatedInvoice: looseCode,
  createdAt: looseCode,
  processedAt: looseCode,
  sentAt: looseCode,
  status: z
    .union([orderStatusSchema, z.null(), z.literal('')], { error: 'expected NEW, PROCESSED, SENT or DRAFT' })
    .optional()
    .transform((s) => (s === undefined || s === '' ? null : s)),
});
export type OrderRecord = z.input<typeof orderRecordSchema>;

export const orderFromRecord = orderRecordSchema.transform((r): Order => ({
  orderId: r.order.order_id,
  invoice: r.updatedInvoice ?? r.order.invoice,
  awb: r.updatedAWB ?? r.order.awb,
  courierId: r.order.courierId,
  courierName: r.order.courierName,
  shopId: r.order.shopId,
  shopName: r.order.shopName,
  shippingCost: r.order.shippingCost,
  totalCost: r.order.totalCost,
  adminNote: r.order.adminNote,
  customerNote: r.order.customerNote,
  customer: r.customer,
  sender: r.sender,
  items: r.details.map((d) => ({
    productId: d.productId,
    productName: d.productName,
    qty: d.qty,
    productPrice: d.productPrice,
    totalPrice: d.totalPrice ?? d.productPrice * d.qty,
  })),
  status: r.status,
  createdAt: r.createdAt,
  processedAt: r.processedAt,
  sentAt: r.sentAt,
  printType: r.order.printType,
  assign: r.order.assign ?? null,
  labelImage: r.order.labelImage,
}));
