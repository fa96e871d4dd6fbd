import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { missingTools } from '../../support/system-tools.ts';
import { batchListed, firstPoll, jobIn, scanPrintedLabels, startStationRig, waitFor, type StationRig } from './station-rig.ts';

/**
 * A job whose stored orders no longer read (a journal written before the caps held a
 * 200 000-character AWB) used to throw out of the job runner: the job stayed the oldest
 * unfinished one and every later batch on that printer queued behind it for good.
 */
describe.skipIf(missingTools('zbarimg').length > 0)('a job that cannot run fails alone', () => {
  let rig: StationRig;
  afterEach(async () => rig.close());

  it('fails with its reason and an alert; the next batches on the same printer print, also after restarts', async () => {
    rig = await startStationRig();
    const { sim, printer } = rig;
    let station = rig.station;
    station.start();
    await firstPoll(station);
    await printer.goOffline();
    const poisoned = sim.addBatch(2);
    await waitFor('the batch listed', batchListed(station, poisoned.processed));
    await station.printBatch({ processed: poisoned.processed });
    await waitFor('orders stored, the printer away', jobIn(station, poisoned.processed, 'waiting'));
    await station.stop();

    const db = new Database(join(rig.dataDir, 'journal.db'));
    db.prepare('UPDATE job_labels SET order_json = json_set(order_json, ?, ?)').run('$.awb', 'JP'.repeat(100_000));
    db.close();
    await printer.comeBack();

    station = await rig.restart();
    await station.setAutoPrint({ enabled: true });
    const failed = await waitFor('the poisoned job failed', jobIn(station, poisoned.processed, 'failed'));
    expect(failed.reason).toBe(`unexpected error: the stored order of label 1 cannot be read (awb: longer than 64 characters): cancel this job and reprint the batch`);
    const alert = (await station.listAlerts({})).find((a) => a.kind === 'batch-failed' && a.jobId === failed.id);
    expect(alert?.message).toContain(poisoned.processed);

    const next = sim.addBatch(3);
    expect(await waitFor('the next batch printed', jobIn(station, next.processed, 'done'))).toMatchObject({ confirmedLabels: 3 });

    station = await rig.restart();
    const after = sim.addBatch(2);
    await waitFor('a batch after a restart printed', jobIn(station, after.processed, 'done'));
    expect((await station.listJobs({})).find((j) => j.processed === poisoned.processed)?.state).toBe('failed');
    // Exactly the five labels of the two good batches are on paper; none of the poisoned job's.
    expect(scanPrintedLabels(printer)).toHaveLength(5);
  });
});
