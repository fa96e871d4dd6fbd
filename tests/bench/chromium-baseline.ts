/**
 * The baseline the label benches measure against: the labels an Electron developer would
 * otherwise write, as HTML with bwip-js SVG barcodes, printed to one PDF by headless Chromium.
 */
import type { LabelToRender } from '../../electron/core/labels/index.ts';
import { formatRupiah } from '../../electron/core/labels/label-format.ts';

export const chromiumPath = '/usr/lib/chromium/chromium';

export interface ChromiumRun {
  /** From the labels to the PDF bytes; with `withLaunch`, from before the browser starts to after it quit. */
  ms: number;
  bytes: number;
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

/**
 * Loaded only by the benches' parent process: an engine child must not pay for them in its RSS.
 * `withLaunch` times the whole thing a one-off job pays (start the browser, print, quit); without
 * it the browser is already up, as in an Electron app.
 */
export async function chromiumRun(labels: readonly LabelToRender[], withLaunch = false): Promise<ChromiumRun> {
  const { chromium } = await import('playwright-core');
  const bwipModule: object = await import('bwip-js/node');
  const bwipjs = (Reflect.get(bwipModule, 'default') ?? bwipModule) as Bwip;
  const launchedAt = performance.now();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  let start = launchedAt;
  let printedAt: number;
  let bytes: number;
  try {
    const page = await browser.newPage();
    if (!withLaunch) start = performance.now();
    const body = labels.map((label) => htmlLabel(bwipjs, label)).join('');
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>${body}</body></html>`);
    bytes = (await page.pdf({ width: '100mm', height: '150mm', printBackground: true, preferCSSPageSize: true })).length;
    printedAt = performance.now();
  } finally {
    await browser.close();
  }
  return { ms: (withLaunch ? performance.now() : printedAt) - start, bytes };
}
