/**
 * `npm run bench:cli [-- --runs 5]`: the CLI as a user starts it, a whole process each time, with
 * its peak RSS, against baselines measured in the same run on the same machine:
 * 1. `label-station render` of one label from a cold process: the bundled CLI, the same sources
 *    through tsx (how the CLI ran before it was bundled) and `node -e 0` (Node's own start-up).
 * 2. 1 000 labels: the bundled CLI, whole process, against headless Chromium printing the same
 *    labels, from its launch to its exit.
 * 3. 10 000 labels through the CLI: peak RSS.
 * Targets: one label ≤ 0.35 s; 1 000 labels ≥ 5× Chromium; 10 000 labels ≤ 150 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseOrderRecords } from '../../electron/core/api/parse-orders.ts';
import type { LabelToRender } from '../../electron/core/labels/index.ts';
import { chromiumRun } from './chromium-baseline.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const peakRss = fileURLToPath(new URL('./peak-rss.mjs', import.meta.url));
const rawFixtures = JSON.parse(readFileSync(join(repo, 'tests/fixtures/orders/label-fixtures.json'), 'utf8')) as Array<Record<string, Record<string, unknown>>>;

/** Order records as the API sends them, each with its own AWB, invoice and name (no cache helps). */
function records(count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => {
    const base = rawFixtures[i % rawFixtures.length] ?? {};
    const order = base.order ?? {};
    const awb = typeof order.awb === 'string' ? `${order.awb.slice(0, 4)}${100_000_000 + i}` : null;
    const invoice = `INV2026112${10_000_000 + i}`;
    return { ...base, customer: { ...base.customer, name: `${String(base.customer?.name)} ${i}` }, order: { ...order, awb, invoice, order_id: `o-${invoice}` } };
  });
}

interface ProcessRun {
  ms: number;
  /** CPU time of the process (all its threads): what the run costs however busy the machine is. */
  cpuMs: number;
  rssMb: number;
}

function timed(args: string[]): ProcessRun {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', peakRss, ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const [, kb = NaN, cpuUs = NaN] = (/peak-rss-kb (\d+) cpu-us (\d+)/.exec(result.stderr) ?? []).map(Number);
  return { ms, cpuMs: cpuUs / 1000, rssMb: kb / 1024 };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const summary = (label: string, rs: ProcessRun[]): string =>
  `${label.padEnd(34)} median ${median(rs.map((r) => r.ms)).toFixed(0).padStart(6)} ms  (min ${Math.min(...rs.map((r) => r.ms)).toFixed(0)}), CPU ${median(rs.map((r) => r.cpuMs)).toFixed(0)} ms  peak RSS ${Math.max(...rs.map((r) => r.rssMb)).toFixed(0)} MB`;

const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
const ordersFile = (count: number): string => {
  const file = join(dir, `orders-${count}.json`);
  writeFileSync(file, JSON.stringify(records(count)));
  return file;
};
const bundled = (orders: string): string[] => ['bin/label-station.js', 'render', '--orders', orders, '--out', join(dir, 'out.pdf')];
// The same sources and command through tsx: the CLI as it ran before the bundle.
const throughTsx = (orders: string): string[] => [
  '--import', 'tsx', '--input-type=module', '-e',
  "const { runCli } = await import('./electron/headless/cli.ts'); process.exitCode = await runCli(process.argv.slice(1), { assetsDir: 'assets', rendererDir: async () => 'dist/renderer' });",
  'render', '--orders', orders, '--out', join(dir, 'out.pdf'),
];

try {
  const one = ordersFile(1);
  timed(bundled(one)); // builds the bundle if the sources changed; not measured
  const node: ProcessRun[] = [];
  const ours: ProcessRun[] = [];
  const tsx: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(timed(['-e', '0']));
    ours.push(timed(bundled(one)));
    tsx.push(timed(throughTsx(one)));
  }
  console.log(`1. render one label, cold process, ${runs} runs each (interleaved)`);
  console.log(summary('node -e 0 (Node alone)', node));
  console.log(summary('label-station render (bundled)', ours));
  console.log(summary('the same through tsx', tsx));
  const oursMs = median(ours.map((r) => r.ms));
  console.log(`   bundled is ${(median(tsx.map((r) => r.ms)) / oursMs).toFixed(1)}x the tsx run; ${(oursMs - median(node.map((r) => r.ms))).toFixed(0)} ms above Node's own start  [target ≤ 350 ms]`);
  console.log(`   CPU time: bundled ${median(ours.map((r) => r.cpuMs)).toFixed(0)} ms, ${(median(ours.map((r) => r.cpuMs)) / median(node.map((r) => r.cpuMs))).toFixed(1)}x node -e 0; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);

  const thousand = ordersFile(1000);
  const labels: LabelToRender[] = parseOrderRecords(records(1000)).map((order, i) => ({ order, meta: { batch: null, index: i + 1, count: 1000, printedAt: new Date() } }));
  const cli1000 = timed(bundled(thousand));
  const chromium = await chromiumRun(labels, true);
  console.log('2. 1 000 labels, whole process');
  console.log(`   label-station render ${cli1000.ms.toFixed(0)} ms (CPU ${cli1000.cpuMs.toFixed(0)} ms, peak RSS ${cli1000.rssMb.toFixed(0)} MB); headless Chromium, launch to exit, ${chromium.ms.toFixed(0)} ms: ${(chromium.ms / cli1000.ms).toFixed(1)}x  [target ≥ 5x]`);

  const tenThousand = timed(bundled(ordersFile(10_000)));
  console.log('3. 10 000 labels through the CLI');
  console.log(`   ${tenThousand.ms.toFixed(0)} ms (CPU ${tenThousand.cpuMs.toFixed(0)} ms), peak RSS ${tenThousand.rssMb.toFixed(0)} MB  [target ≤ 150 MB]`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
