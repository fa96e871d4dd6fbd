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
import { formatRupiah } from '../../electron/core/labels/label-format.ts';

const sizes = [1, 100, 1000, 10_000];
const chromiumSizes = new Set([1, 100, 1000]);
const chromiumPath = '/usr/lib/chromium/chromium';
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

const escape = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The bwip-js call the baseline uses: SVG barcodes, as an HTML label would embed them. */
interface Bwip {
  toSVG(options: { bcid: string; text: string; height?: number; includetext?: boolean }): string;
}

function htmlLabel(bwipjs: Bwip, { order, meta }: LabelToRender): string {
  const awb = order.awb === null ? '<div class="noawb">NO AWB</div>' : bwipjs.toSVG({ bcid: 'code128', text: order.awb, height: 18, includetext: true });
  const qr = bwipjs.toSVG({ bcid: 'qrcode', text: order.invoice });
  const c = order.customer;
  const items = order.items.slice(0, 12).map((i) => `<li>${i.qty} &times; ${escape(i.productName)}</li>`).join('');
  return `<section><h1>${escape(order.courierName)}</h1><div class="awb">${awb}</div>
<div class="inv"><div><b>INVOICE</b><br><b>${escape(order.invoice)}</b><br>Ongkir ${formatRupiah(order.shippingCost)} Total ${formatRupiah(order.totalCost)}</div><div class="qr">${qr}</div></div>
<div class="to"><b>PENERIMA</b><br><b class="name">${escape(c.name)}</b><br>${escape(c.phone)}<br>${escape(c.address).replace(/\r?\n/g, '<br>')}<br><b>${escape(c.districtName)}, ${escape(c.cityName)}</b><br>${escape(c.provinceName)} ${escape(c.postCode ?? '')}</div>
<div><b>PENGIRIM</b><br>${escape(order.sender.name)} &middot; ${escape(order.sender.phone)} &middot; ${escape(order.shopName)}</div>
<ul>${items}</ul><div>${escape(order.adminNote)} ${escape(order.customerNote)}</div>
<footer>Batch ${meta.batch ?? '-'} &middot; Label ${meta.index}/${meta.count}</footer></section>`;
}

const css = `@page { size: 100mm 150mm; margin: 0 } body { margin: 0; font: 9pt 'DejaVu Sans Condensed', sans-serif }
section { width: 100mm; height: 150mm; padding: 2.5mm; box-sizing: border-box; overflow: hidden; page-break-after: always }
h1 { text-align: center; margin: 0; font-size: 18pt } .awb svg { display: block; margin: 0 auto; height: 22mm }
.inv { display: flex; justify-content: space-between } .qr svg { width: 12mm; height: 12mm } .noawb { background: #000; color: #fff; font-size: 28pt; text-align: center }
.name { font-size: 12pt } ul { margin: 0; padding-left: 4mm } footer { font-size: 7pt; text-align: center }`;

/** Loaded only in the parent: the engine's child process must not pay for them in its RSS. */
async function chromiumRun(count: number): Promise<Run> {
  const { chromium } = await import('playwright-core');
  const bwipModule: object = await import('bwip-js/node');
  const bwipjs = (Reflect.get(bwipModule, 'default') ?? bwipModule) as Bwip;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    // Timed from the labels to the PDF bytes, with the browser already up (as in an Electron app).
    const start = performance.now();
    const body = Array.from(batch(count), (label) => htmlLabel(bwipjs, label)).join('');
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>${body}</body></html>`);
    const pdf = await page.pdf({ width: '100mm', height: '150mm', printBackground: true, preferCSSPageSize: true });
    return { ms: performance.now() - start, rssMb: NaN, bytes: pdf.length };
  } finally {
    await browser.close();
  }
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
    const base = chromiumSizes.has(count) ? await chromiumRun(count) : null;
    console.log([
      count, ours.ms.toFixed(0), (ours.ms / count).toFixed(2), ((count * 1000) / ours.ms).toFixed(0), ours.rssMb.toFixed(0), (ours.bytes / 1e6).toFixed(2),
      base ? base.ms.toFixed(0) : 'skipped', base ? (base.ms / count).toFixed(2) : '-', base ? `${(base.ms / ours.ms).toFixed(1)}x` : '-',
    ].map((v) => pad(v)).join(''));
  }
  console.log('Chromium is not run at 10 000 labels: one document that size takes it minutes and gigabytes.');
}

await main();
