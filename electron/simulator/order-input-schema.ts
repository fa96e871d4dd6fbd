import { z } from 'zod';
import type { OrderInput } from '../core/api/order-api.ts';

/** What create and batch_create accept: an order record as the reference's examples post it. */
const text = z.string();
const code = z.string().nullish();
const amount = z.union([z.number(), z.string().regex(/^\d+$/, 'expected a whole number')]);

export const orderInputSchema: z.ZodType<OrderInput> = z.object({
  customer: z.looseObject({
    name: text.min(1, 'the customer name is required'),
    phone: text,
    address: text.min(1, 'the customer address is required'),
    provinceCode: code,
    provinceName: text.optional(),
    cityCode: code,
    cityName: text.optional(),
    districtCode: code,
    districtName: text.optional(),
    postCode: code,
  }),
  sender: z.looseObject({ name: text, phone: text }),
  order: z.looseObject({
    invoice: text.min(1, 'the invoice is required'),
    courierId: code,
    courierName: text,
    shippingCost: amount,
    shopId: code,
    shopName: text,
    awb: code,
    adminNote: code,
    customerNote: code,
    totalCost: z.number(),
    labelImage: code,
    printType: code,
    assign: z.unknown().optional(),
  }),
  details: z.array(
    z.looseObject({
      productId: code,
      qty: z.number().int().positive(),
      productPrice: z.number(),
      totalPrice: z.number(),
      productName: text,
    }),
  ),
});
