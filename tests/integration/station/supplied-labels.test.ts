import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../electron/core/station/journal.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { SuppliedKind } from '../../../electron/simulator/labels/supplied-label-plan.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { marketplacePdf } from '../../../electron/simulator/labels/label-files.ts';
import { startRawPrinter } from '../../support/raw-printer.ts';
import { marketplaceLabel } from '../../support/supplied-fixtures.ts';
import { missingTools } from '../../support/system-tools.ts';
import { spawnHeadless } from './headless-child.ts';
import { batchListed, firstPoll, jobIn, printOrderCalls, scanPrintedLabels, startStationRig, waitFor, type StationRig } from './station-rig.ts';

const skip = missingTools('zbarimg').length > 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** For each label of a job, what a scanner must read: the marketplace's AWB, or our invoice QR. */
function expectedCodes(sim: Simulator, labels: { orderId: string | null; invoice: string }[]): { supplied: string | undefined; invoice: string }[] {
  return labels.map((l) => ({ supplied: sim.suppliedLabel(l.orderId ?? '')?.label.awb, invoice: l.invoice }));
}

describe.skipIf(skip)('a station printing orders that carry their marketplace label', () => {
  let rig: StationRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  async function printed(kinds: (SuppliedKind | null)[], fault?: Parameters<Simulator['addFault']>[0]) {
    rig = await startStationRig({ suppliedLabels: { timeoutMs: 1500 } });
    const { station, sim } = rig;
    station.start();
    await firstPoll(station);
    const { processed } = sim.addBatch(kinds.length, { supplied: kinds });
    await waitFor('batch listed', batchListed(station, processed));
    if (fault) sim.addFault(fault);
    const job = await station.printBatch({ processed });
    return { station, sim, processed, job, rig };
  }

  it('prints each supplied label (PDF, PNG, JPEG, landscape, an A4 sheet, inline data:) instead of ours, and ours for the rest', { timeout: 60_000 }, async () => {
    const kinds: (SuppliedKind | null)[] = ['pdf', 'png', null, 'jpeg', 'pdf-landscape', 'pdf-a4', 'data-png', 'png-landscape'];
    const { station, sim, processed, job, rig: { printer } } = await printed(kinds);
    await waitFor('job done', jobIn(station, processed, 'done'), 45_000);
    const { labels } = await station.getJob({ jobId: job.id });
    const scans = scanPrintedLabels(printer);
    expect(scans).toHaveLength(kinds.length);
    expectedCodes(sim, labels).forEach((want, i) => {
      if (want.supplied) {
        expect(scans[i], `label ${i + 1} (${kinds[i]})`).toContain(want.supplied);
        expect(scans[i], `label ${i + 1} printed ours`).not.toContain(want.invoice);
        expect(labels[i]?.labelSource).toBe('supplied');
      } else {
        expect(scans[i], `label ${i + 1}`).toContain(want.invoice);
        expect(labels[i]?.labelSource ?? 'ours').toBe('ours');
      }
    });
    // Each served label was fetched once, at the claim; inline ones need no request.
    expect(sim.calls().filter((c) => c.path.startsWith('/labels/') && c.status === 200)).toHaveLength(kinds.filter((k) => k && k !== 'data-png').length);
  });

  it('a label the server answers 404 for holds the job before anything prints, naming the order; "print our own label" prints them all', { timeout: 60_000 }, async () => {
    const { station, sim, processed, job, rig: { printer } } = await printed([null, 'pdf', null], { route: 'label', mode: '404', times: 1 });
    const held = await waitFor('job held', jobIn(station, processed, 'failed'));
    const { labels } = await station.getJob({ jobId: job.id });
    expect(labels).toHaveLength(3);
    expect(held.reason).toContain(labels[1]?.invoice);
    expect(held.reason).toContain('HTTP 404');
    expect(labels[1]?.labelSource).toBe('supplied-missing');
    expect(printer.received()).toHaveLength(0);
    await sleep(600);
    expect((await station.getJob({ jobId: job.id })).job.state, 'a held job is not retried on a timer').toBe('failed');

    await station.printOwnLabels({ jobId: job.id });
    await waitFor('job done', jobIn(station, processed, 'done'));
    const after = await station.getJob({ jobId: job.id });
    expect(after.labels[1]?.labelSource).toBe('ours-instead-of-supplied');
    expect(after.events.some((e) => e.kind === 'own-labels-chosen' && e.message.includes(labels[1]?.invoice ?? '?'))).toBe(true);
    const scans = scanPrintedLabels(printer);
    labels.forEach((label, i) => expect(scans[i], `label ${i + 1}`).toContain(label.invoice));
    expect(printOrderCalls(sim, processed)).toEqual([1]);
  });

  it('garbage bytes and a server that never answers hold the job; Retry fetches them again and prints the supplied labels', { timeout: 60_000 }, async () => {
    const { station, sim, processed, job, rig: { printer } } = await printed(['pdf', 'png'], { route: 'label', mode: 'garbage', times: 1 });
    sim.addFault({ route: 'label', mode: 'hang', times: 1 });
    const held = await waitFor('job held', jobIn(station, processed, 'failed'));
    const { labels } = await station.getJob({ jobId: job.id });
    expect(held.reason).toContain('not a PDF, PNG or JPEG');
    expect(held.reason).toContain('did not answer');
    expect(labels.map((l) => l.labelSource)).toEqual(['supplied-missing', 'supplied-missing']);

    await station.retryJob({ jobId: job.id });
    await waitFor('job done', jobIn(station, processed, 'done'));
    const scans = scanPrintedLabels(printer);
    expectedCodes(sim, labels).forEach((want, i) => expect(scans[i]).toContain(want.supplied));
    expect(printOrderCalls(sim, processed), 'a retry of the labels does not call print_order again').toEqual([1]);
  });
});

describe.skipIf(skip)('a station killed after storing supplied labels, restarted with the label server down', () => {
  const dir = mkdtempSync(join(tmpdir(), 'supplied-kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints every supplied label from the journal', { timeout: 90_000 }, async () => {
    const sim = await createSimulator({ seed: 21, port: 0 });
    const printer = await startRawPrinter();
    await printer.goOffline();
    const config = join(dir, 'station.json');
    writeFileSync(config, JSON.stringify({ printers: [{ id: 'bench', name: 'Bench', uri: `escpos://127.0.0.1:${printer.port}`, labelsPerJob: 2 }], defaultPrinterId: 'bench' }));
    const args = ['--config', config, '--api', sim.baseUrl, '--user', sim.userId, '--data-dir', join(dir, 'data'), '--poll', '2', '--auto-print'];
    const env = { LABEL_STATION_TOKEN: sim.token };
    let child = spawnHeadless(args, env);
    try {
      await child.waitForLine('first poll', (l) => l.kind === 'batches-listed');
      const kinds: SuppliedKind[] = ['pdf', 'png', 'jpeg', 'pdf-landscape', 'data-png'];
      const { processed, orderIds } = sim.addBatch(kinds.length, { supplied: kinds });
      await child.waitForLine('claimed', (l) => l.kind === 'claimed' && l.processed === processed, 30_000);
      await child.waitForLine('printer waiting', (l) => l.kind === 'printer-waiting', 30_000);
      expect(await child.kill('SIGKILL')).toBeNull();
      // The API and its label route are gone; the printer is back.
      const expected = orderIds.map((id) => sim.suppliedLabel(id)?.label.awb);
      await sim.close();
      await printer.comeBack();

      child = spawnHeadless(args, env);
      const journalPath = join(dir, 'data', 'journal.db');
      const done = () => {
        const journal = new Journal(journalPath, Date.now);
        try {
          return journal.latestJobFor(processed)?.snapshot.state === 'done';
        } finally {
          journal.close();
        }
      };
      for (let i = 0; i < 600 && !done(); i++) await sleep(100);
      expect(done()).toBe(true);
      const scans = scanPrintedLabels(printer);
      expect(scans).toHaveLength(kinds.length);
      expected.forEach((awb, i) => expect(scans[i], `label ${i + 1} (${kinds[i]})`).toContain(awb));
    } finally {
      await child.kill('SIGTERM');
      await printer.stop();
    }
  });
});

describe.skipIf(skip)('a label file printed from the app', () => {
  let rig: StationRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('previews every label, prints them as a journalled job confirmed label by label, and reprints one from History', { timeout: 60_000 }, async () => {
    rig = await startStationRig();
    const { station, printer } = rig;
    station.start();
    const awbs = ['SPXID047700000001', 'SPXID047700000002', 'SPXID047700000003'];
    const pdf = await marketplacePdf('a4-4up', [[...awbs.map((awb) => marketplaceLabel(awb)), null]]);
    const input = { fileName: 'shopee.pdf', dataBase64: pdf.toString('base64'), layout: 'auto' as const };

    const previews = await station.previewLabelFile({ ...input, template: '100x150' });
    expect(previews.map((p) => p.name)).toEqual(['shopee.pdf #1', 'shopee.pdf #2', 'shopee.pdf #3']);
    expect(previews.every((p) => p.widthPx === 799 && p.heightPx === 1199)).toBe(true);

    const job = await station.printLabelFile(input);
    expect(job.kind).toBe('label-file');
    await waitFor('file job done', async () => ((await station.getJob({ jobId: job.id })).job.state === 'done' ? true : undefined));
    const { labels, job: done } = await station.getJob({ jobId: job.id });
    expect(done.confirmedLabels).toBe(3);
    expect(labels.map((l) => l.labelSource)).toEqual(['supplied', 'supplied', 'supplied']);
    expect(scanPrintedLabels(printer)).toEqual(awbs.map((awb) => [awb]));

    const reprint = await station.reprintLabels({ jobId: job.id, indexes: [2] });
    await waitFor('reprint done', async () => ((await station.getJob({ jobId: reprint.id })).job.state === 'done' ? true : undefined));
    expect(scanPrintedLabels(printer).at(-1)).toEqual([awbs[1]]);
    await expect(station.printLabelFile({ ...input, dataBase64: Buffer.from('not a label').toString('base64') })).rejects.toThrow('not a PDF, PNG or JPEG');
  });
});
