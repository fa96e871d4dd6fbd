/**
 * `npm run bench:labels`: the label engine's PDF throughput and memory against the baseline an
 * Electron developer would otherwise write (the same labels as HTML with SVG barcodes, printed to
 * PDF by headless Chromium in one document). Each engine run is a child process, so its peak RSS
 * is its own. Chromium runs at 1, 100 and 1000 labels only: 10 000 takes it minutes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseOrderRecords } from '../../electron/core/api/parse-orders.ts';
import type { Order } from '../../electron/shared/domain.ts';
import { renderPdf, type LabelToRender } from '../../electron/core/labels/index.ts';
import { chromiumRun } from './chromium-baseline.ts';

const sizes = [1, 100, 1000, 10_000];
const chromiumSizes = new Set([1, 100, 1000]);
const fixtures = parseOrderRecords(JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/orders/label-fixtures.json', import.meta.url)), 'utf8')));

/** Labels cycling through the fixtures, each with its own AWB, invoice and name (no cache helps). */
function* batch(count: number): Generator<LabelToRender> {
  const printedAt = new Date();
  for (let i = 0; i < count; i++) {
    const base = fixtures[i % fixtures.length] as Order;
    const order: Order = {
      ...base,
      awb: base.awb === null ? null : `${base.awb.slice(0, 4)}${String(100_000_000 + i)}`,
      invoice: `INV2026112${String(10_000_000 + i)}`,
      customer: { ...base.customer, name: `${base.customer.name} ${i}` },
    };
    yield { order, meta: { batch: '2026-11-29 08:00:00', index: i + 1, count, printedAt } };
  }
}

interface Run {
  ms: number;
  rssMb: number;
  bytes: number;
}

async function engineRun(count: number): Promise<Run> {
  const start = performance.now();
  let bytes = 0;
  for await (const chunk of renderPdf(batch(count), { template: '100x150', dpi: 203 })) bytes += (chunk as Buffer).length;
  return { ms: performance.now() - start, rssMb: process.resourceUsage().maxRSS / 1024, bytes };
}

function inChild(count: number): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(count)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Run;
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt >= 0) {
    console.log(JSON.stringify(await engineRun(Number(process.argv[childAt + 1]))));
    return;
  }
  const pad = (s: string | number, n = 12): string => String(s).padStart(n);
  console.log(`label engine vs headless Chromium, template 100x150 at 203 dpi (${fixtures.length} fixture orders cycled)`);
  console.log(['labels', 'engine ms', 'ms/label', 'labels/s', 'peak RSS MB', 'PDF MB', 'chromium ms', 'chr ms/label', 'speed-up'].map((h) => pad(h)).join(''));
  for (const count of sizes) {
    const ours = inChild(count);
    const base = chromiumSizes.has(count) ? await chromiumRun([...batch(count)]) : null;
    console.log([
      count, ours.ms.toFixed(0), (ours.ms / count).toFixed(2), ((count * 1000) / ours.ms).toFixed(0), ours.rssMb.toFixed(0), (ours.bytes / 1e6).toFixed(2),
      base ? base.ms.toFixed(0) : 'skipped', base ? (base.ms / count).toFixed(2) : '-', base ? `${(base.ms / ours.ms).toFixed(1)}x` : '-',
    ].map((v) => pad(v)).join(''));
  }
  console.log('Chromium is not run at 10 000 labels: one document that size takes it minutes and gigabytes.');
}

await main();
