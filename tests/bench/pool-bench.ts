/**
 * `npm run bench:pool [-- --batches 24 --labels 5 --claims 300]`: what a pool of stations gets
 * through, and what a claim costs.
 * 1. Throughput: 1, 2 and 3 `label-station run` processes on one throwaway PostgreSQL cluster,
 *    each with its own raw printer, all on auto-print; `--batches` batches of `--labels` labels
 *    arrive at once; labels/s from the first batch to the pool showing every label confirmed.
 *    The 1-station run is the same-run baseline: the others are given as a ratio to it.
 * 2. Claim latency: `--claims` batch prints claimed by 1, 2 and 3 stations racing on every one
 *    (one database connection each), p50 and p95 of one claim's round trip.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openPoolDatabase, type PoolTarget } from '../../electron/core/pool/pool-database.ts';
import { PoolStore } from '../../electron/core/pool/pool-store.ts';
import { createSimulator } from '../../electron/simulator/create-simulator.ts';
import { spawnHeadless, type HeadlessChild } from '../integration/station/headless-child.ts';
import { postgresPoolTargets } from '../support/pool-targets.ts';
import { startRawPrinter, type RawPrinter } from '../support/raw-printer.ts';

const { values } = parseArgs({ options: { batches: { type: 'string', default: '24' }, labels: { type: 'string', default: '5' }, claims: { type: 'string', default: '300' } } });
const batchCount = Number(values.batches);
const labelsPerBatch = Number(values.labels);
const claimCount = Number(values.claims);

const targets = postgresPoolTargets();
if (!targets.available) throw new Error('PostgreSQL is not installed: apt-get install postgresql');
await targets.setUp();
const sim = await createSimulator({ seed: 51, port: 0 });
const dir = mkdtempSync(join(tmpdir(), 'bench-pool-'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

async function throughput(stations: number): Promise<number> {
  const target = await targets.next();
  if (target.engine !== 'postgres') throw new Error('PostgreSQL expected');
  const url = `postgres://postgres@127.0.0.1:${target.address.port}/${target.address.database}`;
  const children: { child: HeadlessChild; printer: RawPrinter }[] = [];
  for (let i = 1; i <= stations; i++) {
    const printer = await startRawPrinter();
    const config = join(dir, `s${stations}-${i}.json`);
    writeFileSync(config, JSON.stringify({ printers: [{ id: 'bench', name: `desk ${i}`, uri: `escpos://127.0.0.1:${printer.port}`, labelsPerJob: 5 }], defaultPrinterId: 'bench' }));
    const args = ['--config', config, '--api', sim.baseUrl, '--user', sim.userId, '--data-dir', join(dir, `s${stations}-${i}`), '--poll', '2', '--auto-print'];
    children.push({ child: spawnHeadless([...args, '--journal', url, '--station-name', `desk-${i}`, '--pool-lease', '10'], { LABEL_STATION_TOKEN: sim.token }), printer });
  }
  for (const { child } of children) await child.waitForLine('first poll', (l) => l.kind === 'batches-listed', 60_000);
  // Warmed up: each station's label engine is loaded by its first poll's start-up.
  const pool = await openPoolDatabase(target);
  const total = batchCount * labelsPerBatch;
  const started = performance.now();
  for (let b = 0; b < batchCount; b++) sim.addBatch(labelsPerBatch);
  const until = Date.now() + 600_000;
  for (;;) {
    const row = await pool.db.selectFrom('pool_labels').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'confirmed').executeTakeFirst();
    if (Number(row?.n ?? 0) >= total) break;
    if (Date.now() > until) throw new Error(`only ${String(row?.n)} of ${total} labels confirmed in 10 minutes`);
    await sleep(50);
  }
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  for (const { child, printer } of children) {
    await child.kill('SIGTERM');
    await printer.stop();
  }
  return total / seconds;
}

async function claimLatency(stations: number): Promise<{ p50: number; p95: number }> {
  const target: PoolTarget = await targets.next();
  const stores = await Promise.all(Array.from({ length: stations }, async (_, i) => new PoolStore(await openPoolDatabase(target), { station: `desk-${i + 1}`, leaseMs: 10_000 })));
  const times: number[] = [];
  for (let c = 0; c < claimCount; c++) {
    const processed = `2026-12-04 ${String(Math.floor(c / 60)).padStart(2, '0')}:${String(c % 60).padStart(2, '0')}:00`;
    await Promise.all(
      stores.map(async (store) => {
        const t = performance.now();
        await store.claim(processed, 1);
        times.push(performance.now() - t);
      }),
    );
  }
  await Promise.all(stores.map((s) => s.close()));
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

try {
  console.log(`pool bench: ${batchCount} batches × ${labelsPerBatch} labels per run, ${claimCount} claims per latency run`);
  const rates: number[] = [];
  for (const n of [1, 2, 3]) {
    const rate = await throughput(n);
    rates.push(rate);
    const base = rates[0] ?? rate;
    console.log(`throughput, ${n} station(s): ${rate.toFixed(1)} labels/s (${(rate / base).toFixed(2)}× the 1-station baseline)`);
  }
  for (const n of [1, 2, 3]) {
    const { p50, p95 } = await claimLatency(n);
    console.log(`claim latency, ${n} station(s) racing: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
  }
} finally {
  await sim.close();
  await targets.tearDown();
  rmSync(dir, { recursive: true, force: true });
}
