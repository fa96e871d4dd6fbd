import { afterEach, describe, expect, it } from 'vitest';
import { startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';

describe('what the printer does wrong, through the station', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  async function listed(labels: number, printers = [{ id: 'bench', labelsPerJob: 3 }]) {
    h = await startStationOnFakes({ printers, pollSeconds: 600 });
    return h.server.addBatch(labels);
  }

  /** The printer is tried again exactly `ms` from now. */
  async function nextTryAfter(ms: number, printer = h.printer()): Promise<void> {
    const before = printer.jobs.length;
    await h.clock.advance(ms - 1);
    expect(printer.jobs, `no try before ${ms} ms`).toHaveLength(before);
    await h.clock.advance(1);
    expect(printer.jobs.length, `a try at ${ms} ms`).toBeGreaterThan(before);
  }

  it('offline: the job waits, tries again at 2, 4, 8, 16, 30, 30 s, and prints when the printer is back', async () => {
    const { processed, orders } = await listed(4);
    h.printer().online = false;
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'waiting', reason: 'escpos://bench.local:9100 is switched off' });
    const [alert] = await h.station.listAlerts({});
    expect(alert).toMatchObject({ kind: 'printer-offline', printerId: 'bench', jobId: null });
    expect(alert?.message).toBe(`Printer bench: escpos://bench.local:9100 is switched off (trying again at ${new Date(h.clock.now() + 2000).toISOString()})`);
    for (const ms of [2000, 4000, 8000, 16_000, 30_000]) await nextTryAfter(ms);
    h.printer().online = true;
    await nextTryAfter(30_000);
    await h.clock.flush();
    expect((await h.station.getJob({ jobId: job.id })).job).toMatchObject({ state: 'done', confirmedLabels: 4, possibleDuplicates: 0 });
    expect(h.printer().invoices()).toEqual(orders.map((o) => o.invoice));
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect(await h.station.listAlerts({})).toEqual([]);
  });

  it('a waiting job holds its printer’s queue (the next job is not claimed), while other printers go on', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench' }, { id: 'dock' }], pollSeconds: 600 });
    const first = h.server.addBatch(1);
    const second = h.server.addBatch(1);
    const elsewhere = h.server.addBatch(1);
    h.printer('bench').online = false;
    await h.station.printBatch({ processed: first.processed });
    await h.station.printBatch({ processed: second.processed });
    await h.station.printBatch({ processed: elsewhere.processed, printerId: 'dock' });
    await h.clock.advance(60_000);
    expect(h.server.printOrderCalls(second.processed)).toEqual([]);
    expect((await h.jobOf(second.processed))?.state).toBe('queued');
    expect((await h.jobOf(elsewhere.processed))?.state).toBe('done');

    h.printer('bench').online = true;
    await h.clock.advance(30_000);
    expect(h.printer('bench').invoices()).toEqual([first.orders[0]?.invoice, second.orders[0]?.invoice]);
  });

  it('out of labels mid-job: what was confirmed is not printed again, the rest prints when refilled', async () => {
    const { processed, orders } = await listed(7);
    h.printer().fail({ kind: 'ok' });
    h.printer().fail({ kind: 'paper-out', after: 1 });
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'waiting', confirmedLabels: 2, reason: 'escpos://bench.local:9100 is out of labels' });
    await nextTryAfter(2000);
    await h.clock.flush();
    expect((await h.station.getJob({ jobId: job.id })).job).toMatchObject({ state: 'done', confirmedLabels: 7, possibleDuplicates: 0 });
    expect(h.printer().invoices()).toEqual(orders.map((o) => o.invoice));
  });

  it('a connection dropped after labels came out unconfirmed: those print again, flagged; none is lost', async () => {
    const { processed, orders } = await listed(4);
    h.printer().fail({ kind: 'ok' });
    h.printer().fail({ kind: 'cut', onPaper: 2 });
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'waiting', confirmedLabels: 1 });
    await nextTryAfter(2000);
    await h.clock.flush();
    const { labels } = await h.station.getJob({ jobId: job.id });
    expect(labels.map((l) => [l.state, l.possibleDuplicate])).toEqual([
      ['confirmed', false],
      ['confirmed', true],
      ['confirmed', true],
      ['confirmed', false],
    ]);
    const [o1, o2, o3, o4] = orders.map((o) => o.invoice);
    expect(h.printer().invoices()).toEqual([o1, o2, o3, o2, o3, o4]);
  });

  it('the spooler rejects the job: failed with its reason and an alert, retried after 3 s', async () => {
    const { processed } = await listed(2);
    h.printer().fail({ kind: 'job-failed' });
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'failed', reason: 'the spooler rejected the job' });
    expect((await h.station.listAlerts({})).map((a) => [a.kind, a.jobId])).toEqual([['batch-failed', job.id]]);
    await nextTryAfter(3000);
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'done', confirmedLabels: 2 });
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
  });

  it('a printer that says done without confirming a label: the job fails with the reason, then prints it again, flagged, after its backoff', async () => {
    const { processed, orders } = await listed(3);
    h.printer().fail({ kind: 'lie' });
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'failed', reason: 'Printer bench finished the job without confirming label(s) 1: they print again, flagged as possible duplicates' });
    await nextTryAfter(3000);
    await h.clock.flush();
    const { job: view, labels } = await h.station.getJob({ jobId: job.id });
    expect(view).toMatchObject({ state: 'done', confirmedLabels: 3, possibleDuplicates: 1 });
    expect(labels.map((l) => l.possibleDuplicate)).toEqual([true, false, false]);
    const [o1, o2, o3] = orders.map((o) => o.invoice);
    expect(h.printer().invoices()).toEqual([o1, o1, o2, o3]);
  });

  it('a printer that never confirms does not spin: one try per backoff, with an alert', async () => {
    const { processed } = await listed(2);
    h.printer().fail({ kind: 'lie' }, 1000);
    await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(h.printer().jobs).toHaveLength(1);
    expect((await h.station.listAlerts({})).map((a) => a.kind)).toEqual(['batch-failed']);
    await nextTryAfter(3000);
    await h.clock.flush();
    expect(h.printer().jobs).toHaveLength(2);
  });

  it('a printer with unfinished jobs cannot be removed', async () => {
    const { processed } = await listed(1);
    h.printer().online = false;
    await h.station.printBatch({ processed });
    await h.clock.flush();
    await expect(h.station.removePrinter({ id: 'bench' })).rejects.toThrow('this printer still has 1 unfinished job(s): let them finish or reprint them elsewhere first');
  });
});
