import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { missingTools } from '../../support/system-tools.ts';
import { batchListed, jobIn, printOrderCalls, scanPrintedLabels, startPolledRig, waitFor, type StationRig } from './station-rig.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Well past the rig's job and printer backoff (100–400 ms): a retry would have happened. */
const pastBackoff = 1500;

describe.skipIf(missingTools('zbarimg').length > 0)('giving up on a job: by itself when hopeless, by the operator', () => {
  let rig: StationRig;
  beforeEach(async () => {
    rig = await startPolledRig();
  });
  afterEach(async () => rig.close());

  it('a batch gone from the server fails once (404), is not retried, not even after a restart, until the operator retries or cancels it', async () => {
    const { sim } = rig;
    const { processed } = sim.addBatch(3);
    await waitFor('the batch listed', batchListed(rig.station, processed));
    // reset() drops the batches the test added: print_order now answers 404 for this one.
    sim.reset();
    const started = await rig.station.printBatch({ processed });
    const failed = await waitFor('the job failed', jobIn(rig.station, processed, 'failed'));
    expect(failed.id).toBe(started.id);
    expect(failed.reason).toBe(`Batch ${processed} no longer exists on the server: nothing was printed. Cancel the job or print it again once the batch is back.`);
    await pause(pastBackoff);
    expect(printOrderCalls(sim, processed)).toHaveLength(1);
    const alert = (await rig.station.listAlerts({})).find((a) => a.jobId === started.id);
    expect(alert).toMatchObject({ kind: 'batch-failed', message: failed.reason });

    const station = await rig.restart();
    await pause(pastBackoff);
    expect(printOrderCalls(sim, processed)).toHaveLength(1);

    const retried = await station.retryJob({ jobId: started.id });
    expect(retried.id).toBe(started.id);
    await waitFor('the retry answered', () => printOrderCalls(sim, processed).length === 2);
    await waitFor('failed again', async () => (await station.getJob({ jobId: started.id })).job.state === 'failed');
    await pause(pastBackoff);
    expect(printOrderCalls(sim, processed)).toHaveLength(2);

    const cancelled = await station.cancelJob({ jobId: started.id });
    expect(cancelled).toMatchObject({ id: started.id, state: 'cancelled' });
    expect((await station.listAlerts({})).filter((a) => a.jobId === started.id)).toEqual([]);
    const { events } = await station.getJob({ jobId: started.id });
    expect(events.map((e) => e.message)).toContain('cancelled by the operator; 0 of 3 labels were printed');
    await expect(station.retryJob({ jobId: started.id })).rejects.toThrow(/is cancelled: there is nothing to retry/);
    await expect(station.cancelJob({ jobId: started.id })).rejects.toThrow(/cannot be cancelled: it is already cancelled/);
    await rig.restart();
    await pause(pastBackoff);
    expect(printOrderCalls(sim, processed)).toHaveLength(2);
  });

  it('a waiting job the operator cancels prints nothing when its printer comes back; its labels can still be reprinted', async () => {
    const { station, sim, printer } = rig;
    await printer.goOffline();
    const { processed } = sim.addBatch(2);
    await waitFor('the batch listed', batchListed(rig.station, processed));
    const started = await station.printBatch({ processed });
    await waitFor('the job waiting for its printer', jobIn(station, processed, 'waiting'));
    expect((await station.listAlerts({})).map((a) => a.kind)).toContain('printer-offline');
    // A retry may be running at this instant: the station refuses to pull the job from under it.
    const cancelled = await waitFor('the job cancelled', () => station.cancelJob({ jobId: started.id }).catch((error: unknown) => {
      expect(String(error)).toMatch(/wait for it to finish or fail/);
      return undefined;
    }));
    expect(cancelled.state).toBe('cancelled');
    expect((await station.listAlerts({})).map((a) => a.kind)).not.toContain('printer-offline');

    await printer.comeBack();
    await pause(pastBackoff);
    expect(scanPrintedLabels(printer)).toEqual([]);
    expect((await station.getJob({ jobId: started.id })).job).toMatchObject({ state: 'cancelled', confirmedLabels: 0, totalLabels: 2 });
    // print_order answered before the printer failed: the server's count stays as it is.
    expect(printOrderCalls(sim, processed)).toEqual([1]);
    expect(sim.batches().find((b) => b.processed === processed)?.printStatus).toBe(1);
    expect((await station.listBatches({})).find((b) => b.processed === processed)?.job?.state).toBe('cancelled');

    const reprint = await station.reprintLabels({ jobId: started.id, indexes: [1, 2] });
    await waitFor('the labels reprinted', async () => (await station.getJob({ jobId: reprint.id })).job.state === 'done');
    expect(scanPrintedLabels(printer)).toHaveLength(2);
    expect(printOrderCalls(sim, processed)).toEqual([1]);
  });

  it('a job cancelled before it called print_order leaves the batch unprinted: Print starts it afresh with count 1', async () => {
    const { station, sim, printer } = rig;
    await printer.goOffline();
    const first = sim.addBatch(1);
    const second = sim.addBatch(2);
    await waitFor('the batches listed', async () => (await batchListed(rig.station, first.processed)()) && (await batchListed(rig.station, second.processed)()));
    const blocking = await station.printBatch({ processed: first.processed });
    await waitFor('the first job waiting for its printer', jobIn(station, first.processed, 'waiting'));
    // The waiting job holds the printer's queue: the second stays queued, never claimed.
    const queued = await station.printBatch({ processed: second.processed });
    expect(queued.state).toBe('queued');
    const cancelled = await station.cancelJob({ jobId: queued.id });
    expect(cancelled).toMatchObject({ state: 'cancelled', targetPrintStatus: null });
    expect(printOrderCalls(sim, second.processed)).toEqual([]);

    const again = await station.printBatch({ processed: second.processed });
    expect(again).toMatchObject({ kind: 'print', targetPrintStatus: 1 });
    await waitFor('the first job cancelled', () => station.cancelJob({ jobId: blocking.id }).catch(() => undefined));
    await printer.comeBack();
    await waitFor('the batch printed afresh', async () => (await station.getJob({ jobId: again.id })).job.state === 'done');
    expect(printOrderCalls(sim, second.processed)).toEqual([1]);
    expect(scanPrintedLabels(printer)).toHaveLength(2);
  });
});
