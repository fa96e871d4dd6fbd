import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchListed, jobIn, startPolledRig, waitFor, type StationRig } from './station-rig.ts';

describe('finding a batch by what is on its labels', () => {
  let rig: StationRig;
  beforeEach(async () => {
    rig = await startPolledRig();
  });
  afterEach(async () => rig.close());

  const found = async (q: string): Promise<string[]> => (await rig.station.listBatches({ q })).map((b) => b.processed);

  it('finds a never-printed batch through the server, and a printed one from the journal even with the server down', async () => {
    const fresh = rig.sim.addBatch(2);
    const printed = rig.sim.addBatch(3);
    await waitFor('listed', async () => (await batchListed(rig.station, fresh.processed)()) && (await batchListed(rig.station, printed.processed)()));
    const [freshOrder] = await rig.station.getBatchOrders({ processed: fresh.processed });
    expect(await found(freshOrder?.invoice ?? '')).toEqual([fresh.processed]);

    await rig.station.printBatch({ processed: printed.processed });
    await waitFor('printed', jobIn(rig.station, printed.processed, 'done'));
    const orders = await rig.station.getBatchOrders({ processed: printed.processed });
    const awb = orders.find((o) => o.awb !== null)?.awb ?? '';
    expect(awb).not.toBe('');
    rig.sim.addFault({ route: 'list', mode: '500', times: 100 });
    expect(await found(awb.toLowerCase())).toContain(printed.processed);
    expect(await found(orders[1]?.customer.name ?? '')).toContain(printed.processed);
    expect(await found('nobody-has-this-text')).toEqual([]);
  });
});
