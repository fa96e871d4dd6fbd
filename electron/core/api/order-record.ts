import { z } from 'zod';
import {
  amountSchema,
  awbSchema,
  codeSchema,
  labelImageSchema,
  longTextSchema,
  nameSchema,
  orderLimits,
  orderSchema,
  orderStatusSchema,
  undocumentedSchema,
} from '../../shared/domain.ts';

/**
 * The backend's "order record" (calls 1 and 8) and its normalisation into the domain `Order`.
 * The backend sends numbers as strings or numbers at random, codes as null, names as "",
 * and sometimes leaves optional fields out: every field here tolerates that, then goes through
 * the domain's own field schema (its caps), and the whole order through `orderSchema`: one
 * schema, so nothing the client accepts can fail to read back from the journal.
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

/** The loose readings, each through the domain's schema for that field. */
export const looseName = looseText.pipe(nameSchema);
export const looseLongText = looseText.pipe(longTextSchema);
export const looseId = looseCode.pipe(codeSchema().nullable());
export const looseAwb = looseCode.pipe(awbSchema.nullable());
export const looseAmount = looseNumber.pipe(amountSchema);

const customerRecord = z.object({
  name: looseName,
  phone: looseName,
  address: looseLongText,
  provinceCode: looseId,
  provinceName: looseName,
  cityCode: looseId,
  cityName: looseName,
  districtCode: looseId,
  districtName: looseName,
  postCode: looseId,
});

const detailRecord = z.object({
  productId: looseId,
  qty: looseAmount,
  productPrice: looseAmount,
  totalPrice: looseAmount.optional(),
  productName: looseName,
});

const orderPart = z.object({
  invoice: looseText.pipe(codeSchema()),
  courierId: looseId,
  courierName: looseName,
  shippingCost: looseAmount,
  shopId: looseId,
  shopName: looseName,
  awb: looseAwb,
  adminNote: looseLongText,
  customerNote: looseLongText,
  totalCost: looseAmount,
  labelImage: looseCode.pipe(labelImageSchema.nullable()),
  printType: undocumentedSchema,
  assign: undocumentedSchema,
  order_id: looseId,
});

export const orderRecordSchema = z.object({
  customer: customerRecord,
  sender: z.object({ name: looseName, phone: looseName }),
  order: orderPart,
  details: z
    .array(detailRecord)
    .max(orderLimits.itemsPerOrder, { error: `more than ${orderLimits.itemsPerOrder} items` })
    .nullish()
    .transform((d) => d ?? []),
  updatedAWB: looseAwb,
  updatedInvoice: looseId,
  createdAt: looseId,
  processedAt: looseId,
  sentAt: looseId,
  status: z
    .union([orderStatusSchema, z.null(), z.literal('')], { error: 'expected NEW, PROCESSED, SENT or DRAFT' })
    .optional()
    .transform((s) => (s === undefined || s === '' ? null : s)),
});
export type OrderRecord = z.input<typeof orderRecordSchema>;

export const orderFromRecord = orderRecordSchema
  .transform((r): z.input<typeof orderSchema> => ({
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
    assign: r.order.assign,
    labelImage: r.order.labelImage,
  }))
  .pipe(orderSchema);
