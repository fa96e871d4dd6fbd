import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OrderDataError } from '../../../electron/core/api/api-errors.ts';
import { parseOrderRecords } from '../../../electron/core/api/parse-orders.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/api/${name}.json`, import.meta.url), 'utf8'));

describe('parseOrderRecords', () => {
  it('reads the reference print_order response: doubled data, null AWB, string numbers', () => {
    const [order, ...rest] = parseOrderRecords(fixture('print-order-response'));
    expect(rest).toEqual([]);
    expect(order).toMatchObject({
      orderId: '7e676736-a970-4e8d-be81-e3a84875c137',
      invoice: 'INV20220714MPL2488808764',
      awb: null,
      shippingCost: 51000,
      totalCost: 105000,
      customerNote: '',
      courierName: 'GoSendInstant Courier',
      customer: { cityName: 'Kota Tangerang', postCode: '15153', provinceCode: 'PR003' },
      items: [{ qty: 1, productPrice: 105000, totalPrice: 105000 }],
    });
  });

  it('reads the reference list response, resolving the updated invoice and AWB', () => {
    const [order] = parseOrderRecords(fixture('list-response'));
    expect(order?.invoice).toBe('INV20220505MPL2290502811');
    expect(order?.awb).toBe('TJE2348621107726');
    expect(order?.customer.address).toContain('\r\nSingaparna');
    expect(order?.customer.provinceCode).toBeNull();
    expect(order?.status).toBe('NEW');
  });

  it('reads a bare array of records', () => {
    const response = fixture('print-order-response') as { data: { data: unknown[] } };
    expect(parseOrderRecords(response.data.data)).toHaveLength(1);
  });

  it('reads a record that leaves out the optional fields (assign, ids, codes, notes)', () => {
    const [order] = parseOrderRecords([
      {
        customer: { name: 'Siti', phone: '628123', address: 'Jl. Mawar 1' },
        sender: { name: 'Toko', phone: '628999' },
        order: { invoice: 'INV-1', courierName: 'JNE', shippingCost: '9.000', shopName: 'Toko', totalCost: 59000 },
      },
    ]);
    expect(order).toMatchObject({ invoice: 'INV-1', awb: null, assign: null, orderId: null, shippingCost: 9000, items: [] });
    expect(order?.customer).toMatchObject({ cityName: '', postCode: null });
  });

  it('names the first bad field with its path', () => {
    const response = fixture('print-order-response') as { data: { data: Record<string, Record<string, unknown>>[] } };
    const good = response.data.data[0];
    const bad = structuredClone(good);
    if (!bad?.order) throw new Error('fixture changed');
    bad.order.totalCost = 'seratus ribu';
    response.data.data = [good, good, good, bad] as typeof response.data.data;
    expect(() => parseOrderRecords(response)).toThrow(OrderDataError);
    try {
      parseOrderRecords(response);
    } catch (error) {
      expect((error as OrderDataError).field).toBe('data.data[3].order.totalCost');
      expect((error as Error).message).toContain('data.data[3].order.totalCost: expected a number');
    }
  });

  it('names a wrong-typed field', () => {
    expect(() => parseOrderRecords([{ customer: 'x', sender: {}, order: {} }])).toThrow(/\[0\]\.customer: expected object/);
  });

  it('refuses something that holds no records', () => {
    expect(() => parseOrderRecords({ message: 'ok' })).toThrow(/expected an array of order records/);
  });
});
