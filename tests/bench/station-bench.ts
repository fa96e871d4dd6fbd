/**
 * `npm run bench:station [-- --seconds N]`: the station's two promises to a kiosk.
 * 1. Idle cost: a headless station (a child process, as a kiosk runs it) polling the simulator
 *    every 10 s with nothing to print; its CPU share and RSS over `--seconds` (default 60).
 * 2. Time to first label: from the moment `print_order` answers to the first byte of the first
 *    label at a raw TCP printer, for batches of 10, 100 and 1000 labels.
 * Targets: idle < 1 % CPU and ≤ 70 MB RSS; first label ≤ 300 ms at every size.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createOrderApiClient } from '../../electron/core/api/order-api-client.ts';
import { renderPng } from '../../electron/core/labels/index.ts';
import { discoverPrinters, openPrinter } from '../../electron/core/printers/index.ts';
import { createStation } from '../../electron/core/station/create-station.ts';
import { createKeyFileSecretStore } from '../../electron/core/station/key-file-secret-store.ts';
import { createSimulator } from '../../electron/simulator/create-simulator.ts';
import { processStats } from '../support/proc-stats.ts';
import { startRawPrinter } from '../support/raw-printer.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' } } });
const seconds = Number(values.seconds);
const repo = fileURLToPath(new URL('../../', import.meta.url));

async function idle(): Promise<void> {
  const sim = await createSimulator({ seed: 3, port: 0 });
  const printer = await startRawPrinter();
  const dir = mkdtempSync(join(tmpdir(), 'bench-idle-'));
  const child = spawn(
    process.execPath,
    ['bin/label-station.js', 'run', '--api', sim.baseUrl, '--user', sim.userId, '--printer', `escpos://127.0.0.1:${printer.port}`, '--data-dir', dir, '--poll', '10', '--auto-print'],
    { cwd: repo, env: { ...process.env, LABEL_STATION_TOKEN: sim.token }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const pid = child.pid ?? 0;
  // Let it start up (and load the label engine) before measuring the steady state.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const start = processStats(pid);
  const t0 = process.hrtime.bigint();
  let peakRss = start.rssMb;
  for (let s = 0; s < seconds; s++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    peakRss = Math.max(peakRss, processStats(pid).rssMb);
  }
  const end = processStats(pid);
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  const polls = sim.calls().filter((c) => c.call === 'processed_list').length;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await printer.stop();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
  const cpu = ((end.cpuS - start.cpuS) / wallS) * 100;
  console.log(`idle over ${wallS.toFixed(0)} s (${polls} polls in all): CPU ${cpu.toFixed(2)} %  RSS ${end.rssMb.toFixed(0)} MB (peak ${peakRss.toFixed(0)} MB)  [targets < 1 %, ≤ 70 MB]`);
}

async function firstLabel(sizes: number[]): Promise<void> {
  const sim = await createSimulator({ seed: 4, port: 0 });
  const printer = await startRawPrinter();
  const dir = mkdtempSync(join(tmpdir(), 'bench-first-'));
  let answeredAt = 0n;
  const station = createStation({
    dataDir: dir,
    api: (config) => {
      const client = createOrderApiClient(config);
      return {
        ...client,
        printOrder: async (processed, status) => {
          const orders = await client.printOrder(processed, status);
          answeredAt = process.hrtime.bigint();
          return orders;
        },
      };
    },
    openPrinter: (profile) => openPrinter(profile),
    discoverPrinters: () => discoverPrinters(),
    renderPng: (label, options) => renderPng(label, options),
    secretStore: createKeyFileSecretStore(dir),
  });
  await station.updateSettings({ apiBaseUrl: sim.baseUrl, userId: sim.userId, token: sim.token });
  await station.savePrinter({ name: 'Bench', uri: `escpos://127.0.0.1:${printer.port}`, labelsPerJob: 5 });
  station.start();
  for (const size of sizes) {
    const { processed } = sim.addBatch(size);
    // Wait for the poll that lists it, as an operator's click would.
    while (!(await station.listBatches({})).some((b) => b.processed === processed)) await new Promise((resolve) => setTimeout(resolve, 20));
    const before = printer.received().reduce((n, b) => n + b.length, 0);
    const clicked = process.hrtime.bigint();
    const job = await station.printBatch({ processed });
    let firstBytes = 0n;
    while (firstBytes === 0n) {
      if (printer.received().reduce((n, b) => n + b.length, 0) > before) firstBytes = process.hrtime.bigint();
      else await new Promise((resolve) => setImmediate(resolve));
    }
    const ms = (from: bigint, to: bigint) => (Number(to - from) / 1e6).toFixed(0);
    const done = Date.now();
    while ((await station.getJob({ jobId: job.id })).job.state !== 'done') await new Promise((resolve) => setTimeout(resolve, 50));
    console.log(
      `batch of ${String(size).padStart(4)}: first label bytes ${ms(answeredAt, firstBytes).padStart(4)} ms after print_order answered ` +
        `(${ms(clicked, firstBytes)} ms after the click); whole batch done ${((Date.now() - done) / 1000 + Number(firstBytes - clicked) / 1e9).toFixed(1)} s  [target ≤ 300 ms]`,
    );
  }
  await station.stop();
  await printer.stop();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
}

await firstLabel([10, 100, 1000]);
await idle();
