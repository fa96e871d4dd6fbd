import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { printOrderResponse } from '../../../electron/core/api/response-schemas.ts';
import { openPoolDatabase, type PoolTarget } from '../../../electron/core/pool/pool-database.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { postgresPoolTargets } from '../../support/pool-targets.ts';
import { startRawPrinter, type RawPrinter } from '../../support/raw-printer.ts';
import { startRewritingProxy, type RewritingProxy } from '../../support/rewriting-proxy.ts';
import { missingTools } from '../../support/system-tools.ts';
import { spawnHeadless, type HeadlessChild } from '../station/headless-child.ts';
import { printOrdersThrough, scanPrinter, waitFor } from './pool-rig.ts';

const targets = postgresPoolTargets();
const zbarMissing = missingTools('zbarimg').length > 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `label-station run` as its own process, in a pool, with its own printer and its own path to the server. */
interface StationProcess {
  name: string;
  args: string[];
  child: HeadlessChild;
  printer: RawPrinter;
  proxy: RewritingProxy;
}

describe.runIf(targets.available && !zbarMissing)('three headless stations on one PostgreSQL, all on auto-print', () => {
  let sim: Simulator;
  let dir: string;
  let running: StationProcess[] = [];
  /** The invoices each print_order answer carried, as the wire had them: what must come out on paper. */
  const answered = new Map<string, string[]>();

  beforeAll(async () => {
    await targets.setUp();
    sim = await createSimulator({ seed: 41, port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'pool-procs-'));
  }, 60_000);
  afterEach(async () => {
    for (const s of running) {
      await s.child.kill('SIGTERM');
      await s.printer.stop();
      await s.proxy.close();
    }
    running = [];
  });
  afterAll(async () => {
    await sim.close();
    await targets.tearDown();
    rmSync(dir, { recursive: true, force: true });
  });

  const startStations = async (target: PoolTarget, run: string, printerSpeed?: number): Promise<StationProcess[]> => {
    if (target.engine !== 'postgres') throw new Error('PostgreSQL expected');
    const url = `postgres://postgres@127.0.0.1:${target.address.port}/${target.address.database}`;
    const stations = await Promise.all(
      ['desk-1', 'desk-2', 'desk-3'].map(async (name) => {
        const printer = await startRawPrinter(printerSpeed ? { readBytesPerSecond: printerSpeed } : {});
        const proxy = await startRewritingProxy(sim.baseUrl.replace(/\/public$/, ''));
        proxy.rewrite('print_order', (answer, path) => {
          const processed = decodeURIComponent((path.split('?')[0] ?? '').split('/').at(-2) ?? '');
          answered.set(processed, printOrderResponse.parse(answer.json).rows.map((order) => order.invoice));
          return { status: answer.status, text: answer.text, headers: { 'content-type': 'application/json' } };
        });
        const config = join(dir, `${run}-${name}.json`);
        writeFileSync(config, JSON.stringify({ printers: [{ id: 'bench', name: `${name} printer`, uri: `escpos://127.0.0.1:${printer.port}`, labelsPerJob: 1 }], defaultPrinterId: 'bench' }));
        const args = ['--config', config, '--api', proxy.baseUrl, '--user', sim.userId, '--data-dir', join(dir, run, name), '--poll', '2', '--auto-print'];
        const poolArgs = [...args, '--journal', url, '--station-name', name, '--pool-lease', '4'];
        return { name, args: poolArgs, child: spawnHeadless(poolArgs, { LABEL_STATION_TOKEN: sim.token }), printer, proxy };
      }),
    );
    running = stations;
    for (const s of stations) await s.child.waitForLine('first poll', (l) => l.kind === 'batches-listed', 60_000);
    return stations;
  };

  const invoices = (batches: { processed: string }[]): string[] => batches.flatMap((b) => answered.get(b.processed) ?? [`no answer for ${b.processed}`]);

  const scannedBy = async (stations: StationProcess[]) => Promise.all(stations.map(async (s) => ({ name: s.name, labels: await scanPrinter(s.printer) })));

  it('split 30 batches arriving over a minute: every label off exactly one printer, each print_order from one station at print_status 1', { timeout: 330_000 }, async () => {
    const stations = await startStations(await targets.next(), 'split');
    const batches: { processed: string; orderIds: string[] }[] = [];
    for (let i = 0; i < 30; i++) {
      batches.push(sim.addBatch((i % 4) + 1));
      await sleep(2000);
    }
    const expected = batches.reduce((n, b) => n + b.orderIds.length, 0);
    await waitFor('every batch printed', () => batches.every((b) => sim.batches().find((x) => x.processed === b.processed)?.printStatus === 1), 120_000);
    await waitFor('every label on paper', async () => (await scannedBy(stations)).reduce((n, s) => n + s.labels.length, 0) >= expected, 120_000);

    const scanned = await scannedBy(stations);
    const wanted = invoices(batches);
    expect(wanted).toHaveLength(expected);
    for (const invoice of wanted) {
      const where = scanned.flatMap((s) => s.labels.filter((codes) => codes.includes(invoice)).map(() => s.name));
      expect(where, invoice).toHaveLength(1);
    }
    expect(scanned.reduce((n, s) => n + s.labels.length, 0)).toBe(expected);
    // The work was shared, not done by one desk while the others watched.
    expect(scanned.filter((s) => s.labels.length > 0).length).toBeGreaterThanOrEqual(2);
    const calls = stations.flatMap((s) => printOrdersThrough(s.proxy).map((c) => ({ ...c, station: s.name })));
    for (const b of batches) {
      const mine = calls.filter((c) => c.processed === b.processed);
      expect(mine.map((c) => c.printStatus)).toEqual([1]);
    }
  });

  it('one station SIGKILLed mid-batch: another takes over after its lease, prints the rest, repeats only flagged in-flight labels; the dead one, restarted, prints none of them', { timeout: 180_000 }, async () => {
    const target = await targets.next();
    // Slow printers (about 3 labels a second), so the kill lands in the middle.
    const stations = await startStations(target, 'kill', 400_000);
    const batch = sim.addBatch(30);
    const pool = await openPoolDatabase(target);
    try {
      const holder = await waitFor('a station holding the batch', async () => (await pool.db.selectFrom('pool_jobs').select('station').where('processed', '=', batch.processed).executeTakeFirst())?.station, 30_000);
      const victim = stations.find((s) => s.name === holder);
      if (!victim) throw new Error(`no station ${holder}`);
      await waitFor('a few labels out', () => victim.printer.received().length >= 5, 30_000);
      expect(await victim.child.kill('SIGKILL')).toBeNull();
      const killedAt = Date.now();

      const wanted = invoices([batch]);
      await waitFor('print_order answered', () => answered.has(batch.processed), 30_000);
      await waitFor('every label on paper', async () => {
        const codes = (await scannedBy(stations)).flatMap((s) => s.labels).flat();
        return wanted.every((invoice) => codes.includes(invoice));
      }, 90_000);
      const job = await pool.db.selectFrom('pool_jobs').selectAll().where('processed', '=', batch.processed).executeTakeFirstOrThrow();
      expect(job.station).not.toBe(victim.name);
      expect(job.state).toBe('done');
      expect(Date.now() - killedAt).toBeGreaterThan(3000);

      const scanned = await scannedBy(stations);
      const labels = await pool.db.selectFrom('pool_labels').selectAll().where('job_key', '=', job.job_key).execute();
      const invoiceAt = new Map(labels.map((l) => [(JSON.parse(l.order_json) as { invoice: string }).invoice, l]));
      for (const invoice of wanted) {
        const times = scanned.flatMap((s) => s.labels).filter((codes) => codes.includes(invoice)).length;
        // Twice only when it was in flight at the kill, and then flagged.
        if (times > 1) expect(invoiceAt.get(invoice)?.possible_duplicate, invoice).toBe(1);
        expect(times, invoice).toBeGreaterThanOrEqual(1);
      }
      expect(labels.every((l) => l.state === 'confirmed')).toBe(true);
      const calls = stations.flatMap((s) => printOrdersThrough(s.proxy).map((c) => ({ ...c, station: s.name }))).filter((c) => c.processed === batch.processed);
      expect(calls).toEqual([{ processed: batch.processed, printStatus: 1, status: 200, station: victim.name }]);

      // Back from the dead: its journal says the job is half printed, the pool says it is not its own.
      const before = victim.printer.received().length;
      victim.child = spawnHeadless(victim.args, { LABEL_STATION_TOKEN: sim.token });
      const gaveUp = await victim.child.waitForLine('the job given up', (l) => l.kind === 'pool-claimed-by', 60_000);
      expect(gaveUp.message).toContain(job.station);
      await sleep(1000);
      expect(victim.printer.received().length).toBe(before);
    } finally {
      await pool.close();
    }
  });
});
