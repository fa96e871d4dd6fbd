import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRawPrinter } from '../../support/raw-printer.ts';
import { missingTools, zbarDecode } from '../../support/system-tools.ts';
import { batchListed, jobIn, printOrderCalls, scanPrintedLabels, startPolledRig, waitFor, type StationRig } from './station-rig.ts';

describe.skipIf(missingTools('zbarimg', 'pdftotext').length > 0)('what the operator does at the station', () => {
  let rig: StationRig;
  beforeEach(async () => {
    rig = await startPolledRig();
  });
  afterEach(async () => rig.close());

  it('prints a batch, refuses to print it again unasked, reprints it with the next count, and reprints chosen labels without the server', async () => {
    const { station, sim, printer } = rig;
    const { processed, orderIds } = sim.addBatch(4);
    await waitFor('the batch listed', batchListed(rig.station, processed));

    const fromList = await station.getBatchOrders({ processed });
    expect(fromList.map((o) => o.orderId).sort()).toEqual([...orderIds].sort());

    const first = await station.printBatch({ processed });
    expect(first).toMatchObject({ kind: 'print', targetPrintStatus: 1 });
    const done = await waitFor('printed', jobIn(station, processed, 'done'));
    expect(done.id).toBe(first.id);
    await expect(station.printBatch({ processed })).rejects.toThrow(/already printed 1 time\(s\): use Reprint/);

    const again = await station.reprintBatch({ processed, confirmed: true });
    expect(again).toMatchObject({ kind: 'reprint', targetPrintStatus: 2 });
    await waitFor('reprinted', async () => (await station.getJob({ jobId: again.id })).job.state === 'done');
    expect(printOrderCalls(sim, processed)).toEqual([1, 2]);
    expect(sim.batches().find((b) => b.processed === processed)?.printStatus).toBe(2);

    const callsBefore = sim.calls().length;
    const stored = await station.getBatchOrders({ processed });
    const labels = await station.reprintLabels({ jobId: first.id, indexes: [2, 4] });
    expect(labels).toMatchObject({ kind: 'reprint-labels', targetPrintStatus: null, totalLabels: 2 });
    await waitFor('labels reprinted', async () => (await station.getJob({ jobId: labels.id })).job.state === 'done');
    expect(sim.calls().slice(callsBefore).filter((c) => c.call === 'print_order')).toEqual([]);
    const scanned = scanPrintedLabels(printer);
    expect(scanned).toHaveLength(10);
    expect(scanned[8]).toContain(stored[1]?.invoice);
    expect(scanned[9]).toContain(stored[3]?.invoice);
    await expect(station.reprintLabels({ jobId: first.id, indexes: [5] })).rejects.toThrow(/has 4 label\(s\): there is no label 5/);
    await expect(station.updateSettings({ pollSeconds: 1 })).rejects.toThrow(/updateSettings: pollSeconds: poll at most every 2 seconds/);

    const history = await station.getJob({ jobId: first.id });
    expect(history.labels.map((l) => l.state)).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed']);
    expect(history.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['job-created', 'claimed', 'job-done']));
    expect((await station.listJobs({ state: 'done' })).map((j) => j.id)).toEqual([labels.id, again.id, first.id]);

    // Right after a label reprint, whatever the last poll said: the next whole reprint is count 3.
    const third = await station.reprintBatch({ processed, confirmed: true });
    expect(third.targetPrintStatus).toBe(3);
    await waitFor('reprinted again', async () => (await station.getJob({ jobId: third.id })).job.state === 'done');
    expect(printOrderCalls(sim, processed)).toEqual([1, 2, 3]);
  });

  it('a label reprinted on its own still says where it sits in its batch, also when reprinted again', async () => {
    const { station, sim, dataDir } = rig;
    const folder = join(dataDir, 'reprints');
    mkdirSync(folder);
    const pdfs = await station.savePrinter({ name: 'Folder', uri: `pdf-dir:${folder}` });
    const { processed } = sim.addBatch(5);
    await waitFor('the batch listed', batchListed(station, processed));
    const first = await station.printBatch({ processed });
    await waitFor('printed', jobIn(station, processed, 'done'));

    const seen = new Set<string>();
    /** The "k/n" in the footers of the labels the job put in the folder. */
    const footers = async (jobId: string): Promise<string[]> => {
      await waitFor('reprinted', async () => (await station.getJob({ jobId })).job.state === 'done');
      const files = readdirSync(folder).filter((name) => name.endsWith('.pdf') && !seen.has(name)).sort();
      files.forEach((name) => seen.add(name));
      const text = files.map((name) => execFileSync('pdftotext', ['-layout', join(folder, name), '-'], { encoding: 'utf8' })).join('');
      return [...text.matchAll(/Label (\d+\/\d+)/g)].map((m) => m[1] ?? '');
    };
    const part = await station.reprintLabels({ jobId: first.id, indexes: [4, 2], printerId: pdfs.id });
    expect(await footers(part.id)).toEqual(['2/5', '4/5']);
    expect((await station.getJob({ jobId: part.id })).labels.map((l) => [l.index, l.batchIndex])).toEqual([
      [1, 2],
      [2, 4],
    ]);
    const again = await station.reprintLabels({ jobId: part.id, indexes: [2], printerId: pdfs.id });
    expect(await footers(again.id)).toEqual(['4/5']);
  });

  it('sends a batch to the printer route chosen, others to the default', async () => {
    const { station, sim, printer } = rig;
    const second = await startRawPrinter();
    try {
      const dock = await station.savePrinter({ name: 'Dock', uri: `escpos://127.0.0.1:${second.port}`, labelsPerJob: 2 });
      const a = sim.addBatch(2);
      const b = sim.addBatch(3);
      await waitFor('both listed', batchListed(rig.station, b.processed));
      await station.printBatch({ processed: a.processed, printerId: dock.id });
      await station.printBatch({ processed: b.processed });
      await waitFor('a printed', jobIn(station, a.processed, 'done'));
      await waitFor('b printed', jobIn(station, b.processed, 'done'));
      expect(scanPrintedLabels(second)).toHaveLength(2);
      expect(scanPrintedLabels(printer)).toHaveLength(3);
      expect((await station.listPrinters({})).map((p) => [p.name, p.status.state])).toEqual([
        ['Packing bench', 'ready'],
        ['Dock', 'ready'],
      ]);
    } finally {
      await second.stop();
    }
  });

    it('previews any order of a batch as a PNG at the template size', async () => {
    const { station, sim } = rig;
    const { processed, orderIds } = sim.addBatch(2);
    await waitFor('the batch listed', batchListed(rig.station, processed));
    const preview = await station.previewLabel({ processed, orderId: orderIds[1], template: '100x150', dpi: 203 });
    const png = Buffer.from(preview.pngBase64, 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const dots = (mm: number) => Math.round((mm / 25.4) * 203);
    expect([preview.widthPx, preview.heightPx]).toEqual([dots(100), dots(150)]);
    const file = join(rig.dataDir, 'preview.png');
    writeFileSync(file, png);
    const order = (await station.getBatchOrders({ processed })).find((o) => o.orderId === orderIds[1]);
    expect(zbarDecode(file)).toContain(order?.invoice);
  });

  it('keeps the token sealed: never in the journal files, never in the settings view', async () => {
    const { station, sim, dataDir } = rig;
    const { processed } = sim.addBatch(1);
    await waitFor('the batch listed', batchListed(rig.station, processed));
    await station.printBatch({ processed });
    await waitFor('printed', jobIn(station, processed, 'done'));
    const settings = await station.getSettings({});
    expect(settings.hasToken).toBe(true);
    expect(JSON.stringify(settings)).not.toContain(sim.token);
    // The journal, its WAL, the lock and every backup of it.
    const files = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.some((entry) => entry.parentPath.endsWith('backups'))).toBe(true);
    for (const entry of files) expect(readFileSync(join(entry.parentPath, entry.name)).includes(sim.token), entry.name).toBe(false);
  });

  it('stops gracefully mid-batch and resumes where it stopped, without a second print_order', async () => {
    const { sim } = rig;
    const { processed } = sim.addBatch(12);
    await waitFor('the batch listed', batchListed(rig.station, processed));
    await rig.station.printBatch({ processed });
    await waitFor('some labels printed', async () => ((await jobIn(rig.station, processed, 'printing')())?.confirmedLabels ?? 0) >= 2);
    const station = await rig.restart();
    const stopped = (await station.listJobs({})).find((j) => j.processed === processed);
    expect(stopped?.confirmedLabels).toBeLessThan(12);
    expect(stopped?.possibleDuplicates).toBe(0);
    const done = await waitFor('resumed to the end', jobIn(station, processed, 'done'));
    expect(done.possibleDuplicates).toBe(0);
    expect(scanPrintedLabels(rig.printer)).toHaveLength(12);
    expect(printOrderCalls(sim, processed)).toEqual([1]);
  });
});
