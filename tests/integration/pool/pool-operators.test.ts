import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OperatorError } from '../../../electron/shared/operator-message.ts';
import type { BatchView } from '../../../electron/shared/station-api.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { postgresPoolTargets, sqlitePoolTargets } from '../../support/pool-targets.ts';
import { missingTools } from '../../support/system-tools.ts';
import { printOrdersThrough, scanPrinter, startPoolStation, waitFor, type PoolStation } from './pool-rig.ts';

const zbarMissing = missingTools('zbarimg').length > 0;

describe.each([sqlitePoolTargets(), postgresPoolTargets()])('two operators of a pool on $engine', (targets) => {
  let sim: Simulator;
  let stations: PoolStation[] = [];
  beforeAll(async () => {
    if (targets.available) await targets.setUp();
    sim = await createSimulator({ seed: 21, port: 0 });
  }, 60_000);
  afterEach(async () => {
    await Promise.all(stations.map((s) => s.stop()));
    stations = [];
  });
  afterAll(async () => {
    await sim.close();
    await targets.tearDown();
  });

  it.runIf(targets.available && !zbarMissing)('press Print on the same batch at the same instant: one prints it, the other is told which station does', { timeout: 60_000 }, async () => {
    const target = await targets.next();
    // A lease long enough that a loaded machine's slow renewal does not hand the job to the other
    // desk: takeover has its own tests, this one is about the claim.
    stations = await Promise.all(['desk-a', 'desk-b'].map((name) => startPoolStation(name, sim, target, { leaseMs: 15_000 })));
    const { processed } = sim.addBatch(4);
    for (const s of stations) await waitFor('the batch listed', async () => (await s.station.listBatches({})).some((b) => b.processed === processed));

    const results = await Promise.allSettled(stations.map((s) => s.station.printBatch({ processed })));
    const printing = results.findIndex((r) => r.status === 'fulfilled');
    const told = results.find((r) => r.status === 'rejected');
    expect(printing).toBeGreaterThanOrEqual(0);
    const winner = stations[printing];
    const loser = stations[1 - printing];
    if (!winner || !loser) throw new Error('two stations expected');
    // The loser is refused with who prints it: a code and the station's name, for the UI to say.
    expect(told?.status === 'rejected' && told.reason).toBeInstanceOf(OperatorError);
    expect(told?.status === 'rejected' && (told.reason as OperatorError).text).toEqual({ code: 'pool-claimed-by', params: { station: winner.name, batch: processed }, detail: null });

    // Its own job (no `station`): the pool's history also lists the other desk's jobs.
    await waitFor('the batch printed', async () => (await winner.station.listJobs({ limit: 10 })).find((j) => j.processed === processed && j.state === 'done' && j.station === undefined));
    const labels = await scanPrinter(winner.printer);
    expect(labels).toHaveLength(4);
    expect(await scanPrinter(loser.printer)).toEqual([]);
    expect(printOrdersThrough(winner.proxy).filter((c) => c.processed === processed)).toEqual([{ processed, printStatus: 1, status: 200 }]);
    expect(printOrdersThrough(loser.proxy)).toEqual([]);
    // One history: the loser lists the winner's job, with the station and its printer.
    const seen = await waitFor('the job in the pool history', async () => (await loser.station.listJobs({ limit: 10 })).find((j) => j.processed === processed && j.state === 'done'));
    expect(seen).toMatchObject({ station: winner.name, printerName: `${winner.name} printer`, totalLabels: 4, confirmedLabels: 4 });
    // And on its Batches view: the batch shows the winner's job, not a batch never printed here.
    const listed = (await loser.station.listBatches({})).find((b) => b.processed === processed);
    expect(listed?.job).toMatchObject({ station: winner.name, printerName: `${winner.name} printer`, state: 'done', confirmedLabels: 4 });
    // The list a poll sends says the same: the row does not turn back into "never printed".
    const sent = await new Promise<BatchView[]>((resolve) => {
      const off = loser.station.on('batches', (views) => {
        off();
        resolve(views);
      });
    });
    expect(sent.find((b) => b.processed === processed)?.job).toMatchObject({ station: winner.name, state: 'done' });

    // A reprint of its label 2 at the other desk, from the pool's stored orders: no server call.
    const reprint = await loser.station.reprintLabels({ jobId: seen.id, indexes: [2] });
    await waitFor('the reprint printed', async () => (await loser.station.listJobs({ limit: 10 })).find((j) => j.id === reprint.id && j.state === 'done'));
    const again = await scanPrinter(loser.printer);
    expect(again).toHaveLength(1);
    expect(again[0]).toEqual(labels[1]);
    expect(printOrdersThrough(loser.proxy)).toEqual([]);
  });
});
