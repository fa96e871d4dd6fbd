import { afterEach, describe, expect, it } from 'vitest';
import { ApiServerError } from '../../../electron/core/api/api-errors.ts';
import { startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';

describe('the print queue through the station: one job at a time per printer, in order', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  it('runs a printer’s jobs one after another, oldest first, and claims a job only when its turn comes', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench', labelsPerJob: 3 }, { id: 'dock' }] });
    const a = h.server.addBatch(3);
    const b = h.server.addBatch(2);
    const c = h.server.addBatch(2);
    await h.clock.advance(10_000);
    h.printer('bench').fail({ kind: 'hold' });
    await h.station.printBatch({ processed: a.processed });
    await h.station.printBatch({ processed: b.processed });
    await h.station.printBatch({ processed: c.processed, printerId: 'dock' });
    await h.clock.flush();

    // A's first label is at the (slow) bench printer; B waits unclaimed; the dock is not held up.
    expect(h.printer('bench').jobs).toEqual([[a.orders[0]?.invoice]]);
    expect(h.server.printOrderCalls(b.processed)).toEqual([]);
    expect((await h.jobOf(b.processed))?.state).toBe('queued');
    expect((await h.jobOf(c.processed))?.state).toBe('done');
    expect(h.printer('dock').invoices()).toEqual(c.orders.map((o) => o.invoice));

    h.printer('bench').release();
    await h.clock.flush();
    expect(h.printer('bench').invoices()).toEqual([...a.orders, ...b.orders].map((o) => o.invoice));
    expect(h.printer('bench').mostAtOnce).toBe(1);
    expect(h.server.calls.filter((call) => call.call === 'print_order').map((call) => call.processed)).toEqual([a.processed, c.processed, b.processed]);
  });

  it('a failed job steps aside until its retry time: the next job on its printer prints meanwhile', async () => {
    h = await startStationOnFakes();
    const failing = h.server.addBatch(1);
    const next = h.server.addBatch(2);
    await h.clock.advance(10_000);
    h.server.fail('print_order', { kind: 'fail', error: new ApiServerError({ call: 'print_order', method: 'POST', path: '/order/orders/print_order/u', status: 500 }) });
    await h.station.printBatch({ processed: failing.processed });
    await h.clock.flush();
    expect((await h.jobOf(failing.processed))?.state).toBe('failed');
    await h.station.printBatch({ processed: next.processed });
    await h.clock.flush();
    expect(h.printer().invoices()).toEqual(next.orders.map((o) => o.invoice));
    await h.clock.advance(2999);
    expect(h.printer().paper).toHaveLength(2);
    await h.clock.advance(1);
    expect(h.printer().invoices()).toEqual([...next.orders, ...failing.orders].map((o) => o.invoice));
  });

  it('sends the first label of a job alone, then the rest in jobs of the printer’s size', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench', labelsPerJob: 5 }] });
    const { processed } = h.server.addBatch(12);
    await h.clock.advance(10_000);
    await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(h.printer().jobs.map((j) => j.length)).toEqual([1, 5, 5, 1]);
  });

  it('a printer route changed to one label a job prints every label on its own', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench', labelsPerJob: 5 }] });
    await h.station.savePrinter({ id: 'bench', name: 'Bench', uri: 'escpos://bench.local:9100', labelsPerJob: 1 });
    const { processed } = h.server.addBatch(3);
    await h.clock.advance(10_000);
    await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(h.printer().jobs.map((j) => j.length)).toEqual([1, 1, 1]);
  });
});
