import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { missingTools } from '../../support/system-tools.ts';
import { firstPoll, jobIn, printOrderCalls, scanPrintedLabels, startStationRig, waitFor, type StationRig } from './station-rig.ts';

describe.skipIf(missingTools('zbarimg').length > 0)('auto-print on the simulator, to a raw printer', () => {
  let rig: StationRig;
  beforeEach(async () => {
    rig = await startStationRig();
  });
  afterEach(async () => rig.close());

  it('prints a new batch once, complete, every AWB scannable, with one print_order at print_status 1', async () => {
    const { station, sim } = rig;
    await station.setAutoPrint({ enabled: true });
    station.start();
    await firstPoll(station);
    const { processed } = sim.addBatch(7);
    const job = await waitFor('the batch printed', jobIn(station, processed, 'done'));
    expect(job).toMatchObject({ kind: 'auto-print', targetPrintStatus: 1, totalLabels: 7, confirmedLabels: 7, possibleDuplicates: 0 });

    const orders = await station.getBatchOrders({ processed });
    const scanned = scanPrintedLabels(rig.printer);
    expect(scanned).toHaveLength(7);
    orders.forEach((order, i) => {
      expect(scanned[i]).toContain(order.invoice);
      if (order.awb) expect(scanned[i]).toContain(order.awb);
    });
    expect(printOrderCalls(sim, processed)).toEqual([1]);
    expect(sim.batches().find((b) => b.processed === processed)?.printStatus).toBe(1);

    // Later polls see print count 1 and a local job: never printed again.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(printOrderCalls(sim, processed)).toEqual([1]);
    expect(rig.printer.received().length).toBeGreaterThan(0);
    expect(scanPrintedLabels(rig.printer)).toHaveLength(7);
  });

  it('leaves batches processed before auto-print was switched on to the operator', async () => {
    const { station, sim } = rig;
    const old = sim.addBatch(2);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await station.setAutoPrint({ enabled: true });
    station.start();
    const fresh = sim.addBatch(2);
    await waitFor('the new batch printed', jobIn(station, fresh.processed, 'done'));
    expect((await station.listBatches({})).find((b) => b.processed === old.processed)?.job).toBeNull();
    expect(printOrderCalls(sim, old.processed)).toEqual([]);
  });

  it('says so when a new batch is stamped before the cutoff (clocks disagree), and leaves it to the operator', async () => {
    const { station, sim } = rig;
    await station.setAutoPrint({ enabled: true, cutoff: '2099-01-01 00:00:00' });
    station.start();
    await firstPoll(station);
    const { processed } = sim.addBatch(1);
    const warning = await waitFor('a warning', async () => (await station.listEvents({ level: 'warn' })).find((e) => e.kind === 'auto-print-skipped'));
    expect(warning).toMatchObject({ processed });
    expect(printOrderCalls(sim, processed)).toEqual([]);
  });
});
