import { describe, expect, it } from 'vitest';
import { couriers } from '../../../electron/simulator/data/couriers.ts';
import { createSimStore } from '../../../electron/simulator/sim-store.ts';

const frozen = () => Date.parse('2026-03-02T03:04:05Z');

describe('the simulator’s seeded data', () => {
  it('is the same for the same seed, and different for another', () => {
    const a = createSimStore(11, frozen);
    const b = createSimStore(11, frozen);
    const c = createSimStore(12, frozen);
    expect(JSON.stringify(a.list(0, 1000, {}))).toBe(JSON.stringify(b.list(0, 1000, {})));
    expect([a.userId, a.token]).toEqual([b.userId, b.token]);
    expect(a.userId).toHaveLength(36);
    expect(c.userId).not.toBe(a.userId);
    expect(JSON.stringify(c.list(0, 5, {}))).not.toBe(JSON.stringify(a.list(0, 5, {})));
  });

  it('has every status, and batches printed 0, 1 and 2 times', () => {
    const store = createSimStore(5, frozen);
    const summary = store.summary();
    expect(Object.values(summary).every((n) => n > 0)).toBe(true);
    expect(new Set(store.batches().map((b) => b.printStatus))).toEqual(new Set([0, 1, 2]));
  });

  it('puts a batch’s orders in PROCESSED with the batch’s timestamp', () => {
    const store = createSimStore(5, frozen);
    for (const batch of store.batches()) {
      for (const id of batch.orderIds) {
        expect(store.find(id)).toMatchObject({ status: 'PROCESSED', processedAt: batch.processed });
      }
    }
  });

  it('gives every AWB its courier’s format, and leaves some orders without one', () => {
    const formats: Record<string, RegExp> = {
      'JNT Reguler': /^JP\d{10}$/,
      'JNE(OKE)': /^TJE\d{13}$/,
      'Lion Parcel': /^[A-Z]{3}-[A-Z]{2}\d{4}$/,
      'GoSendInstant Courier': /^GK-11-\d{9}$/,
      'SiCepat REG': /^\d{12}$/,
      'AnterAja Reguler': /^1000\d{11}$/,
      'SPX Standard': /^SPXID0\d{11}$/,
    };
    expect(Object.keys(formats).sort()).toEqual(couriers.map((c) => c.name).sort());
    const orders = [1, 2, 3].flatMap((seed) => createSimStore(seed, frozen).list(0, 1000, {}).orders);
    const seen = new Set<string>();
    let missing = 0;
    for (const { record } of orders) {
      const awb = record.order.awb;
      if (!awb) {
        missing += 1;
        continue;
      }
      seen.add(record.order.courierName);
      expect(awb).toMatch(formats[record.order.courierName] ?? /^$/);
    }
    expect(seen.size).toBe(couriers.length);
    expect(missing).toBeGreaterThan(0);
  });

  it('has the reference’s untidy customers: \\r\\n in addresses, no region, accents', () => {
    const orders = createSimStore(9, frozen).list(0, 1000, {}).orders.map((o) => o.record.customer);
    expect(orders.some((c) => c.address.includes('\r\n'))).toBe(true);
    expect(orders.some((c) => c.cityName === '' && c.cityCode === null && c.postCode === null)).toBe(true);
    expect(orders.some((c) => c.name.normalize('NFD') !== c.name)).toBe(true);
    expect(orders.every((c) => /^628\d{8,10}$/.test(c.phone))).toBe(true);
  });

  it('gives two batches created in the same second distinct timestamps', () => {
    const store = createSimStore(1, frozen);
    const first = store.addBatch(1);
    const second = store.addBatch(2);
    const third = store.addBatch(1);
    // The server's clock is UTC+7.
    expect(first.processed).toBe('2026-03-02 10:04:05');
    expect(second.processed).toBe('2026-03-02 10:04:06');
    expect(third.processed).toBe('2026-03-02 10:04:07');
    expect(store.batches()[0]).toMatchObject({ processed: third.processed, printStatus: 0 });
  });

  it('sets a batch’s print count to what print_order says, and knows no other batch', () => {
    const store = createSimStore(1, frozen);
    const { processed, orderIds } = store.addBatch(4);
    expect(store.printBatch(processed, 1)?.map((o) => o.id)).toEqual(orderIds);
    expect(store.printStatusOf(orderIds[0] ?? '')).toBe(1);
    store.printBatch(processed, 1);
    expect(store.batches().find((b) => b.processed === processed)?.printStatus).toBe(1);
    expect(store.printBatch('1999-01-01 00:00:00', 1)).toBeUndefined();
  });
});
