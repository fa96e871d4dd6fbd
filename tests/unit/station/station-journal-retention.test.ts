import { afterEach, describe, expect, it } from 'vitest';
import { ApiNotFoundError } from '../../../electron/core/api/api-errors.ts';
import { startStationOnFakes, type StationOnFakes } from '../../support/fakes/station-on-fakes.ts';

const day = 86_400_000;

describe('the journal keeps 90 days of finished history', () => {
  let h: StationOnFakes;
  afterEach(async () => h.close());

  it('drops finished jobs and their events past 90 days, and never an unfinished job', async () => {
    h = await startStationOnFakes({ pollSeconds: 3600 });
    const done = h.server.addBatch(2);
    const held = h.server.addBatch(1);
    await h.station.printBatch({ processed: done.processed });
    h.server.fail('print_order', { kind: 'fail', error: new ApiNotFoundError({ call: 'print_order', method: 'POST', path: '/order/orders/print_order/u', status: 404 }) });
    const heldJob = await h.station.printBatch({ processed: held.processed });
    await h.clock.flush();
    expect((await h.station.listJobs({})).map((j) => j.state)).toEqual(['failed', 'done']);

    h = await h.restart(89 * day);
    expect(await h.station.listJobs({})).toHaveLength(2);
    h = await h.restart(2 * day);
    expect((await h.station.listJobs({})).map((j) => [j.id, j.state])).toEqual([[heldJob.id, 'failed']]);
    const events = await h.station.listEvents({});
    expect(events.find((e) => e.kind === 'journal-pruned')?.message).toMatch(/^dropped 1 finished job\(s\) and \d+ event\(s\) older than 90 days$/);
    const ninetyDaysAgo = new Date(h.clock.now() - 90 * day).toISOString();
    expect(events.filter((e) => e.at < ninetyDaysAgo)).toEqual([]);
    expect(events.some((e) => e.at > new Date(h.clock.now() - 3 * day).toISOString() && e.kind === 'station-stopped')).toBe(true);
    // The held job is still held: nothing retried it, not even the restarts.
    expect(h.server.printOrderCalls(held.processed)).toEqual([1]);
  });
});
