import { afterEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../support/printer-decoders.ts';
import { scanLabels } from '../../support/label-scan.ts';
import { missingTools } from '../../support/system-tools.ts';
import { batchListed, jobIn, startPolledRig, waitFor, type StationRig } from './station-rig.ts';

describe.skipIf(missingTools('zbarimg').length > 0)('a printer set to print the pick list first, on a raw TCP printer', () => {
  let rig: StationRig;
  afterEach(async () => rig.close());

  it('one page without codes, as wide as the label, comes out before the labels; the job counts only its labels', async () => {
    rig = await startPolledRig();
    const { station, sim, printer } = rig;
    await station.savePrinter({ id: 'raw', name: 'Packing bench', uri: rig.printerUri, template: '100x150', dpi: 203, labelsPerJob: 3, pickListFirst: true });
    const { processed } = sim.addBatch(3);
    await waitFor('the batch listed', batchListed(station, processed));
    await station.printBatch({ processed });
    const done = await waitFor('printed', jobIn(station, processed, 'done'));
    expect(done).toMatchObject({ totalLabels: 3, confirmedLabels: 3 });

    const paper = printer.received().flatMap(decodeEscPos);
    expect(paper).toHaveLength(4);
    const [pickList, ...labels] = paper;
    expect(pickList?.width).toBe(labels[0]?.width);
    // Ink on it: a product list, not a blank feed.
    expect(pickList?.data.some((byte) => byte !== 0)).toBe(true);
    const scanned = scanLabels(paper);
    expect(scanned[0]).toEqual([]);
    const stored = await station.getBatchOrders({ processed });
    stored.forEach((order, i) => expect(scanned[i + 1]).toContain(order.invoice));
    const { events } = await station.getJob({ jobId: done.id });
    expect(events.filter((e) => e.kind === 'pick-list-printed')).toHaveLength(1);
  });
});
