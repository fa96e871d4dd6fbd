import type { Order } from '../../../electron/shared/domain.ts';

/** A realistic order, as the client normalises it; every fifth has no AWB. */
export function sampleOrder(n: number): Order {
  return {
    orderId: `o-${n}`,
    invoice: `INV/${n}`,
    awb: n % 5 === 0 ? null : `JP${String(n).padStart(10, '0')}`,
    courierId: null,
    courierName: 'JNE',
    shopId: null,
    shopName: 'Toko',
    shippingCost: 9000,
    totalCost: 19000,
    adminNote: '',
    customerNote: '',
    customer: { name: `Budi ${n}`, phone: '6281', address: 'Jl. Merdeka 1\r\nBandung', provinceCode: null, provinceName: 'Jawa Barat', cityCode: null, cityName: 'Bandung', districtCode: null, districtName: '', postCode: null },
    sender: { name: 'Toko', phone: '6282' },
    items: [{ productId: null, productName: 'Kaos', qty: 1, productPrice: 10000, totalPrice: 10000 }],
    status: 'PROCESSED',
    createdAt: null,
    processedAt: '2026-01-01 10:00:00',
    sentAt: null,
    printType: '2',
    assign: null,
    labelImage: null,
  };
}
