import type { SimOrder } from './sim-model.ts';

/** How the backend renders a stored order: as an order record (calls 1, 8) or a flat row (calls 3, 5). */

/** Calls 1 and 8: the record plus its bookkeeping fields. */
export function toOrderRecord(order: SimOrder): Record<string, unknown> {
  return {
    ...order.record,
    updatedAWB: order.updatedAWB,
    createdAt: order.createdAt,
    processedAt: order.processedAt,
    sentAt: order.sentAt,
    status: order.status,
    updatedInvoice: order.updatedInvoice,
  };
}

/** PHP's `json_encode(new DateTime(...))`. */
function phpDateTime(timestamp: string | null): Record<string, unknown> | null {
  return timestamp === null ? null : { date: `${timestamp}.000000`, timezone_type: 3, timezone: 'Asia/Bangkok' };
}

/** Calls 3 and 5: `{order: [row], products: [row…]}`, the database rows as PHP encodes them. */
export function toOrderRows(order: SimOrder, printStatus: number): Record<string, unknown> {
  const { customer, sender, order: part, details } = order.record;
  return {
    order: [
      {
        order_first_state: order.firstState,
        deleted_at: null,
        id: order.id,
        customerId: order.customerId,
        customerName: customer.name,
        customerAddress: customer.address,
        senderAddress: null,
        senderId: order.senderId,
        senderName: sender.name,
        courierId: part.courierId ?? null,
        courierName: part.courierName,
        shippingCost: String(part.shippingCost),
        status: order.status,
        printStatus: String(printStatus),
        labelImage: null,
        shopId: part.shopId ?? null,
        shopName: part.shopName,
        invoice: order.updatedInvoice ?? part.invoice,
        awb: order.updatedAWB ?? '',
        totalPrice: null,
        totalProduct: null,
        customerNote: part.customerNote || null,
        adminNote: part.adminNote ?? '',
        created: phpDateTime(order.createdAt),
        updated: phpDateTime(order.updatedAt),
        processed: phpDateTime(order.processedAt),
        sent: phpDateTime(order.sentAt),
        createdBy: '',
        updatedBy: '',
        createdByName: null,
        updatedByName: null,
      },
    ],
    products: details.map((d, i) => ({
      detailsId: order.detailIds[i] ?? null,
      productId: d.productId ?? null,
      productName: d.productName,
      productPrice: String(d.productPrice),
      qty: String(d.qty),
    })),
  };
}
