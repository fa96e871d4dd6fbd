import { afterEach, describe, expect, it } from 'vitest';
import { OperatorError } from '../../../electron/shared/operator-message.ts';
import { startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';

describe('moving a stuck job to another printer', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  async function stuckOnBench(labels = 4) {
    h = await startStationOnFakes({
      printers: [{ id: 'bench', labelsPerJob: 2 }, { id: 'dock', labelsPerJob: 2 }, { id: 'roll', template: '80mm' }],
      pollSeconds: 600,
    });
    const batch = h.server.addBatch(labels);
    // The first label goes out alone; the roll runs out at the start of the second job.
    h.printer('bench').fail({ kind: 'ok' });
    h.printer('bench').fail({ kind: 'paper-out', after: 0 });
    const job = await h.station.printBatch({ processed: batch.processed, printerId: 'bench' });
    await h.clock.flush();
    return { ...batch, job };
  }

  async function refusal(promise: Promise<unknown>): Promise<OperatorError> {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(OperatorError);
    return error as OperatorError;
  }

  it('a waiting job runs on the other printer at once: each label once, the bench alert cleared, the move journalled', async () => {
    const { processed, orders, job } = await stuckOnBench();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'waiting', confirmedLabels: 1 });
    expect((await h.station.listAlerts({})).map((a) => a.kind)).toEqual(['printer-offline']);
    const moved = await h.station.moveJob({ jobId: job.id, printerId: 'dock' });
    expect(moved).toMatchObject({ id: job.id, printerId: 'dock', printerName: 'Printer dock' });
    // No time passes: the old printer's retry time (2 s away) does not hold it.
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'done', confirmedLabels: 4, possibleDuplicates: 0, printerId: 'dock' });
    expect(h.printer('bench').invoices()).toEqual([orders[0]?.invoice]);
    expect(h.printer('dock').invoices()).toEqual(orders.slice(1).map((o) => o.invoice));
    expect(h.printer('dock').paper.map((l) => l.place)).toEqual(['2/4', '3/4', '4/4']);
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect(await h.station.listAlerts({})).toEqual([]);
    const { events } = await h.station.getJob({ jobId: job.id });
    expect(events.find((e) => e.kind === 'job-moved')?.message).toBe('moved by the operator from Printer bench to Printer dock');
    // The bench comes back later: nothing of the moved job prints there again.
    await h.clock.advance(60_000);
    expect(h.printer('bench').invoices()).toEqual([orders[0]?.invoice]);
  });

  it('a failed job moves too, and prints every label on the new printer', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench', labelsPerJob: 2 }, { id: 'dock' }], pollSeconds: 600 });
    const { processed, orders } = h.server.addBatch(2);
    h.printer('bench').fail({ kind: 'job-failed' });
    const job = await h.station.printBatch({ processed, printerId: 'bench' });
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'failed' });
    await h.station.moveJob({ jobId: job.id, printerId: 'dock' });
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'done', confirmedLabels: 2, possibleDuplicates: 0, printerId: 'dock' });
    expect(h.printer('dock').invoices()).toEqual(orders.map((o) => o.invoice));
    expect(h.printer('bench').invoices()).toEqual([]);
  });

  it('a label the old printer took but never confirmed prints again on the new one, flagged, not lost', async () => {
    h = await startStationOnFakes({ printers: [{ id: 'bench' }, { id: 'dock' }], pollSeconds: 600 });
    const { processed, orders } = h.server.addBatch(2);
    h.printer('bench').fail({ kind: 'lie' });
    const job = await h.station.printBatch({ processed, printerId: 'bench' });
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'failed', confirmedLabels: 0 });
    await h.station.moveJob({ jobId: job.id, printerId: 'dock' });
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'done', confirmedLabels: 2, possibleDuplicates: 1 });
    expect(h.printer('bench').invoices()).toEqual([orders[0]?.invoice]);
    expect(h.printer('dock').invoices()).toEqual(orders.map((o) => o.invoice));
    const { labels } = await h.station.getJob({ jobId: job.id });
    expect(labels.map((l) => l.possibleDuplicate)).toEqual([true, false]);
  });

  it('refuses a printer of another label size, an unknown printer, and a job that is printing or done, with a code', async () => {
    const { processed, job } = await stuckOnBench();
    expect((await refusal(h.station.moveJob({ jobId: job.id, printerId: 'roll' }))).text).toEqual({
      code: 'job-move-other-template',
      params: { printer: 'Printer roll', template: '80mm', jobTemplate: '100x150' },
      detail: null,
    });
    expect((await refusal(h.station.moveJob({ jobId: job.id, printerId: 'nowhere' }))).text.code).toBe('job-move-unknown-printer');
    expect(await h.jobOf(processed)).toMatchObject({ state: 'waiting', printerId: 'bench' });

    h.printer('dock').fail({ kind: 'hold' });
    await h.station.moveJob({ jobId: job.id, printerId: 'dock' });
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'printing' });
    expect((await refusal(h.station.moveJob({ jobId: job.id, printerId: 'bench' }))).text).toMatchObject({ code: 'job-move-wrong-state', params: { state: 'printing' } });
    h.printer('dock').release();
    await h.clock.flush();
    expect((await refusal(h.station.moveJob({ jobId: job.id, printerId: 'bench' }))).text.params).toEqual({ state: 'done' });
  });

  it('a queued job behind a waiting one stays queued on its printer: only waiting and failed jobs move', async () => {
    const { job } = await stuckOnBench();
    const next = h.server.addBatch(1);
    const queued = await h.station.printBatch({ processed: next.processed, printerId: 'bench' });
    expect((await refusal(h.station.moveJob({ jobId: queued.id, printerId: 'dock' }))).text.params).toEqual({ state: 'queued' });
    await h.station.moveJob({ jobId: job.id, printerId: 'dock' });
    await h.clock.flush();
    // With the waiting job gone from its queue, the bench (out of paper no more) prints the next.
    expect(await h.jobOf(next.processed)).toMatchObject({ state: 'done', printerId: 'bench' });
  });

  it('a crash right after the move is journalled resumes the job on the new printer, each label once', async () => {
    const { processed, orders, job } = await stuckOnBench();
    await h.station.moveJob({ jobId: job.id, printerId: 'dock' });
    h.crash();
    h = await h.afterCrash();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'done', printerId: 'dock', confirmedLabels: 4, possibleDuplicates: 0 });
    expect([...h.printer('bench').invoices(), ...h.printer('dock').invoices()]).toEqual(orders.map((o) => o.invoice));
  });
});
