import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStationPool } from '../../../electron/app/open-station-pool.ts';
import { openPoolDatabase } from '../../../electron/core/pool/pool-database.ts';
import type { StationLogger } from '../../../electron/core/station/station-options.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { postgresPoolTargets } from '../../support/pool-targets.ts';
import { missingTools } from '../../support/system-tools.ts';
import { printOrdersThrough, scanPrinter, startPoolStation, waitFor, type PoolStation } from './pool-rig.ts';

const targets = postgresPoolTargets();
const zbarMissing = missingTools('zbarimg').length > 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(targets.available && !zbarMissing)('a kiosk that boots before the pool database', () => {
  let sim: Simulator;
  let station: PoolStation | undefined;
  beforeAll(async () => {
    await targets.setUp();
    sim = await createSimulator({ seed: 47, port: 0 });
  }, 60_000);
  afterAll(async () => {
    await station?.stop();
    await sim.close();
    await targets.tearDown();
  });

  it('starts, says the pool is away, claims and prints nothing, then joins and prints once the database answers', { timeout: 120_000 }, async () => {
    const target = await targets.next();
    const cluster = targets.cluster();
    if (!cluster || target.engine !== 'postgres') throw new Error('a PostgreSQL cluster expected');
    cluster.stop();
    const logged: string[] = [];
    const logger: StationLogger = { info: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m) };
    // The way the composition root joins: a URL without the password, the password beside it.
    const url = `postgres://postgres@${target.address.host}:${target.address.port}/${target.address.database}`;
    const pool = await openStationPool({ url, password: 'not-used-by-trust-auth', stationName: 'desk-late', leaseMs: 3000, tickMs: 500 }, logger);
    expect(logged.join('\n')).toMatch(/does not answer yet/);
    station = await startPoolStation('desk-late', sim, target, { leaseMs: 3000, autoPrint: true, store: pool.store });
    await waitFor('auto-print armed', async () => (await station?.station.getState({}))?.autoPrint.cutoff !== null);
    const early = sim.addBatch(3).processed;
    await waitFor('the pool alert', async () => (await station?.station.listAlerts({}))?.find((a) => a.kind === 'pool-unreachable'), 20_000);
    await sleep(3000);
    // No claim could be made, so no print_order went out and nothing reached paper.
    expect(printOrdersThrough(station.proxy)).toEqual([]);
    expect(await scanPrinter(station.printer)).toEqual([]);

    cluster.start();
    const late = sim.addBatch(2).processed;
    await waitFor('every label on paper', async () => (station ? (await scanPrinter(station.printer)).length >= 5 : false), 60_000);
    await waitFor('the alert cleared', async () => !(await station?.station.listAlerts({}))?.some((a) => a.kind === 'pool-unreachable'), 10_000);

    // Both batches printed once, each claimed in the pool (its schema made on the first answer) by this station.
    expect(printOrdersThrough(station.proxy).map((c) => c.processed).sort()).toEqual([early, late].sort());
    const db = await openPoolDatabase(target);
    try {
      const claims = await db.db.selectFrom('claims').selectAll().execute();
      expect(claims.map((c) => [c.processed, c.station]).sort()).toEqual([[early, 'desk-late'], [late, 'desk-late']].sort());
    } finally {
      await db.close();
    }
    expect(logged.join('\n')).not.toContain('not-used-by-trust-auth');
  });
});
