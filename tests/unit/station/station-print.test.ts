import { afterEach, describe, expect, it } from 'vitest';
import { ApiServerError } from '../../../electron/core/api/api-errors.ts';
import { startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';

const serverFailure = () => new ApiServerError({ call: 'print_order', method: 'POST', path: '/order/orders/print_order/u', status: 500 });

describe('printing through the station: print, reprint, reprint chosen labels', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  async function listed(labels: number, options: { printStatus?: number } = {}) {
    const batch = h.server.addBatch(labels, options);
    await h.clock.advance(10_000);
    return batch;
  }

  it('prints a batch once: one print_order at print_status 1, every label in batch order, the first alone', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench', labelsPerJob: 3 }] });
    const { processed, orders } = await listed(7);
    const job = await h.station.printBatch({ processed });
    expect(job).toMatchObject({ kind: 'print', targetPrintStatus: 1, state: 'queued', totalLabels: 7 });
    await h.clock.flush();

    expect(await h.jobOf(processed)).toMatchObject({ id: job.id, state: 'done', confirmedLabels: 7, possibleDuplicates: 0 });
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect(h.server.printStatusOf(processed)).toBe(1);
    expect(h.printer().invoices()).toEqual(orders.map((o) => o.invoice));
    // Printed in the same run that called print_order: the footer still counts the whole batch.
    expect(h.printer().paper.map((l) => l.place)).toEqual(['1/7', '2/7', '3/7', '4/7', '5/7', '6/7', '7/7']);
    expect(h.printer().jobs.map((j) => j.length)).toEqual([1, 3, 3]);
    const { events, labels } = await h.station.getJob({ jobId: job.id });
    expect(events.map((e) => e.kind).reverse()).toEqual(['job-created', 'claimed', 'job-done']);
    expect(labels.map((l) => [l.index, l.invoice, l.state])).toEqual(orders.map((o, i) => [i + 1, o.invoice, 'confirmed']));
    // The batch's orders now come from the journal's copy, not the server.
    expect((await h.station.getBatchOrders({ processed })).map((o) => o.invoice)).toEqual(orders.map((o) => o.invoice));
  });

  it('tells the UI each step of the job as it happens, the labels counted up one by one', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench', labelsPerJob: 2 }] });
    const { processed } = await listed(3);
    const seen: string[] = [];
    h.station.on('job', (job) => {
      const shown = `${job.state} ${job.confirmedLabels}/${job.totalLabels}`;
      // A repeat of the same view changes nothing on screen.
      if (seen.at(-1) !== shown) seen.push(shown);
    });
    await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(seen).toEqual(['queued 0/3', 'claiming 0/3', 'claimed 0/3', 'printing 0/3', 'printing 1/3', 'printing 2/3', 'done 3/3']);
    expect((await h.station.listBatches({})).find((b) => b.processed === processed)?.job).toMatchObject({ state: 'done', confirmedLabels: 3 });
  });

  it('shows the batch printed as soon as its job is done, before the next poll brings the count', async () => {
    h = await startStationOnFakes();
    const { processed } = await listed(1);
    const rows: { printStatus: number; state: string | undefined }[] = [];
    h.station.on('batches', (list) => {
      const row = list.find((b) => b.processed === processed);
      if (row) rows.push({ printStatus: row.printStatus, state: row.job?.state });
    });
    await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(rows.at(-1)).toEqual({ printStatus: 1, state: 'done' });
    expect((await h.station.listBatches({})).find((b) => b.processed === processed)).toMatchObject({ printStatus: 1, job: { state: 'done', confirmedLabels: 1 } });
  });

  it('refuses to print a printed batch again unasked; Reprint adds one to the count, twice in a row too', async () => {
    h = await startStationOnFakes();
    const { processed } = await listed(2);
    await h.station.printBatch({ processed });
    await h.clock.flush();
    await expect(h.station.printBatch({ processed })).rejects.toThrow(`batch ${processed} was already printed 1 time(s): use Reprint to print it again`);

    const again = await h.station.reprintBatch({ processed, confirmed: true });
    expect(again).toMatchObject({ kind: 'reprint', targetPrintStatus: 2 });
    await h.clock.flush();
    // No poll has told the station the count is 2 yet: the journal knows it.
    const third = await h.station.reprintBatch({ processed, confirmed: true });
    expect(third.targetPrintStatus).toBe(3);
    await h.clock.flush();
    expect(h.server.printOrderCalls(processed)).toEqual([1, 2, 3]);
    expect(h.server.printStatusOf(processed)).toBe(3);
    expect(h.printer().paper).toHaveLength(6);
    await expect(h.station.reprintBatch({ processed } as never)).rejects.toThrow(/reprintBatch: confirmed/);
  });

  it('takes the print count from the server for a batch printed elsewhere', async () => {
    h = await startStationOnFakes();
    const { processed } = await listed(1, { printStatus: 2 });
    await expect(h.station.printBatch({ processed })).rejects.toThrow(/already printed 2 time\(s\)/);
    const job = await h.station.reprintBatch({ processed, confirmed: true });
    await h.clock.flush();
    expect(job.targetPrintStatus).toBe(3);
    expect(h.server.printOrderCalls(processed)).toEqual([3]);
  });

  it('reprints chosen labels from the stored orders, without the server, each keeping its place in the batch', async () => {
    h = await startStationOnFakes();
    const { processed, orders } = await listed(5);
    const first = await h.station.printBatch({ processed });
    await h.clock.flush();
    h.printer().paper.splice(0);

    const part = await h.station.reprintLabels({ jobId: first.id, indexes: [4, 2] });
    expect(part).toMatchObject({ kind: 'reprint-labels', targetPrintStatus: null, totalLabels: 2 });
    await h.clock.flush();
    const again = await h.station.reprintLabels({ jobId: part.id, indexes: [2] });
    await h.clock.flush();

    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect(h.printer().paper.map((l) => [l.invoice, l.place])).toEqual([
      [orders[1]?.invoice, '2/5'],
      [orders[3]?.invoice, '4/5'],
      [orders[3]?.invoice, '4/5'],
    ]);
    expect((await h.station.getJob({ jobId: again.id })).job).toMatchObject({ state: 'done', confirmedLabels: 1 });
    await expect(h.station.reprintLabels({ jobId: first.id, indexes: [6] })).rejects.toThrow(`job ${first.id} has 5 label(s): there is no label 6`);
    await expect(h.station.reprintLabels({ jobId: first.id, indexes: [] })).rejects.toThrow(/reprintLabels: indexes/);
  });

  it('refuses to reprint labels of a job that has not stored its orders yet', async () => {
    h = await startStationOnFakes();
    const { processed } = await listed(2);
    h.server.fail('print_order', { kind: 'fail', error: serverFailure() });
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    expect((await h.jobOf(processed))?.state).toBe('failed');
    await expect(h.station.reprintLabels({ jobId: job.id, indexes: [1] })).rejects.toThrow(`job ${job.id} has no stored orders yet: print the batch first`);
  });

  it('Print on a batch whose job failed runs that job now instead of making a second one', async () => {
    h = await startStationOnFakes();
    const { processed } = await listed(2);
    h.server.fail('print_order', { kind: 'fail', error: serverFailure() });
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    const again = await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(again.id).toBe(job.id);
    expect(await h.station.listJobs({})).toHaveLength(1);
    expect(await h.jobOf(processed)).toMatchObject({ state: 'done', targetPrintStatus: 1 });
    expect(h.server.printOrderCalls(processed)).toEqual([1, 1]);
  });

  it('sends a batch to the printer route chosen, the others to the default', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench' }, { id: 'dock', labelsPerJob: 2 }] });
    const a = h.server.addBatch(2);
    const b = h.server.addBatch(3);
    await h.clock.advance(10_000);
    await h.station.printBatch({ processed: a.processed, printerId: 'dock' });
    await h.station.printBatch({ processed: b.processed });
    await h.clock.flush();
    expect(h.printer('dock').invoices()).toEqual(a.orders.map((o) => o.invoice));
    expect(h.printer('bench').invoices()).toEqual(b.orders.map((o) => o.invoice));
    await expect(h.station.printBatch({ processed: h.server.addBatch(1).processed, printerId: 'attic' })).rejects.toThrow('there is no printer "attic": choose another one');
  });

  it('prints a batch the station has not listed yet, asking the server for it; an unknown one is refused', async () => {
    h = await startStationOnFakes();
    const { processed, orders } = h.server.addBatch(2);
    await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(h.printer().invoices()).toEqual(orders.map((o) => o.invoice));
    await expect(h.station.printBatch({ processed: '2020-01-01 00:00:00' })).rejects.toThrow('the server lists no batch processed at 2020-01-01 00:00:00: refresh the list');
    await expect(h.station.printBatch({ processed: 'yesterday' })).rejects.toThrow(/printBatch: processed: expected a timestamp/);
  });
});
