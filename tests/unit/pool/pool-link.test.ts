import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OperatorError } from '../../../electron/shared/operator-message.ts';
import { startSwitchablePool, type SwitchablePool } from '../../support/fakes/fake-pool.ts';
import { startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';

/** A station in a pool on fake time: a 3 s lease, renewed every second. */
describe('a station in a pool, on fake time', () => {
  let pool: SwitchablePool;
  let desk: StationOnFakes;
  beforeEach(async () => {
    pool = await startSwitchablePool();
    desk = await startStationOnFakes({ printers: [{ id: 'bench', labelsPerJob: 1 }], pool: (now) => pool.store('desk-a', now) });
  });
  afterEach(async () => {
    await desk.close();
    await pool.close();
  });

  it('cut off from the database mid-batch: prints on while its lease holds by its own clock, then stops, says so, and finishes once the database is back', async () => {
    const { processed } = desk.server.addBatch(6);
    desk.printer().fail({ kind: 'ok' });
    desk.printer().fail({ kind: 'hold' });
    await desk.station.printBatch({ processed });
    await desk.clock.flush();
    expect(desk.printer().paper).toHaveLength(1);

    pool.down();
    await desk.clock.advance(5000);
    expect((await desk.station.listAlerts({})).map((a) => a.kind)).toContain('pool-unreachable');
    // A new Print is refused while the batch cannot be claimed.
    const other = desk.server.addBatch(2);
    const refused = await desk.station.printBatch({ processed: other.processed }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OperatorError);
    expect((refused as OperatorError).text.code).toBe('pool-unreachable');

    // The label in flight comes out; the next one would be past the lease: nothing more goes.
    desk.printer().release();
    await desk.clock.flush();
    expect(desk.printer().paper).toHaveLength(2);
    expect(await desk.jobOf(processed)).toMatchObject({ state: 'failed', confirmedLabels: 2 });
    expect((await desk.jobOf(processed))?.reason).toContain('pool database cannot be reached');
    await desk.clock.advance(60_000);
    expect(desk.printer().paper).toHaveLength(2);
    expect(desk.server.printOrderCalls(other.processed)).toEqual([]);

    pool.up();
    await desk.clock.advance(1000);
    await desk.clock.flush();
    expect(await desk.jobOf(processed)).toMatchObject({ state: 'done', confirmedLabels: 6, possibleDuplicates: 0 });
    expect(new Set(desk.printer().invoices()).size).toBe(6);
    expect(desk.printer().paper).toHaveLength(6);
    expect((await desk.station.listAlerts({})).map((a) => a.kind)).not.toContain('pool-unreachable');
    const labels = await pool.database.db.selectFrom('pool_labels').select(['state', 'printed_by']).execute();
    expect(labels).toEqual(Array.from({ length: 6 }, () => ({ state: 'confirmed', printed_by: 'desk-a' })));
  });

  it('a print_order slower than the lease: the claim is kept while it waits, and the station prints the batch itself', async () => {
    const { processed } = desk.server.addBatch(3);
    desk.server.fail('print_order', { kind: 'hang' });
    await desk.station.printBatch({ processed });
    // Several renewal ticks and more than a lease pass with print_order unanswered: a claim
    // without its pool job yet has no lease to renew, and must not read as taken over.
    await desk.clock.advance(10_000);
    desk.server.answerHeld();
    await desk.clock.flush();
    await desk.clock.advance(2000);
    await desk.clock.flush();
    expect(await desk.jobOf(processed)).toMatchObject({ state: 'done', confirmedLabels: 3 });
    expect(desk.printer().paper).toHaveLength(3);
    const job = await pool.database.db.selectFrom('pool_jobs').select(['station', 'state']).execute();
    expect(job).toEqual([{ station: 'desk-a', state: 'done' }]);
  });

  it('dies mid-batch, another station takes the job after the lease, and the dead one, restarted, prints none of it', async () => {
    const { processed } = desk.server.addBatch(5);
    desk.printer().fail({ kind: 'ok' }, 2);
    desk.printer().fail({ kind: 'crash', onPaper: 1, confirmed: 0 });
    await desk.station.printBatch({ processed });
    await desk.clock.flush();
    expect(desk.printer().paper).toHaveLength(3);
    // The dead process renews nothing.
    pool.down('desk-a');
    await desk.clock.advance(4000);

    const taker = pool.store('desk-b', () => desk.clock.now());
    await taker.heartbeat();
    const taken = await taker.takeOver(['100x150'], 'b-1');
    expect(taken?.job.station).toBe('desk-b');
    // What desk-a touched is either confirmed or in flight (printed again, flagged); the rest waits.
    expect(taken?.labels.map((l) => l.state).slice(0, 3).every((s) => s !== 'pending')).toBe(true);
    expect(taken?.labels.slice(3).map((l) => l.state)).toEqual(['pending', 'pending']);

    pool.up('desk-a');
    desk = await desk.afterCrash();
    await desk.clock.advance(2000);
    expect(desk.printer().paper).toHaveLength(3);
    const jobs = (await desk.station.listJobs({})).filter((j) => j.processed === processed);
    // Its own job given up, and desk-b's, in the one history.
    expect(jobs.find((j) => !j.station)).toMatchObject({ state: 'cancelled', reason: 'printed elsewhere: station desk-b took over the rest of this job' });
    expect(jobs.find((j) => j.station)).toMatchObject({ station: 'desk-b', state: 'printing' });
  });

  it('leaves a batch to the other stations while its printer is off: no claim, no print_order', async () => {
    const { processed } = desk.server.addBatch(3);
    desk.printer().online = false;
    await desk.station.setAutoPrint({ enabled: true, cutoff: '2026-01-01 00:00:00' });
    await desk.clock.advance(10_000);
    expect(desk.server.printOrderCalls(processed)).toEqual([]);
    expect((await desk.jobOf(processed))?.reason).toContain('not claimed here');
    const other = pool.store('desk-b', () => desk.clock.now());
    expect(await other.claim(processed, 1)).toEqual({ ok: true });

    // Back on: the batch went to desk-b meanwhile, so this desk gives its job up unprinted.
    desk.printer().online = true;
    await desk.clock.advance(60_000);
    expect(desk.printer().paper).toEqual([]);
    expect(desk.server.printOrderCalls(processed)).toEqual([]);
    expect(await desk.jobOf(processed)).toMatchObject({ state: 'cancelled', reason: 'printed elsewhere: station desk-b claimed this batch print' });
  });
});
