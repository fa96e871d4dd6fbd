import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editRows, orderPart, type JsonObject } from '../../support/rewriting-proxy.ts';
import { missingTools } from '../../support/system-tools.ts';
import { startProxiedRig, type ProxiedRig } from './proxied-rig.ts';
import { batchListed, firstPoll, jobIn, printOrderCalls, scanPrintedLabels, waitFor } from './station-rig.ts';

/** A copy of an order record under a new order id and invoice: an order of some other batch. */
function another(record: JsonObject | undefined, n: number): JsonObject {
  const copy = structuredClone(record ?? {});
  const order = orderPart(copy);
  order.order_id = `extra-${n}-0000-4000-8000-000000000000`;
  order.invoice = `INV/EXTRA/${n}`;
  order.awb = `JX${String(n).padStart(10, '0')}`;
  copy.updatedAWB = null;
  copy.updatedInvoice = null;
  return copy;
}

/** Polls go on: lets a few more answer, so "nothing happened" means something. */
async function afterPolls(rig: ProxiedRig, count: number): Promise<void> {
  const start = rig.proxy.calls().filter((c) => c.call === 'processed_list').length;
  await waitFor(`${count} more polls`, () => rig.proxy.calls().filter((c) => c.call === 'processed_list').length >= start + count || undefined);
}

describe.skipIf(missingTools('zbarimg').length > 0)('print_order answering a different number of orders than the batch lists', () => {
  let rig: ProxiedRig;
  beforeEach(async () => {
    rig = await startProxiedRig();
    rig.station.start();
    await firstPoll(rig.station);
  });
  afterEach(async () => rig.close());

  it('3 of 5: held with the numbers, nothing printed, not retried by itself (also after a restart); Retry asks again with the same count', async () => {
    const { sim, proxy } = rig;
    proxy.rewrite('print_order', editRows((rows) => rows.slice(0, 3)), 1);
    const { processed } = sim.addBatch(5);
    await waitFor('listed', batchListed(rig.station, processed));
    await rig.station.printBatch({ processed });
    const held = await waitFor('held', jobIn(rig.station, processed, 'failed'));
    expect(held.reason).toContain(`print_order sent 3 of the 5 orders of batch ${processed}`);
    expect(held.reason).toContain('Print what arrived prints the 3');
    const alert = (await rig.station.listAlerts({})).find((a) => a.jobId === held.id);
    expect(alert).toMatchObject({ kind: 'batch-failed', message: held.reason });
    await afterPolls(rig, 3);
    const station = await rig.restart();
    await firstPoll(station);
    await afterPolls(rig, 3);
    expect(printOrderCalls(sim, processed)).toEqual([1]);
    expect(rig.printer.received()).toEqual([]);

    await station.retryJob({ jobId: held.id });
    expect(await waitFor('printed after Retry', jobIn(station, processed, 'done'))).toMatchObject({ totalLabels: 5, confirmedLabels: 5 });
    expect(printOrderCalls(sim, processed)).toEqual([1, 1]);
    expect(scanPrintedLabels(rig.printer)).toHaveLength(5);
    expect((await station.listAlerts({})).find((a) => a.jobId === held.id)).toBeUndefined();
  });

  it('none ([]): held, not done; Cancel ends it and auto-print never takes the batch again', async () => {
    const { sim, proxy, station } = rig;
    proxy.rewrite('print_order', editRows(() => []));
    await station.setAutoPrint({ enabled: true });
    const { processed } = sim.addBatch(5);
    const held = await waitFor('held', jobIn(station, processed, 'failed'));
    expect(held.reason).toContain(`print_order sent no readable orders for batch ${processed}, which lists 5 label(s)`);
    await expect(station.printReceivedOrders({ jobId: held.id })).rejects.toThrow('there is nothing to print');
    await station.cancelJob({ jobId: held.id });
    await afterPolls(rig, 3);
    expect((await station.listJobs({})).filter((j) => j.processed === processed).map((j) => j.state)).toEqual(['cancelled']);
    expect(printOrderCalls(sim, processed)).toEqual([1]);
    expect(rig.printer.received()).toEqual([]);
  });

  it('7 for 5: held; Print what arrived prints the 7, an explicit act', async () => {
    const { sim, proxy, station } = rig;
    proxy.rewrite('print_order', editRows((rows) => [...rows, another(rows[0], 1), another(rows[1], 2)]), 1);
    const { processed } = sim.addBatch(5);
    await waitFor('listed', batchListed(station, processed));
    await station.printBatch({ processed });
    const held = await waitFor('held', jobIn(station, processed, 'failed'));
    expect(held.reason).toContain(`print_order sent 7 orders for batch ${processed}, which lists 5 label(s)`);
    expect(held.heldAnswer).toEqual({ expected: 5, received: 7 });
    expect((await station.listBatches({})).find((b) => b.processed === processed)?.job?.heldAnswer).toEqual({ expected: 5, received: 7 });
    const view = await station.printReceivedOrders({ jobId: held.id });
    expect(view).toMatchObject({ totalLabels: 7, heldAnswer: null });
    expect(await waitFor('printed', jobIn(station, processed, 'done'))).toMatchObject({ totalLabels: 7, confirmedLabels: 7 });
    const awbs = scanPrintedLabels(rig.printer).flat();
    expect(awbs).toEqual(expect.arrayContaining(['JX0000000001', 'JX0000000002']));
    expect(printOrderCalls(sim, processed)).toEqual([1]);
    const events = await station.listEvents({ jobId: held.id });
    expect(events.map((e) => e.kind)).toContain('print-as-received');
  });

  it('the same order twice prints once, with a warning; the batch is complete', async () => {
    const { sim, proxy, station } = rig;
    proxy.rewrite('print_order', editRows((rows) => [...rows, structuredClone(rows[2] ?? {})]), 1);
    await station.setAutoPrint({ enabled: true });
    const { processed } = sim.addBatch(5);
    const done = await waitFor('printed', jobIn(station, processed, 'done'));
    expect(done).toMatchObject({ totalLabels: 5, confirmedLabels: 5 });
    const labels = scanPrintedLabels(rig.printer);
    expect(labels).toHaveLength(5);
    expect(new Set(labels.map((codes) => codes.join(' '))).size).toBe(5);
    const events = await station.listEvents({ jobId: done.id });
    expect(events.find((e) => e.kind === 'repeated-order')?.message).toMatch(/ 2 times: it prints once$/);
  });
});
