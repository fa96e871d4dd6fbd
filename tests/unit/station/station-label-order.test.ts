import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from '../../../electron/shared/domain.ts';
import { startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';

const couriers = ['JNE', 'SPX', 'JNE', 'JNE', 'SPX', 'J&T'];
/** Orders 1–6 of a batch: JNE, SPX, JNE, JNE without an AWB yet, SPX, J&T. */
const mixed = (order: Order, n: number): Order => ({ ...order, courierId: couriers[n - 1] ?? null, courierName: couriers[n - 1] ?? '', awb: n === 4 ? null : order.awb });

describe('the order labels come out in, and the pick list before them', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  it('labelOrder is stored like the other settings: batch by default, courier kept over a restart, nonsense refused', async () => {
    h = await startStationOnFakes();
    expect((await h.station.getSettings({})).labelOrder).toBe('batch');
    expect((await h.station.updateSettings({ labelOrder: 'courier' })).labelOrder).toBe('courier');
    await expect(h.station.updateSettings({ labelOrder: 'alphabet' as 'batch' })).rejects.toThrow(/labelOrder/);
    h = await h.restart();
    expect((await h.station.getSettings({})).labelOrder).toBe('courier');
  });

  it('courier: each pickup pile comes out together, in batch order within a courier, orders without an AWB last; the footer keeps the batch’s k/n', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench', labelsPerJob: 2 }], pollSeconds: 600 });
    await h.station.updateSettings({ labelOrder: 'courier' });
    const { processed, orders } = h.server.addBatch(6, { shape: mixed });
    await h.station.printBatch({ processed });
    await h.clock.flush();
    const sequence = [1, 3, 2, 5, 6, 4];
    expect(h.printer().invoices()).toEqual(sequence.map((n) => orders[n - 1]?.invoice));
    expect(h.printer().paper.map((l) => l.place)).toEqual(sequence.map((n) => `${n}/6`));
    expect(await h.jobOf(processed)).toMatchObject({ state: 'done', confirmedLabels: 6, totalLabels: 6 });
  });

  it('courier: a crash mid-batch resumes in the stored order, each label once (the one in flight flagged)', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench', labelsPerJob: 2 }], pollSeconds: 600 });
    await h.station.updateSettings({ labelOrder: 'courier' });
    const { processed, orders } = h.server.addBatch(6, { shape: mixed });
    h.printer().fail({ kind: 'ok' });
    h.printer().fail({ kind: 'crash', onPaper: 1, confirmed: 1 });
    await h.station.printBatch({ processed });
    await h.clock.flush();
    h = await h.afterCrash();
    const byInvoice = (n: number) => orders[n - 1]?.invoice;
    expect(h.printer().invoices()).toEqual([1, 3, 2, 5, 6, 4].map(byInvoice));
    expect(await h.jobOf(processed)).toMatchObject({ state: 'done', confirmedLabels: 6, possibleDuplicates: 1 });
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
  });

  it('batch (the default): labels in the order print_order sent them', async () => {
    h = await startStationOnFakes({ pollSeconds: 600 });
    const { processed, orders } = h.server.addBatch(6, { shape: mixed });
    await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(h.printer().invoices()).toEqual(orders.map((o) => o.invoice));
  });

  it('pickListFirst: the pick list comes out ahead of the first label, once, and is never counted as a label', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench', labelsPerJob: 2, pickListFirst: true }, { id: 'dock' }], pollSeconds: 600 });
    const { processed, orders } = h.server.addBatch(3);
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(h.printer().invoices()).toEqual(['pick list of 3 orders', ...orders.map((o) => o.invoice)]);
    expect(h.printer().jobs[0]).toEqual(['pick list of 3 orders', orders[0]?.invoice]);
    const { job: done, labels, events } = await h.station.getJob({ jobId: job.id });
    expect(done).toMatchObject({ state: 'done', totalLabels: 3, confirmedLabels: 3 });
    expect(labels).toHaveLength(3);
    expect(events.filter((e) => e.kind === 'pick-list-printed')).toHaveLength(1);
    // A reprint, a label reprint and another printer's jobs have no pick list.
    await h.station.reprintBatch({ processed, confirmed: true });
    await h.station.reprintLabels({ jobId: job.id, indexes: [2] });
    const other = h.server.addBatch(1);
    await h.station.printBatch({ processed: other.processed, printerId: 'dock' });
    await h.clock.flush();
    expect(h.printer().invoices().filter((i) => i.startsWith('pick list'))).toHaveLength(1);
    expect(h.printer('dock').invoices()).toEqual([other.orders[0]?.invoice]);
  });

  it('pickListFirst: a job resumed after a crash that cut its first label does not print the pick list again', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench', pickListFirst: true }], pollSeconds: 600 });
    const { processed, orders } = h.server.addBatch(2);
    h.printer().fail({ kind: 'crash', onPaper: 2, confirmed: 1 });
    await h.station.printBatch({ processed });
    await h.clock.flush();
    h = await h.afterCrash();
    expect(h.printer().invoices()).toEqual(['pick list of 2 orders', orders[0]?.invoice, orders[0]?.invoice, orders[1]?.invoice]);
    expect(await h.jobOf(processed)).toMatchObject({ state: 'done', confirmedLabels: 2, possibleDuplicates: 1 });
  });

  it('pickListFirst: the printer runs out right after the pick list; the retry prints the labels, not the pick list again', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench', pickListFirst: true }], pollSeconds: 600 });
    const { processed, orders } = h.server.addBatch(2);
    h.printer().fail({ kind: 'paper-out', after: 1 });
    await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'waiting', confirmedLabels: 0 });
    await h.clock.advance(2000);
    expect(h.printer().invoices()).toEqual(['pick list of 2 orders', ...orders.map((o) => o.invoice)]);
    expect(await h.jobOf(processed)).toMatchObject({ state: 'done', confirmedLabels: 2, possibleDuplicates: 0 });
  });
});
