import { afterEach, describe, expect, it } from 'vitest';
import { ApiNetworkError, ApiNotFoundError, ApiProtocolError, ApiRejectedError, ApiServerError, ApiTimeoutError } from '../../../electron/core/api/api-errors.ts';
import { startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';

const printOrderPath = '/order/orders/print_order/u/2026-01-05%2010%3A01%3A00/1';
const serverFailure = () => new ApiServerError({ call: 'print_order', method: 'POST', path: printOrderPath, status: 503 });

describe('failed jobs retry by themselves; the operator can retry or cancel them', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  /** A batch the station has not polled yet: Print asks the server for it. Long polls keep hours of fake time cheap. */
  async function unprintedBatch(labels = 2) {
    h = await startStationOnFakes({ pollSeconds: 600 });
    return h.server.addBatch(labels);
  }

  /** The next `print_order` for the batch comes exactly `ms` from now. */
  async function nextClaimAfter(processed: string, ms: number): Promise<void> {
    const before = h.server.printOrderCalls(processed).length;
    await h.clock.advance(ms - 1);
    expect(h.server.printOrderCalls(processed), `no retry before ${ms} ms`).toHaveLength(before);
    await h.clock.advance(1);
    expect(h.server.printOrderCalls(processed), `a retry at ${ms} ms`).toHaveLength(before + 1);
  }

  it('retries a failed claim after 3 s, then 6 s, with the same print_status, alerting until it prints', async () => {
    const { processed } = await unprintedBatch();
    h.server.fail('print_order', { kind: 'fail', error: serverFailure() }, 2);
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'failed', reason: serverFailure().message });
    const retryAt = new Date(h.clock.now() + 3000).toISOString();
    expect((await h.station.listAlerts({})).map((a) => [a.kind, a.jobId, a.message])).toEqual([
      ['batch-failed', job.id, `Batch ${processed} did not print: ${serverFailure().message} (trying again at ${retryAt})`],
    ]);
    await nextClaimAfter(processed, 3000);
    await nextClaimAfter(processed, 6000);
    expect(await h.jobOf(processed)).toMatchObject({ state: 'done', confirmedLabels: 2 });
    expect(h.server.printOrderCalls(processed)).toEqual([1, 1, 1]);
    expect(await h.station.listAlerts({})).toEqual([]);
  });

  const claimCall = { call: 'print_order', method: 'POST', path: printOrderPath, status: null } as const;
  it.each([
    ['the connection reset', new ApiNetworkError({ ...claimCall, reason: 'ECONNRESET' })],
    ['no answer in time', new ApiTimeoutError({ ...claimCall, timeoutMs: 15_000 })],
    ['an unreadable answer', new ApiProtocolError({ ...claimCall, status: 200, problem: 'cut-off JSON', field: null })],
  ])('print_order recorded the print but %s: retried with the same print_status, every label once', async (_what, error) => {
    const { processed, orders } = await unprintedBatch(3);
    h.server.fail('print_order', { kind: 'fail', error, commit: true });
    await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'failed', reason: error.message });
    await nextClaimAfter(processed, 3000);
    expect(h.server.printOrderCalls(processed)).toEqual([1, 1]);
    expect(h.server.printStatusOf(processed)).toBe(1);
    expect(h.printer().invoices()).toEqual(orders.map((o) => o.invoice));
  });

  it('Retry now runs a failed job at once instead of at its retry time', async () => {
    const { processed } = await unprintedBatch();
    h.server.fail('print_order', { kind: 'fail', error: serverFailure() });
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    expect((await h.station.retryJob({ jobId: job.id })).id).toBe(job.id);
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'done' });
    expect(h.server.printOrderCalls(processed)).toEqual([1, 1]);
    const { events } = await h.station.getJob({ jobId: job.id });
    expect(events.map((e) => e.kind)).toContain('job-retry');
  });

  it('a cancelled job is never run again: no retry, no alert, and Retry and Cancel refuse it', async () => {
    const { processed } = await unprintedBatch();
    h.server.fail('print_order', { kind: 'fail', error: serverFailure() });
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    expect(await h.station.cancelJob({ jobId: job.id })).toMatchObject({ id: job.id, state: 'cancelled' });
    expect(await h.station.listAlerts({})).toEqual([]);
    await h.clock.advance(3_600_000);
    h = await h.restart();
    await h.clock.advance(60_000);
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect(h.printer().paper).toEqual([]);
    const { events } = await h.station.getJob({ jobId: job.id });
    expect(events.map((e) => e.message)).toContain('cancelled by the operator; 0 of 2 labels were printed');
    await expect(h.station.retryJob({ jobId: job.id })).rejects.toThrow(`job ${job.id} is cancelled: there is nothing to retry`);
    await expect(h.station.cancelJob({ jobId: job.id })).rejects.toThrow(`job ${job.id} cannot be cancelled: it is already cancelled`);
  });

  it('refuses to cancel or retry a job while its printer prints it', async () => {
    const { processed } = await unprintedBatch(3);
    h.printer().fail({ kind: 'hold' });
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    await expect(h.station.cancelJob({ jobId: job.id })).rejects.toThrow(`job ${job.id} is printing now: wait for it to finish or fail, then cancel it`);
    await expect(h.station.retryJob({ jobId: job.id })).rejects.toThrow(`job ${job.id} is printing now: wait for it to finish or fail, then retry it`);
    h.printer().release();
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'done', confirmedLabels: 3 });
  });

  it('a job cancelled before it called print_order leaves the count alone: Print starts afresh at 1', async () => {
    h = await startStationOnFakes();
    const first = h.server.addBatch(1);
    const second = h.server.addBatch(2);
    await h.clock.advance(10_000);
    h.printer().online = false;
    await h.station.printBatch({ processed: first.processed });
    // The first job waits for the printer and holds its queue: the second is never claimed.
    const queued = await h.station.printBatch({ processed: second.processed });
    await h.clock.flush();
    expect(await h.station.cancelJob({ jobId: queued.id })).toMatchObject({ state: 'cancelled', targetPrintStatus: null });
    const again = await h.station.printBatch({ processed: second.processed });
    expect(again).toMatchObject({ kind: 'print', targetPrintStatus: 1 });
    h.printer().online = true;
    await h.clock.advance(2000);
    expect(h.server.printOrderCalls(second.processed)).toEqual([1]);
    expect(h.printer().invoices()).toEqual([...first.orders, ...second.orders].map((o) => o.invoice));
  });

  it('a waiting job cancelled prints nothing when its printer returns; its labels can still be reprinted', async () => {
    const { processed, orders } = await unprintedBatch(2);
    h.printer().online = false;
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    expect((await h.station.listAlerts({})).map((a) => a.kind)).toEqual(['printer-offline']);
    await h.station.cancelJob({ jobId: job.id });
    expect(await h.station.listAlerts({})).toEqual([]);
    h.printer().online = true;
    await h.clock.advance(600_000);
    expect(h.printer().paper).toEqual([]);
    expect(h.server.printStatusOf(processed)).toBe(1);
    expect((await h.station.listBatches({})).find((b) => b.processed === processed)?.job).toMatchObject({ state: 'cancelled', confirmedLabels: 0, totalLabels: 2 });

    await h.station.reprintLabels({ jobId: job.id, indexes: [1, 2] });
    await h.clock.flush();
    expect(h.printer().invoices()).toEqual(orders.map((o) => o.invoice));
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
  });
});

describe('a claim the server will refuse again is held for the operator, not retried', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  it('404 (the batch is gone): failed once, no retry for an hour or after a restart, until Retry now', async () => {
    h = await startStationOnFakes({ pollSeconds: 600 });
    const { processed } = h.server.addBatch(3);
    await h.clock.advance(600_000);
    h.server.removeBatch(processed);
    const job = await h.station.printBatch({ processed });
    await h.clock.flush();
    const reason = `Batch ${processed} no longer exists on the server: nothing was printed. Cancel the job or print it again once the batch is back.`;
    expect(await h.jobOf(processed)).toMatchObject({ state: 'failed', reason });
    expect((await h.station.listAlerts({})).map((a) => [a.kind, a.message])).toEqual([['batch-failed', reason]]);
    await h.clock.advance(3_600_000);
    h = await h.restart();
    await h.clock.advance(3_600_000);
    expect(h.server.printOrderCalls(processed)).toEqual([1]);

    h.server.addBatch(3, { processed });
    await h.station.retryJob({ jobId: job.id });
    await h.clock.flush();
    expect(await h.jobOf(processed)).toMatchObject({ state: 'done', confirmedLabels: 3 });
    expect(h.server.printOrderCalls(processed)).toEqual([1, 1]);
    expect(await h.station.listAlerts({})).toEqual([]);
  });

  it('another 4xx: held with what the server said', async () => {
    h = await startStationOnFakes({ pollSeconds: 600 });
    const { processed } = h.server.addBatch(1);
    const refusal = new ApiRejectedError({ call: 'print_order', method: 'POST', path: printOrderPath, status: 422, bodyExcerpt: 'print_status tidak valid' });
    h.server.fail('print_order', { kind: 'fail', error: refusal });
    await h.station.printBatch({ processed });
    await h.clock.advance(3_600_000);
    expect(h.server.printOrderCalls(processed)).toEqual([1]);
    expect((await h.jobOf(processed))?.reason).toBe(
      `The server refused to record the print of batch ${processed} (422): nothing was printed. Cancel the job, or retry it once the cause is fixed. The server said: print_status tidak valid`,
    );
  });

  it('a 404 that came after the server recorded the print is held too, and Retry uses the same print_status', async () => {
    h = await startStationOnFakes({ pollSeconds: 600 });
    const { processed } = h.server.addBatch(2);
    const lost = new ApiNotFoundError({ call: 'print_order', method: 'POST', path: printOrderPath, status: 404 });
    h.server.fail('print_order', { kind: 'fail', error: lost, commit: true });
    const job = await h.station.printBatch({ processed });
    await h.clock.advance(600_000);
    expect(h.server.printStatusOf(processed)).toBe(1);
    await h.station.retryJob({ jobId: job.id });
    await h.clock.flush();
    expect(h.server.printOrderCalls(processed)).toEqual([1, 1]);
    expect(h.server.printStatusOf(processed)).toBe(1);
    expect(h.printer().paper).toHaveLength(2);
  });
});
