import type { OrderStatus } from '../shared/domain.ts';
import type { Rng } from './prng.ts';
import { couriers } from './data/couriers.ts';
import { provinces, streets } from './data/geography.ts';
import { adminNotes, customerNotes, firstNames, lastNames, products, sellers } from './data/people.ts';
import { serverTime, type SimOrder, type SimRecord } from './sim-model.ts';

export interface OrderMoment {
  status: OrderStatus;
  createdAt: number;
  processedAt?: string | null;
  sentAt?: number | null;
}

function address(rng: Rng, district: string, city: string, province: string, postCode: string): string {
  const street = `${rng.pick(streets)} No. ${rng.int(1, 250)}, RT.0${rng.int(1, 9)}/RW.0${rng.int(1, 9)}`;
  const area = `Kec. ${district}, ${city}, ${province}`;
  // Addresses typed on phones break lines; the backend keeps the \r\n.
  return rng.chance(0.25) ? `${street}, ${area}.\r\n${district} ${postCode}` : `${street}, ${area}, ${postCode}`;
}

/** Numbers arrive as numbers or strings at random, as the backend sends them. */
function wireNumber(rng: Rng, value: number): number | string {
  return rng.chance(0.3) ? String(value) : value;
}

export function generateRecord(rng: Rng, orderId: string, createdAt: number): SimRecord {
  const province = rng.pick(provinces);
  const city = rng.pick(province.cities);
  const district = rng.pick(city.districts);
  const seller = rng.pick(sellers);
  const shop = rng.pick(seller.shops);
  const courier = rng.pick(couriers);
  const name = rng.chance(0.8) ? `${rng.pick(firstNames)} ${rng.pick(lastNames)}` : rng.pick(firstNames);
  // Some customers were typed in without a region: codes null, names "", as in the reference.
  const regionless = rng.chance(0.12);
  const details = Array.from({ length: rng.chance(0.6) ? 1 : rng.int(2, 4) }, () => {
    const product = rng.pick(products);
    const qty = rng.int(1, 3);
    return {
      productId: product.id,
      qty: wireNumber(rng, qty),
      productPrice: wireNumber(rng, product.price),
      totalPrice: product.price * qty,
      productName: product.name,
    };
  });
  const awbRoll = rng.next();
  const awb = awbRoll < 0.08 ? null : awbRoll < 0.12 ? '' : courier.awb(rng);
  return {
    customer: {
      name,
      phone: `628${rng.digits(rng.int(8, 10))}`,
      address: address(rng, district.name, city.name, province.name, district.postCode),
      provinceCode: regionless ? null : province.code,
      provinceName: regionless ? '' : province.name,
      cityCode: regionless ? null : city.code,
      cityName: regionless ? '' : city.name,
      districtCode: regionless ? null : district.code,
      districtName: regionless ? '' : district.name,
      postCode: regionless ? null : district.postCode,
    },
    sender: { name: seller.senderName, phone: seller.senderPhone },
    order: {
      invoice: `INV${serverTime(createdAt).slice(0, 10).replaceAll('-', '')}MPL${rng.digits(10)}`,
      courierId: courier.id,
      courierName: courier.name,
      shippingCost: String(rng.pick([0, 9000, 10000, 12000, 18000, 51000])),
      shopId: shop.id,
      shopName: shop.name,
      awb,
      adminNote: rng.chance(0.2) ? null : rng.pick(adminNotes),
      customerNote: rng.chance(0.2) ? null : rng.pick(customerNotes),
      totalCost: details.reduce((sum, d) => sum + d.totalPrice, 0),
      labelImage: null,
      printType: '2',
      assign: null,
      order_id: orderId,
    },
    details,
  };
}

/** Builds one order in the given state, as if the backend had stored it. */
export function generateOrder(rng: Rng, moment: OrderMoment): SimOrder {
  const id = rng.uuid();
  const record = generateRecord(rng, id, moment.createdAt);
  return simOrderFromRecord(rng, record, moment, {
    updatedAWB: record.order.awb && rng.chance(0.1) ? (couriers.find((c) => c.id === record.order.courierId)?.awb(rng) ?? null) : null,
    updatedInvoice: rng.chance(0.1) ? `${record.order.invoice.slice(0, 14)}${rng.digits(10)}` : null,
  });
}

/** Wraps a record (generated, or posted to create) in the backend's bookkeeping. */
export function simOrderFromRecord(
  rng: Rng,
  record: SimRecord,
  moment: OrderMoment,
  updated: { updatedAWB: string | null; updatedInvoice: string | null } = { updatedAWB: null, updatedInvoice: null },
): SimOrder {
  const created = serverTime(moment.createdAt);
  return {
    id: record.order.order_id,
    record,
    status: moment.status,
    customerId: rng.uuid(),
    senderId: rng.uuid(),
    detailIds: record.details.map(() => rng.uuid()),
    createdAt: created,
    updatedAt: moment.processedAt ?? created,
    processedAt: moment.processedAt ?? null,
    sentAt: moment.sentAt ? serverTime(moment.sentAt) : null,
    // The backend reports the current AWB/invoice here (the record's value when unchanged).
    updatedAWB: updated.updatedAWB ?? (record.order.awb || null),
    updatedInvoice: updated.updatedInvoice ?? record.order.invoice,
    firstState: JSON.stringify(record),
  };
}
