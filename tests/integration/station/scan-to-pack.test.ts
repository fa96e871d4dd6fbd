import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchListed, firstPoll, jobIn, startPolledRig, waitFor, type StationRig } from './station-rig.ts';

describe('scan-to-pack at the station', () => {
  let rig: StationRig;
  beforeEach(async () => {
    rig = await startPolledRig();
  });
  afterEach(async () => rig.close());

  const printed = async (labels: number): Promise<string> => {
    const { processed } = rig.sim.addBatch(labels);
    await waitFor('listed', batchListed(rig.station, processed));
    await rig.station.printBatch({ processed });
    await waitFor('printed', jobIn(rig.station, processed, 'done'));
    return processed;
  };

  it('packs a whole printed batch by AWB or invoice, once each, and keeps count across a restart', async () => {
    const processed = await printed(4);
    const orders = await rig.station.getBatchOrders({ processed });
    for (const [i, order] of orders.entries()) {
      // A scanner reads the AWB; an order without one is found by its invoice, in any case.
      const code = order.awb ?? order.invoice.toLowerCase();
      const result = await rig.station.scanToPack({ code: ` ${code}\n`, processed });
      expect(result).toMatchObject({ outcome: 'packed', processed, progress: { packed: i + 1, total: 4 } });
      expect(result.order?.invoice).toBe(order.invoice);
    }
    const again = await rig.station.scanToPack({ code: orders[0]?.invoice ?? '' });
    expect(again.outcome).toBe('already-packed');
    expect(again.packedAt).not.toBeNull();
    expect((await rig.station.listBatches({})).find((b) => b.processed === processed)?.packed).toBe(4);

    const station = await rig.restart();
    station.start();
    await firstPoll(station);
    expect((await station.scanToPack({ code: orders[1]?.invoice ?? '' })).outcome).toBe('already-packed');
    expect((await station.listBatches({})).find((b) => b.processed === processed)?.packed).toBe(4);
  });

  it('says unknown for a code no printed label has, and other batch for a parcel of another batch, marking neither', async () => {
    const first = await printed(2);
    const second = await printed(2);
    const unknown = await rig.station.scanToPack({ code: 'JP0000000000NOPE' });
    expect(unknown).toMatchObject({ outcome: 'unknown', order: null, processed: null, progress: null });

    const [parcel] = await rig.station.getBatchOrders({ processed: second });
    const wrong = await rig.station.scanToPack({ code: parcel?.invoice ?? '', processed: first });
    expect(wrong).toMatchObject({ outcome: 'other-batch', processed: second, packedAt: null, progress: { packed: 0, total: 2 } });
    expect((await rig.station.listBatches({})).find((b) => b.processed === second)?.packed).toBe(0);
    await expect(rig.station.scanToPack({ code: '   ' })).rejects.toThrow(/nothing was scanned/);
  });

  it('exports every parcel printed in the day, packed or not', async () => {
    const processed = await printed(3);
    const [one] = await rig.station.getBatchOrders({ processed });
    await rig.station.scanToPack({ code: one?.invoice ?? '' });
    const day = new Date();
    const from = new Date(day.getTime() - 3_600_000).toISOString();
    const to = new Date(day.getTime() + 3_600_000).toISOString();
    const rows = await rig.station.packingReport({ from, to });
    const mine = rows.filter((r) => r.processed === processed);
    expect(mine).toHaveLength(3);
    expect(mine.filter((r) => r.packedAt !== null).map((r) => r.invoice)).toEqual([one?.invoice]);
    expect(await rig.station.packingReport({ from: to, to: new Date(day.getTime() + 7_200_000).toISOString() })).toEqual([]);
  });
});
