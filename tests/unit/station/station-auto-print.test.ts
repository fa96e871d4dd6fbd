import { afterEach, describe, expect, it } from 'vitest';
import { startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';

describe('auto-print through the station', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  const printOrders = () => h.server.calls.filter((c) => c.call === 'print_order').map((c) => c.processed);

  it('prints each never-printed batch processed from the cutoff on, oldest first, once, with print_status 1', async () => {
    h = await startStationOnFakes();
    const before = h.server.addBatch(2, { processed: '2026-01-05 09:59:59' });
    await h.clock.advance(10_000);
    const state = await h.station.setAutoPrint({ enabled: true });
    // The cutoff is the server's own clock: one second after the newest batch it lists.
    // `since` is this machine's clock: what the operator reads as "on since HH:MM".
    expect(state.autoPrint).toEqual({ enabled: true, cutoff: '2026-01-05 10:00:00', since: new Date(h.clock.now()).toISOString() });
    const later = h.server.addBatch(2, { processed: '2026-01-05 10:07:00' });
    const printedElsewhere = h.server.addBatch(2, { processed: '2026-01-05 10:05:00', printStatus: 1 });
    const empty = h.server.addBatch(0, { processed: '2026-01-05 10:06:00' });
    const atCutoff = h.server.addBatch(3, { processed: '2026-01-05 10:00:10' });
    await h.clock.advance(10_000);

    expect(printOrders()).toEqual([atCutoff.processed, later.processed]);
    expect(await h.jobOf(atCutoff.processed)).toMatchObject({ kind: 'auto-print', targetPrintStatus: 1, state: 'done', confirmedLabels: 3 });
    expect(h.printer().invoices()).toEqual([...atCutoff.orders, ...later.orders].map((o) => o.invoice));
    for (const untouched of [before, printedElsewhere, empty]) expect(await h.jobOf(untouched.processed)).toBeUndefined();

    // The server keeps saying "never printed" (a lagging list): a batch with a job is not taken again.
    h.server.addBatch(3, { processed: atCutoff.processed, printStatus: 0 });
    await h.clock.advance(10 * 10_000);
    h = await h.restart();
    await h.clock.advance(10_000);
    expect(printOrders()).toEqual([atCutoff.processed, later.processed]);
    expect(h.printer().paper).toHaveLength(5);
  });

  it('never takes a batch the operator has a job for, a cancelled one included', async () => {
    h = await startStationOnFakes();
    const blocking = h.server.addBatch(1, { processed: '2026-01-05 10:01:00' });
    const cancelledOne = h.server.addBatch(2, { processed: '2026-01-05 10:02:00' });
    await h.clock.advance(10_000);
    h.printer().online = false;
    await h.station.printBatch({ processed: blocking.processed });
    const queued = await h.station.printBatch({ processed: cancelledOne.processed });
    await h.clock.flush();
    expect((await h.station.cancelJob({ jobId: queued.id })).state).toBe('cancelled');
    h.printer().online = true;

    await h.station.setAutoPrint({ enabled: true, cutoff: '2026-01-05 09:00:00' });
    await h.clock.advance(60_000);
    expect(h.server.printStatusOf(cancelledOne.processed)).toBe(0);
    expect(printOrders()).toEqual([blocking.processed]);
    expect((await h.station.listJobs({})).map((j) => [j.processed, j.kind, j.state])).toEqual([
      [cancelledOne.processed, 'print', 'cancelled'],
      [blocking.processed, 'print', 'done'],
    ]);

    // Past the journal's 90 days the done job goes; the cancelled one stays while the server
    // still lists its batch as never printed, so auto-print still leaves that batch alone.
    h = await h.restart(91 * 86_400_000);
    await h.clock.advance(60_000);
    expect(printOrders()).toEqual([blocking.processed]);
    expect((await h.station.listJobs({})).map((j) => [j.processed, j.state])).toEqual([[cancelledOne.processed, 'cancelled']]);
  });

  it('says so when a new batch appears stamped before the cutoff (the clocks disagree), and leaves it alone', async () => {
    h = await startStationOnFakes();
    await h.station.setAutoPrint({ enabled: true, cutoff: '2026-01-05 12:00:00' });
    await h.clock.flush();
    const { processed } = h.server.addBatch(1, { processed: '2026-01-05 11:59:00' });
    await h.clock.advance(10_000);
    const [warning] = await h.station.listEvents({ level: 'warn' });
    expect(warning).toMatchObject({ kind: 'auto-print-skipped', processed });
    expect(warning?.message).toBe(`new batch stamped ${processed}, before the auto-print cutoff 2026-01-05 12:00:00: not printed automatically (print it, or move the cutoff back)`);
    expect(printOrders()).toEqual([]);
  });

  it('keeps when it was switched on while it stays on, forgets it when off, and keeps the cutoff for the question on the way back', async () => {
    h = await startStationOnFakes();
    await h.clock.advance(10_000);
    const on = await h.station.setAutoPrint({ enabled: true });
    const since = new Date(h.clock.now()).toISOString();
    await h.clock.advance(60_000);
    expect((await h.station.setAutoPrint({ enabled: true, cutoff: '2026-01-05 09:00:00' })).autoPrint.since).toBe(since);
    const off = await h.station.setAutoPrint({ enabled: false });
    expect(off.autoPrint).toEqual({ enabled: false, cutoff: '2026-01-05 09:00:00', since: null });
    await h.clock.advance(60_000);
    const again = await h.station.setAutoPrint({ enabled: true, cutoff: off.autoPrint.cutoff ?? undefined });
    expect(again.autoPrint).toEqual({ enabled: true, cutoff: '2026-01-05 09:00:00', since: new Date(h.clock.now()).toISOString() });
    expect(on.autoPrint.since).toBe(since);
  });

  it('switched off, prints nothing by itself; the rule and its cutoff survive a restart', async () => {
    h = await startStationOnFakes();
    await h.station.setAutoPrint({ enabled: true });
    await h.station.setAutoPrint({ enabled: false });
    h.server.addBatch(1, { processed: '2026-01-05 10:00:30' });
    await h.clock.advance(60_000);
    expect(printOrders()).toEqual([]);

    const state = await h.station.setAutoPrint({ enabled: true });
    // One second after the newest batch the server lists, whatever this machine's clock says.
    expect(state.autoPrint.cutoff).toBe('2026-01-05 10:00:31');
    h = await h.restart();
    expect((await h.station.getState({})).autoPrint).toMatchObject({ enabled: true, cutoff: '2026-01-05 10:00:31' });
    const fresh = h.server.addBatch(1, { processed: '2026-01-05 10:02:00' });
    await h.clock.advance(10_000);
    expect(printOrders()).toEqual([fresh.processed]);
  });

  it('with no printer set up, raises an alert and claims nothing', async () => {
    h = await startStationOnFakes({ printers: [] });
    await h.station.setAutoPrint({ enabled: true, cutoff: '2026-01-05 09:00:00' });
    const { processed } = h.server.addBatch(1);
    await h.clock.advance(10_000);
    expect((await h.station.listAlerts({})).map((a) => [a.kind, a.message])).toEqual([
      ['batch-failed', 'auto-print cannot start: no printer is set up yet: add one in Printers'],
    ]);
    expect(printOrders()).toEqual([]);
    expect(h.server.printStatusOf(processed)).toBe(0);
  });
});
