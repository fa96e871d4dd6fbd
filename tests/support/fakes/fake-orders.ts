import type { Order } from '../../../electron/shared/domain.ts';

/** Order `n` (1-based) of the batch processed at `processed`, as the client hands it to the core. */
export function fakeOrder(processed: string, n: number): Order {
  const tag = `${processed.replace(/\D/g, '')}-${n}`;
  return {
    orderId: `order-${tag}`,
    invoice: `INV/${tag}`,
    awb: `JP${tag.replace('-', '')}`,
    courierId: 'jne',
    courierName: 'JNE',
    shopId: 'shop-1',
    shopName: 'Toko Bunso',
    shippingCost: 9000,
    totalCost: 59000,
    adminNote: '',
    customerNote: '',
    customer: {
      name: `Siti ${n}`,
      phone: '6281234567890',
      address: 'Jl. Melati No. 5\r\nRT 01/02',
      provinceCode: null,
      provinceName: 'Jawa Barat',
      cityCode: null,
      cityName: 'Bandung',
      districtCode: null,
      districtName: 'Coblong',
      postCode: '40132',
    },
    sender: { name: 'Toko Bunso', phone: '6285600000000' },
    items: [{ productId: null, productName: 'Kaos Polos', qty: 1, productPrice: 50000, totalPrice: 50000 }],
    status: 'PROCESSED',
    createdAt: null,
    processedAt: processed,
    sentAt: null,
    printType: '2',
    assign: null,
    labelImage: null,
  };
}
