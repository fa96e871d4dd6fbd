import { afterEach, describe, expect, it } from 'vitest';
import { scanLabels } from '../../support/label-scan.ts';
import { decodeEscPos } from '../../support/printer-decoders.ts';
import { startRawPrinter, type RawPrinter } from '../../support/raw-printer.ts';
import { missingTools } from '../../support/system-tools.ts';
import { batchListed, jobIn, printOrderCalls, scanPrintedLabels, startPolledRig, waitFor, type StationRig } from './station-rig.ts';

describe.skipIf(missingTools('zbarimg').length > 0)('moving a stuck job and printing chosen orders, on the simulator and raw TCP printers', () => {
  let rig: StationRig;
  let dock: RawPrinter | undefined;
  afterEach(async () => {
    await dock?.stop();
    dock = undefined;
    await rig.close();
  });

  it('a job waiting for a printer out of labels moves to the other bench printer and prints there, each label once', async () => {
    rig = await startPolledRig();
    const { station, sim } = rig;
    dock = await startRawPrinter();
    await station.savePrinter({ id: 'dock', name: 'Dock', uri: `escpos://127.0.0.1:${dock.port}`, template: '100x150', dpi: 203, labelsPerJob: 3 });
    rig.printer.setState({ paperOut: true });
    const { processed } = sim.addBatch(3);
    await waitFor('the batch listed', batchListed(station, processed));
    const job = await station.printBatch({ processed, printerId: 'raw' });
    await waitFor('the job waits for its printer', jobIn(station, processed, 'waiting'));

    expect(await station.moveJob({ jobId: job.id, printerId: 'dock' })).toMatchObject({ id: job.id, printerId: 'dock', printerName: 'Dock' });
    const done = await waitFor('printed on the dock', jobIn(station, processed, 'done'));
    expect(done).toMatchObject({ confirmedLabels: 3, possibleDuplicates: 0 });

    const stored = await station.getBatchOrders({ processed });
    const onDock = scanLabels(dock.received().flatMap(decodeEscPos));
    expect(onDock).toHaveLength(3);
    stored.forEach((order, i) => expect(onDock[i]).toContain(order.invoice));
    // Out of labels, the bench refused the job by its status before a byte was sent.
    expect(scanPrintedLabels(rig.printer)).toEqual([]);
    expect(printOrderCalls(sim, processed)).toEqual([1]);
  });

  it('chosen orders of a batch printed elsewhere print from the server’s details: no print_order, the count unchanged', async () => {
    rig = await startPolledRig();
    const { station, sim } = rig;
    const elsewhere = sim.batches().find((b) => b.printStatus > 0 && b.totalLabels >= 3);
    if (!elsewhere) throw new Error('the seeded simulator has no batch printed elsewhere');
    await waitFor('the batch listed', batchListed(station, elsewhere.processed));
    const chosen = [elsewhere.orderIds[2] ?? '', elsewhere.orderIds[0] ?? ''];
    const callsBefore = sim.calls().length;

    const job = await station.printOrders({ processed: elsewhere.processed, orderIds: chosen });
    expect(job).toMatchObject({ kind: 'orders', targetPrintStatus: null, totalLabels: 2 });
    await waitFor('the orders printed', async () => (await station.getJob({ jobId: job.id })).job.state === 'done');

    const calls = sim.calls().slice(callsBefore);
    expect(calls.filter((c) => c.call === 'details')).toHaveLength(2);
    expect(calls.filter((c) => c.call === 'print_order')).toEqual([]);
    expect(sim.batches().find((b) => b.processed === elsewhere.processed)?.printStatus).toBe(elsewhere.printStatus);
    const { labels } = await station.getJob({ jobId: job.id });
    expect(labels.map((l) => l.orderId)).toEqual(chosen);
    const scanned = scanPrintedLabels(rig.printer);
    expect(scanned).toHaveLength(2);
    labels.forEach((label, i) => expect(scanned[i]).toContain(label.invoice));
  });
});
