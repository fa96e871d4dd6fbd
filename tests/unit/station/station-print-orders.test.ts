import { afterEach, describe, expect, it } from 'vitest';
import { ApiServerError } from '../../../electron/core/api/api-errors.ts';
import { OperatorError } from '../../../electron/shared/operator-message.ts';
import { startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';

describe('printing chosen orders of a batch as their own labels', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  async function refusal(promise: Promise<unknown>): Promise<OperatorError> {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(OperatorError);
    return error as OperatorError;
  }

  /** A batch of four printed here: its orders are in the journal. */
  async function printedHere() {
    h = await startStationOnFakes({ pollSeconds: 600 });
    const batch = h.server.addBatch(4);
    await h.station.printBatch({ processed: batch.processed });
    await h.clock.flush();
    return batch;
  }

  it('from the stored orders: no print_order, no count change, and each label keeps its place in the batch', async () => {
    const { processed, orders } = await printedHere();
    const before = h.printer().paper.length;
    const job = await h.station.printOrders({ processed, orderIds: [orders[3]?.orderId ?? '', orders[1]?.orderId ?? ''] });
    expect(job).toMatchObject({ kind: 'orders', targetPrintStatus: null, totalLabels: 2, state: 'claimed' });
    await h.clock.flush();
    expect(await h.station.getJob({ jobId: job.id })).toMatchObject({ job: { state: 'done', confirmedLabels: 2 } });
    expect(h.printer().paper.slice(before)).toEqual([
      { invoice: orders[3]?.invoice, batch: processed, place: '4/4' },
      { invoice: orders[1]?.invoice, batch: processed, place: '2/4' },
    ]);
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect(h.server.printStatusOf(processed)).toBe(1);
    expect(h.server.detailsCalls()).toEqual([]);
    // The batch is still printed once: Print refuses, Reprint counts from 1.
    await expect(h.station.printBatch({ processed })).rejects.toThrow(/already printed 1 time/);
    const reprint = await h.station.reprintBatch({ processed, confirmed: true });
    expect(reprint.targetPrintStatus).toBe(2);
  });

  it('a batch printed elsewhere: each order from the server’s details, printed without print_order', async () => {
    h = await startStationOnFakes({ pollSeconds: 600 });
    const { processed, orders } = h.server.addBatch(3, { printStatus: 1 });
    const chosen = [orders[2]?.orderId ?? '', orders[0]?.orderId ?? ''];
    const job = await h.station.printOrders({ processed, orderIds: chosen });
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ id: job.id, kind: 'orders', state: 'done', confirmedLabels: 2 });
    expect(h.server.detailsCalls()).toEqual(chosen);
    expect(h.printer().invoices()).toEqual([orders[2]?.invoice, orders[0]?.invoice]);
    expect(h.server.printOrderCalls(processed)).toEqual([]);
    expect(h.server.printStatusOf(processed)).toBe(1);
  });

  it('refuses an order the batch does not hold, and an order of another batch, with a code and no job', async () => {
    const { processed, orders } = await printedHere();
    const other = h.server.addBatch(1, { printStatus: 1 });
    expect((await refusal(h.station.printOrders({ processed, orderIds: [orders[0]?.orderId ?? '', 'order-nope'] }))).text).toEqual({
      code: 'print-orders-not-in-batch', params: { order: 'order-nope' }, detail: null,
    });
    const elsewhere = h.server.addBatch(1, { printStatus: 1 });
    expect((await refusal(h.station.printOrders({ processed: elsewhere.processed, orderIds: [other.orders[0]?.orderId ?? ''] }))).text).toMatchObject({
      code: 'print-orders-other-batch', params: { order: other.orders[0]?.invoice, batch: other.processed },
    });
    expect((await h.station.listJobs({})).map((j) => j.kind)).toEqual(['print']);
  });

  it('a details call that fails or answers for nobody creates no job; the next try prints', async () => {
    h = await startStationOnFakes({ pollSeconds: 600 });
    const { processed, orders } = h.server.addBatch(2, { printStatus: 1 });
    const id = orders[1]?.orderId ?? '';
    h.server.fail('details', { kind: 'fail', error: new ApiServerError({ call: 'details', method: 'GET', path: `/order/orders/details/u/${id}`, status: 502 }) });
    await expect(h.station.printOrders({ processed, orderIds: [id] })).rejects.toBeInstanceOf(ApiServerError);
    await expect(h.station.printOrders({ processed, orderIds: ['order-gone'] })).rejects.toThrow(/404/);
    expect(await h.station.listJobs({})).toEqual([]);
    await h.station.printOrders({ processed, orderIds: [id, id] });
    await h.clock.flush();
    expect(h.printer().invoices()).toEqual([orders[1]?.invoice]);
  });

  it('a crash after the job is journalled resumes it: each chosen label once, still no print_order', async () => {
    const { processed, orders } = await printedHere();
    const before = h.printer().paper.length;
    h.printer().fail({ kind: 'crash', onPaper: 1, confirmed: 0 });
    await h.station.printOrders({ processed, orderIds: [orders[0]?.orderId ?? '', orders[2]?.orderId ?? ''] });
    await h.clock.flush();
    const after = await h.afterCrash();
    h = after;
    const job = (await h.station.listJobs({})).find((j) => j.kind === 'orders');
    expect(job).toMatchObject({ state: 'done', confirmedLabels: 2, possibleDuplicates: 1 });
    expect(h.printer().paper.slice(before).map((l) => l.place)).toEqual(['1/4', '1/4', '3/4']);
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
  });
});
