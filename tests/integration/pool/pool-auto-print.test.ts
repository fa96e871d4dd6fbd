import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPoolDatabase } from '../../../electron/core/pool/pool-database.ts';
import { PoolStore } from '../../../electron/core/pool/pool-store.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { postgresPoolTargets, sqlitePoolTargets } from '../../support/pool-targets.ts';
import { editRows } from '../../support/rewriting-proxy.ts';
import { printOrdersThrough, startPoolStation, waitFor, type PoolStation } from './pool-rig.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([sqlitePoolTargets(), postgresPoolTargets()])('auto-print in a pool on $engine', (targets) => {
  let sim: Simulator;
  let station: PoolStation | undefined;
  beforeAll(async () => {
    if (targets.available) await targets.setUp();
    sim = await createSimulator({ seed: 53, port: 0 });
  }, 60_000);
  afterEach(async () => {
    await station?.stop();
    station = undefined;
  });
  afterAll(async () => {
    await sim.close();
    await targets.tearDown();
  });

  it.runIf(targets.available)('makes no job for a batch another station already claimed, and prints the rest', { timeout: 60_000 }, async () => {
    const target = await targets.next();
    station = await startPoolStation('desk-b', sim, target, { leaseMs: 3000, autoPrint: true });
    const desk = station;
    await waitFor('auto-print armed', async () => (await desk.station.getState({})).autoPrint.cutoff !== null);
    const other = new PoolStore(await openPoolDatabase(target), { station: 'desk-a', leaseMs: 3000 });
    try {
      // desk-b does not see the batch until desk-a holds its claim: the order the race would have.
      const hidden = new Set<string>();
      desk.proxy.rewrite('processed_list', editRows((rows) => rows.filter((r) => !hidden.has(String(r.processed)))));
      const taken = sim.addBatch(3).processed;
      hidden.add(taken);
      expect(await other.claim(taken, 1)).toEqual({ ok: true });
      hidden.delete(taken);
      const free = sim.addBatch(2).processed;

      await waitFor('the free batch printed', async () => (await desk.station.listJobs({ limit: 20 })).find((j) => j.processed === free && j.state === 'done'));
      await waitFor('the taken batch listed', async () => (await desk.station.listBatches({})).some((b) => b.processed === taken));
      await sleep(1500);
      // No local job (so nothing cancelled in History), no print_order, no alert for it.
      expect((await desk.station.listJobs({ limit: 20 })).filter((j) => j.processed === taken)).toEqual([]);
      expect(printOrdersThrough(desk.proxy).map((c) => c.processed)).toEqual([free]);
      expect(await desk.station.listAlerts({})).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
