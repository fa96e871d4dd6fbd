/** The printed pick list's words: the document is read at the desk, in the operator's language. */
export const pickListLanguages = ['id', 'en'] as const;
export type PickListLanguage = (typeof pickListLanguages)[number];

export interface PickListText {
  title: string;
  batches: (count: number) => string;
  orders: (count: number) => string;
  product: string;
  qty: string;
  inOrders: string;
  couriers: string;
  withoutAwb: string;
  printedAt: string;
  nothing: string;
}

export const pickListText: Record<PickListLanguage, PickListText> = {
  id: {
    title: 'Daftar ambil',
    batches: (n) => `${n} batch`,
    orders: (n) => `${n} pesanan`,
    product: 'Produk',
    qty: 'Jumlah',
    inOrders: 'Pesanan',
    couriers: 'Per kurir',
    withoutAwb: 'tanpa AWB',
    printedAt: 'Dicetak',
    nothing: 'Tidak ada produk di batch ini.',
  },
  en: {
    title: 'Pick list',
    batches: (n) => `${n} batch${n === 1 ? '' : 'es'}`,
    orders: (n) => `${n} order${n === 1 ? '' : 's'}`,
    product: 'Product',
    qty: 'Qty',
    inOrders: 'Orders',
    couriers: 'By courier',
    withoutAwb: 'no AWB',
    printedAt: 'Printed',
    nothing: 'No products in these batches.',
  },
};
