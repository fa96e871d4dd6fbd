import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cupsRawQueueTools, startCupsRawQueue, type CupsRawQueue } from '../../support/cups-raw-queue.ts';
import { scanLabels } from '../../support/label-scan.ts';
import { decodeTspl } from '../../support/printer-decoders.ts';
import { startRawPrinter, type RawPrinter } from '../../support/raw-printer.ts';
import { missingTools } from '../../support/system-tools.ts';
import { batchListed, firstPoll, jobIn, startStationRig, waitFor, type StationRig } from './station-rig.ts';

describe.skipIf(missingTools('zbarimg', ...cupsRawQueueTools).length > 0)('a CUPS raw queue disabled in the middle of a batch', () => {
  let rig: StationRig;
  let usb: RawPrinter;
  let queue: CupsRawQueue;

  beforeAll(async () => {
    rig = await startStationRig();
    usb = await startRawPrinter({ answerStatus: false });
    queue = await startCupsRawQueue(usb.port, 'PausedRaw');
    await rig.station.savePrinter({ id: 'usb', name: 'USB TSPL', uri: `tspl+system:${queue.queue}`, labelsPerJob: 2 });
    await rig.station.updateSettings({ defaultPrinterId: 'usb' });
    rig.station.start();
    await firstPoll(rig.station);
  });
  afterAll(async () => {
    queue.enable();
    await rig.close();
    queue.remove();
    await usb.stop();
  });

  it('waits with the way out, then prints the rest after cupsenable: every label once, none lost', { timeout: 90_000 }, async () => {
    const { processed } = rig.sim.addBatch(7);
    await waitFor('the batch listed', batchListed(rig.station, processed));
    await rig.station.printBatch({ processed });
    await waitFor('a first label confirmed', async () => (await rig.station.listJobs({ limit: 10 })).find((j) => j.processed === processed && j.confirmedLabels > 0));
    queue.disable();

    const waiting = await waitFor('the job waiting for its queue', jobIn(rig.station, processed, 'waiting'), 30_000);
    expect(waiting.reason).toContain(`cupsenable ${queue.queue}`);
    expect(waiting.confirmedLabels).toBeLessThan(7);
    const alerts = await rig.station.listAlerts({});
    expect(alerts.some((a) => a.kind === 'printer-offline' && a.printerId === 'usb')).toBe(true);

    queue.enable();
    const done = await waitFor('the job done', jobIn(rig.station, processed, 'done'), 45_000);
    expect(done.confirmedLabels).toBe(7);

    const { labels } = await rig.station.getJob({ jobId: done.id });
    const scanned = scanLabels(usb.received().flatMap((bytes) => decodeTspl(bytes)));
    for (const label of labels) expect(scanned.filter((codes) => codes.includes(label.invoice)), `label ${label.index}`).toHaveLength(1);
    expect(scanned).toHaveLength(7);
  });
});
