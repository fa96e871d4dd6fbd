import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { missingTools } from '../../support/system-tools.ts';
import { batchListed, jobIn, scanPrintedLabels, startPolledRig, waitFor, type StationRig } from './station-rig.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Past the rig's printer backoff (100–400 ms) and its 2 s wait for a receipt: a retry would have shown. */
const pastRetry = 3000;

describe.skipIf(missingTools('zbarimg').length > 0)('the station and raw printers that misbehave', () => {
  let rig: StationRig;
  beforeEach(async () => {
    rig = await startPolledRig();
  });
  afterEach(async () => rig.close());

  async function print(labels: number): Promise<{ processed: string; jobId: string }> {
    const { processed } = rig.sim.addBatch(labels);
    await waitFor('the batch listed', batchListed(rig.station, processed));
    const job = await rig.station.printBatch({ processed });
    return { processed, jobId: job.id };
  }

  it('a printer silent to status that stops reading and closes after 64 KB: nothing confirmed, the label printed again whole once it reads again', async () => {
    const { station, printer } = rig;
    printer.misbehave({ answerStatus: false, closeEarlyAfter: 64 * 1024 });
    const { processed } = await print(3);
    const waiting = await waitFor('the job waiting for its printer', jobIn(station, processed, 'waiting'));
    expect(waiting.confirmedLabels).toBe(0);
    expect(waiting.reason).toMatch(/stopped reading and closed the connection before it had taken the whole job/);
    expect((await station.listAlerts({})).map((a) => a.kind)).toContain('printer-offline');
    expect(printer.received()[0]?.length).toBe(64 * 1024);

    printer.misbehave({ closeEarlyAfter: undefined });
    const done = await waitFor('the batch printed', jobIn(station, processed, 'done'));
    expect(done).toMatchObject({ totalLabels: 3, confirmedLabels: 3, possibleDuplicates: 1 });
    // The cut connection holds half a label, which no scanner reads; every label came out whole after it.
    expect(scanPrintedLabels(printer, { skipCut: true })).toHaveLength(3);
  });

  it('a printer silent to status that never closes: the job is held once with the reason, never sent again by itself, printed when the operator retries', async () => {
    const { station, printer } = rig;
    printer.misbehave({ answerStatus: false, neverClose: true });
    const { processed, jobId } = await print(2);
    const held = await waitFor('the job held', jobIn(station, processed, 'failed'));
    expect(held.confirmedLabels).toBe(0);
    expect(held.reason).toMatch(/took all 1 label\(s\) of this job but did not close the connection within 2 s, so it cannot confirm they printed/);
    const alert = (await station.listAlerts({})).find((a) => a.jobId === jobId);
    expect(alert).toMatchObject({ kind: 'batch-failed', message: held.reason });

    // One connection carried the label; the other only checked that the printer is still there.
    const carrying = () => printer.received().filter((bytes) => bytes.length > 0).length;
    expect(printer.received()).toHaveLength(2);
    await pause(pastRetry);
    expect(printer.received()).toHaveLength(2);
    await rig.restart();
    await pause(pastRetry);
    expect(printer.received()).toHaveLength(2);
    expect(carrying()).toBe(1);
    expect(scanPrintedLabels(printer)).toHaveLength(1);

    printer.misbehave({ neverClose: false });
    await rig.station.retryJob({ jobId });
    const done = await waitFor('printed after the retry', jobIn(rig.station, processed, 'done'));
    expect(done).toMatchObject({ totalLabels: 2, confirmedLabels: 2, possibleDuplicates: 1 });
    expect(scanPrintedLabels(printer)).toHaveLength(3);
  });

  it('a printer that answers status but never closes: each job confirmed by its status answer, every label printed once', async () => {
    const { station, printer } = rig;
    printer.misbehave({ neverClose: true });
    const { processed } = await print(4);
    const done = await waitFor('the batch printed', jobIn(station, processed, 'done'));
    expect(done).toMatchObject({ totalLabels: 4, confirmedLabels: 4, possibleDuplicates: 0 });
    // The first label alone, then a job of three: two connections, no repeats.
    expect(printer.received()).toHaveLength(2);
    expect(scanPrintedLabels(printer)).toHaveLength(4);
  });

  it('a printer that loses power mid-job without a reset: the job waits for it, then completes when it is back', async () => {
    const { station, printer } = rig;
    printer.misbehave({ freezeAfter: 64 * 1024 });
    const { processed } = await print(3);
    const waiting = await waitFor('the job waiting for its printer', jobIn(station, processed, 'waiting'));
    expect(waiting.reason).toMatch(/went silent during a job/);
    expect(waiting.confirmedLabels).toBe(0);
    printer.misbehave({ freezeAfter: undefined });
    await printer.comeBack();
    const done = await waitFor('the batch printed', jobIn(station, processed, 'done'));
    expect(done).toMatchObject({ totalLabels: 3, confirmedLabels: 3, possibleDuplicates: 1 });
  });

  it('a printer answering garbage to its status query: nothing printed, the printer shown offline with the reason', async () => {
    const { station, printer } = rig;
    printer.misbehave({ statusReply: Buffer.from('HELLO\r\n') });
    const { processed } = await print(2);
    const waiting = await waitFor('the job waiting for its printer', jobIn(station, processed, 'waiting'));
    expect(waiting.reason).toMatch(/do not read as ESC\/POS status/);
    expect(waiting.confirmedLabels).toBe(0);
    expect(scanPrintedLabels(printer)).toEqual([]);

    printer.misbehave({ statusReply: undefined });
    await waitFor('the batch printed', jobIn(station, processed, 'done'));
    expect(scanPrintedLabels(printer)).toHaveLength(2);
  });
});
