import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPoolDatabase } from '../../../electron/core/pool/pool-database.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { postgresPoolTargets } from '../../support/pool-targets.ts';
import { missingTools } from '../../support/system-tools.ts';
import { printOrdersThrough, scanPrinter, startPoolStation, waitFor, type PoolStation } from './pool-rig.ts';

const targets = postgresPoolTargets();
const zbarMissing = missingTools('zbarimg').length > 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(targets.available && !zbarMissing)('a pool whose database stops for 30 s mid-run', () => {
  let sim: Simulator;
  let stations: PoolStation[] = [];
  beforeAll(async () => {
    await targets.setUp();
    sim = await createSimulator({ seed: 31, port: 0 });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(stations.map((s) => s.stop()));
    await sim.close();
    await targets.tearDown();
  });

  it('prints no batch it could not claim, says so while the database is away, and finishes everything once it is back', { timeout: 150_000 }, async () => {
    const target = await targets.next();
    const cluster = targets.cluster();
    if (!cluster || target.engine !== 'postgres') throw new Error('a PostgreSQL cluster expected');
    stations = await Promise.all(['desk-a', 'desk-b'].map((name) => startPoolStation(name, sim, target, { leaseMs: 3000, autoPrint: true })));
    for (const s of stations) await waitFor('auto-print armed', async () => (await s.station.getState({})).autoPrint.cutoff !== null);

    const batches: { processed: string; orders: number }[] = [];
    const add = (orders: number) => batches.push({ processed: sim.addBatch(orders).processed, orders });
    add(12);
    add(3);
    // The database goes away while the first batches print.
    await sleep(1200);
    cluster.stop();
    const downAt = Date.now();
    add(2);
    add(4);
    await sleep(2000);
    add(1);
    for (const s of stations) {
      await waitFor('the pool alert', async () => (await s.station.listAlerts({})).find((a) => a.kind === 'pool-unreachable'), 20_000);
    }
    // Nothing is claimed while it is down: no print_order reaches the server for the batches that came since.
    await sleep(Math.max(0, 30_000 - (Date.now() - downAt)));
    const lateBatches = new Set(batches.slice(2).map((b) => b.processed));
    const during = stations.flatMap((s) => printOrdersThrough(s.proxy)).filter((c) => lateBatches.has(c.processed));
    expect(during).toEqual([]);
    cluster.start();

    const expected = batches.reduce((n, b) => n + b.orders, 0);
    await waitFor('every label on paper', async () => {
      const scanned = (await Promise.all(stations.map((s) => scanPrinter(s.printer)))).flat();
      return scanned.length >= expected;
    }, 60_000);
    for (const s of stations) await waitFor('the alert cleared', async () => !(await s.station.listAlerts({})).some((a) => a.kind === 'pool-unreachable'), 10_000);

    // Every print_order was claimed in the pool first, by the station that called it, at print_status 1, once.
    const pool = await openPoolDatabase(target);
    try {
      const claims = await pool.db.selectFrom('claims').selectAll().execute();
      const calls = stations.flatMap((s) => printOrdersThrough(s.proxy).map((c) => ({ ...c, station: s.name })));
      for (const call of calls) {
        expect(claims.find((c) => c.processed === call.processed && c.target_print_status === call.printStatus)?.station).toBe(call.station);
      }
      for (const b of batches) expect(calls.filter((c) => c.processed === b.processed).map((c) => c.printStatus)).toEqual([1]);
      expect(sim.batches().filter((b) => batches.some((x) => x.processed === b.processed)).map((b) => b.printStatus)).toEqual(batches.map(() => 1));
      // Each label once, except ones the pool flags as possibly printed twice (in flight at the cut).
      const scanned = (await Promise.all(stations.map((s) => scanPrinter(s.printer)))).flat().map((codes) => codes.join(' '));
      const labels = await pool.db.selectFrom('pool_labels').selectAll().execute();
      const flagged = labels.filter((l) => l.possible_duplicate === 1).length;
      expect(new Set(scanned).size).toBe(expected);
      expect(scanned.length - expected).toBeLessThanOrEqual(flagged);
      expect(labels.every((l) => l.state === 'confirmed')).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
