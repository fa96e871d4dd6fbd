import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from '../../../electron/shared/domain.ts';
import { startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';

/**
 * A crash at each journal commit point of a print job, then a new station on what the crash
 * left on disk, with a fresh client, fresh printer ports and fresh timers. The server and the
 * printer's paper are the same ones: they do not crash with the station.
 */
describe('resume after a crash at each commit point of a print job', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  const invoices = (orders: readonly Order[], ...positions: number[]): string[] => positions.map((p) => orders[p - 1]?.invoice ?? `no label ${p}`);

  /** A station with one printer (3 labels a job) that has listed a new batch of `labels`. */
  async function batchListed(labels: number): Promise<{ processed: string; orders: Order[] }> {
    h = await startStationOnFakes({ printers: [{ id: 'bench', labelsPerJob: 3 }] });
    const batch = h.server.addBatch(labels);
    await h.clock.advance(10_000);
    return batch;
  }

  async function printed(processed: string): Promise<string> {
    const { id } = await h.station.printBatch({ processed });
    await h.clock.flush();
    return id;
  }

  async function resumedJob(jobId: string) {
    h = await h.afterCrash();
    return h.station.getJob({ jobId });
  }

  it('crashed once the job was written, before the claim: claims once with print_status 1 and prints everything once', async () => {
    const { processed, orders } = await batchListed(4);
    h.crashWhenJob((job) => job.state === 'queued');
    const id = await printed(processed);
    expect(h.server.printOrderCalls(processed)).toEqual([]);

    const { job, labels } = await resumedJob(id);
    expect(job).toMatchObject({ state: 'done', targetPrintStatus: 1, confirmedLabels: 4, possibleDuplicates: 0 });
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect(h.printer().invoices()).toEqual(invoices(orders, 1, 2, 3, 4));
    expect(labels.map((l) => l.possibleDuplicate)).toEqual([false, false, false, false]);
  });

  it('crashed before print_order reached the server (target stored, no answer): calls it again with the same target', async () => {
    const { processed, orders } = await batchListed(4);
    h.server.fail('print_order', { kind: 'crash', commit: false });
    const id = await printed(processed);
    expect(h.server.printStatusOf(processed)).toBe(0);

    const { job } = await resumedJob(id);
    expect(job).toMatchObject({ state: 'done', confirmedLabels: 4, possibleDuplicates: 0 });
    expect(h.server.printOrderCalls(processed)).toEqual([1, 1]);
    expect(h.server.printStatusOf(processed)).toBe(1);
    expect(h.printer().invoices()).toEqual(invoices(orders, 1, 2, 3, 4));
  });

  it('crashed after print_order committed on the server, before its answer was stored: the repeat sets the same count, not one more', async () => {
    const { processed, orders } = await batchListed(4);
    h.server.fail('print_order', { kind: 'crash', commit: true });
    const id = await printed(processed);
    expect(h.server.printStatusOf(processed)).toBe(1);
    expect(h.printer().paper).toEqual([]);

    const { job } = await resumedJob(id);
    expect(job).toMatchObject({ state: 'done', targetPrintStatus: 1, confirmedLabels: 4, possibleDuplicates: 0 });
    expect(h.server.printOrderCalls(processed)).toEqual([1, 1]);
    expect(h.server.printStatusOf(processed)).toBe(1);
    expect(h.printer().invoices()).toEqual(invoices(orders, 1, 2, 3, 4));
  });

  it('crashed once the orders were stored, before any label left: prints from the stored copy, no print_order again', async () => {
    const { processed, orders } = await batchListed(7);
    h.crashWhenJob((job) => job.state === 'claimed');
    const id = await printed(processed);
    expect(h.printer().paper).toEqual([]);
    // The server changes its mind after the claim: the station prints what print_order answered.
    h.server.removeBatch(processed);

    const { job, labels } = await resumedJob(id);
    expect(job).toMatchObject({ state: 'done', confirmedLabels: 7, possibleDuplicates: 0 });
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect(h.printer().invoices()).toEqual(invoices(orders, 1, 2, 3, 4, 5, 6, 7));
    expect(h.printer().paper.map((l) => l.place)).toEqual(['1/7', '2/7', '3/7', '4/7', '5/7', '6/7', '7/7']);
    expect(labels.every((l) => l.state === 'confirmed' && !l.possibleDuplicate)).toBe(true);
  });

  it('crashed the instant the first label was journalled as sent, before the printer got it: printed once, flagged, as the journal cannot know', async () => {
    const { processed, orders } = await batchListed(4);
    h.crashWhenJob((job) => job.state === 'printing');
    const id = await printed(processed);
    expect(h.printer().paper).toEqual([]);

    const { job, labels } = await resumedJob(id);
    expect(job).toMatchObject({ state: 'done', confirmedLabels: 4, possibleDuplicates: 1 });
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect(h.printer().invoices()).toEqual(invoices(orders, 1, 2, 3, 4));
    expect(labels.map((l) => l.possibleDuplicate)).toEqual([true, false, false, false]);
  });

  it('crashed while the first label was on its way, unconfirmed: prints it again, flagged as a possible duplicate', async () => {
    const { processed, orders } = await batchListed(4);
    h.printer().fail({ kind: 'crash', onPaper: 1, confirmed: 0 });
    const id = await printed(processed);
    expect(h.printer().invoices()).toEqual(invoices(orders, 1));

    const { job, labels, events } = await resumedJob(id);
    expect(job).toMatchObject({ state: 'done', confirmedLabels: 4, possibleDuplicates: 1 });
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect(h.printer().invoices()).toEqual(invoices(orders, 1, 1, 2, 3, 4));
    expect(labels.map((l) => l.possibleDuplicate)).toEqual([true, false, false, false]);
    expect(events.find((e) => e.kind === 'possible-duplicate')?.message).toMatch(/^1 label\(s\) were in flight/);
  });

  it('crashed mid-chunk: the confirmed labels stay printed, the sent ones print again flagged, the rest once', async () => {
    const { processed, orders } = await batchListed(7);
    // Chunks are [1], [2 3 4], [5 6 7]: label 2 is confirmed, 3 is on paper unconfirmed, 4 never
    // left, though the journal had all three as sent.
    h.printer().fail({ kind: 'ok' });
    h.printer().fail({ kind: 'crash', onPaper: 2, confirmed: 1 });
    const id = await printed(processed);
    expect(h.printer().invoices()).toEqual(invoices(orders, 1, 2, 3));

    const { job, labels } = await resumedJob(id);
    expect(job).toMatchObject({ state: 'done', confirmedLabels: 7, possibleDuplicates: 2 });
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect(h.printer().invoices()).toEqual(invoices(orders, 1, 2, 3, 3, 4, 5, 6, 7));
    expect(labels.filter((l) => l.possibleDuplicate).map((l) => l.index)).toEqual([3, 4]);
  });

  it('crashed right after labels were confirmed: they are not printed again, the rest print once', async () => {
    const { processed, orders } = await batchListed(7);
    h.crashWhenJob((job) => job.confirmedLabels === 4);
    const id = await printed(processed);
    expect(h.printer().invoices()).toEqual(invoices(orders, 1, 2, 3, 4));

    const { job } = await resumedJob(id);
    expect(job).toMatchObject({ state: 'done', confirmedLabels: 7, possibleDuplicates: 0 });
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect(h.printer().invoices()).toEqual(invoices(orders, 1, 2, 3, 4, 5, 6, 7));
    // Resumed with labels already confirmed, the next chunk is full size at once.
    expect(h.printer().jobs.slice(2).map((j) => j.length)).toEqual([3]);
  });

  it('crashed the instant the job was done: nothing more is printed or claimed, and Print refuses it', async () => {
    const { processed, orders } = await batchListed(3);
    h.crashWhenJob((job) => job.state === 'done');
    const id = await printed(processed);

    const { job } = await resumedJob(id);
    await h.clock.advance(60_000);
    expect(job).toMatchObject({ state: 'done', confirmedLabels: 3 });
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect(h.printer().invoices()).toEqual(invoices(orders, 1, 2, 3));
    await expect(h.station.printBatch({ processed })).rejects.toThrow(/already printed 1 time\(s\): use Reprint/);
  });

  it('crashed during a reprint of chosen labels: resumes from the stored orders, never calling print_order', async () => {
    const { processed, orders } = await batchListed(7);
    const jobId = await printed(processed);
    const first = h.printer().paper.length;
    // Label 2 goes out alone and is confirmed; the station dies as [5, 6] are about to leave.
    h.printer().fail({ kind: 'ok' });
    h.printer().fail({ kind: 'crash', onPaper: 0, confirmed: 0 });
    const reprint = await h.station.reprintLabels({ jobId, indexes: [2, 5, 6] });
    await h.clock.flush();
    const { job } = await resumedJob(reprint.id);
    expect(job).toMatchObject({ kind: 'reprint-labels', state: 'done', totalLabels: 3, confirmedLabels: 3, possibleDuplicates: 2 });
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect(h.printer().paper.slice(first).map((l) => [l.invoice, l.place])).toEqual([
      [orders[1]?.invoice, '2/7'],
      [orders[4]?.invoice, '5/7'],
      [orders[5]?.invoice, '6/7'],
    ]);
    // The original job is untouched by its reprint's crash.
    expect((await h.station.getJob({ jobId })).job).toMatchObject({ state: 'done', confirmedLabels: 7 });
  });

  it('stopped gracefully mid-batch: the printer finishes the labels it has, the next start prints the rest, nothing flagged', async () => {
    const { processed, orders } = await batchListed(7);
    h.printer().fail({ kind: 'ok' });
    h.printer().fail({ kind: 'hold' });
    const id = await printed(processed);
    const stopping = h.station.stop();
    h.printer().release();
    await stopping;
    expect(h.printer().invoices()).toEqual(invoices(orders, 1, 2, 3, 4));

    h = await h.restart();
    const { job } = await h.station.getJob({ jobId: id });
    expect(job).toMatchObject({ state: 'done', confirmedLabels: 7, possibleDuplicates: 0 });
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect(h.printer().invoices()).toEqual(invoices(orders, 1, 2, 3, 4, 5, 6, 7));
  });

  it('an auto-printed batch whose print_order answer was lost to a crash: the same job resumes, no second job, once on paper', async () => {
    h = await startStationOnFakes();
    await h.station.setAutoPrint({ enabled: true, cutoff: '2026-01-05 09:00:00' });
    h.server.fail('print_order', { kind: 'crash', commit: true });
    const { processed, orders } = h.server.addBatch(3);
    await h.clock.advance(10_000);
    const [crashed] = await h.station.listJobs({});

    h = await h.afterCrash();
    await h.clock.advance(60_000);
    expect((await h.station.listJobs({})).map((j) => [j.id, j.kind, j.state])).toEqual([[crashed?.id, 'auto-print', 'done']]);
    expect(h.server.printOrderCalls(processed)).toEqual([1, 1]);
    expect(h.printer().invoices()).toEqual(invoices(orders, 1, 2, 3));
  });

  it('several jobs queued for one printer at the crash resume one at a time, in the order they were made', async () => {
    h = await startStationOnFakes();
    const first = h.server.addBatch(2);
    const second = h.server.addBatch(1);
    const third = h.server.addBatch(1);
    await h.clock.advance(10_000);
    h.printer().online = false;
    for (const batch of [first, second, third]) await h.station.printBatch({ processed: batch.processed });
    await h.clock.flush();
    h.crashWhenJob((job) => job.processed === first.processed && job.confirmedLabels === 1);
    h.printer().online = true;
    await h.clock.advance(2000);
    expect(h.printer().paper).toHaveLength(1);

    h = await h.afterCrash();
    expect(h.printer().invoices()).toEqual([...first.orders, ...second.orders, ...third.orders].map((o) => o.invoice));
    expect(h.printer().mostAtOnce).toBe(1);
    expect([first, second, third].map((b) => h.server.printOrderCalls(b.processed))).toEqual([[1], [1], [1]]);
  });
});
