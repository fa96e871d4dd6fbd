import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../../playwright.config.ts';
import { missingTools } from '../support/system-tools.ts';
import { startServe, startSimulator, type RunningProcess, type SimulatorInfo } from './station-processes.ts';

/**
 * Finding a batch by what is on its labels, and its pick list as the PDF a packer prints, in
 * Chromium at 1024×600 in Bahasa Indonesia against `serve` and the simulator over HTTP.
 */
const missing = [...missingTools('pdftotext'), ...(existsSync(chromiumPath) ? [] : [chromiumPath])];
test.describe.configure({ mode: 'serial' });
test.skip(missing.length > 0, `missing: ${missing.join(', ')}`);
if (missing.length > 0 && process.env.CI === 'true') throw new Error(`missing: ${missing.join(', ')}: CI must have them`);

const shots = 'test-results/screenshots';
let sim: RunningProcess & { info: SimulatorInfo };
let serve: RunningProcess & { url: string; origin: string };
let dataDir: string;
let labelsDir: string;

interface BatchOrder {
  invoice: string;
  awb: string | null;
  customer: { name: string };
  items: { productId: string | null; productName: string; qty: number }[];
}

async function call<T>(method: string, input: unknown): Promise<T> {
  const token = new URLSearchParams(new URL(serve.url).hash.slice(1)).get('token') ?? '';
  const response = await fetch(`${serve.origin}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
  if (!response.ok) throw new Error(`${method} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function newBatch(orders: number): Promise<string> {
  const created = (await (await fetch(`${sim.info.adminUrl}/batches`, { method: 'POST', body: JSON.stringify({ orders }) })).json()) as { processed: string };
  await expect.poll(async () => (await call<{ processed: string }[]>('listBatches', {})).some((b) => b.processed === created.processed), { timeout: 20_000 }).toBe(true);
  return created.processed;
}

const listed = (page: Page) => page.getByTestId('batch-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-processed') ?? ''));

const search = (page: Page, text: string) => page.getByRole('searchbox').fill(text);

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ls-e2e-search-'));
  labelsDir = mkdtempSync(join(tmpdir(), 'ls-e2e-search-labels-'));
  sim = await startSimulator();
  serve = await startServe(['--api', sim.info.baseUrl, '--user', sim.info.userId, '--printer', `pdf-dir:${labelsDir}`, '--data-dir', dataDir, '--poll', '2'], sim.info.token);
});

test.afterAll(async () => {
  await serve?.stop();
  await sim?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(labelsDir, { recursive: true, force: true });
});

test('the search finds a batch by AWB, invoice and recipient, from the journal even when the server cannot answer, and says so when nothing matches', async ({ page }) => {
  const printed = await newBatch(3);
  await call('printBatch', { processed: printed });
  await expect.poll(async () => (await call<{ processed: string; job: { state: string } | null }[]>('listBatches', {})).find((b) => b.processed === printed)?.job?.state, { timeout: 30_000 }).toBe('done');
  const printedOrders = await call<BatchOrder[]>('getBatchOrders', { processed: printed });
  const unprinted = await newBatch(2);
  const unprintedOrders = await call<BatchOrder[]>('getBatchOrders', { processed: unprinted });
  const awb = printedOrders.find((o) => o.awb !== null)?.awb;
  const invoice = unprintedOrders[0]?.invoice;
  const recipient = unprintedOrders[1]?.customer.name;
  if (!awb || !invoice || !recipient) throw new Error('the new batches lack an AWB, an invoice or a recipient');

  await page.goto(serve.url);
  await expect(page.getByTestId('batch-row').first()).toBeVisible();
  const everything = await listed(page);
  expect(everything.length).toBeGreaterThan(2);

  // The list answers the search some time after the box changed: poll what it shows.
  await search(page, awb);
  await expect.poll(() => listed(page)).toEqual([printed]);
  await page.screenshot({ path: `${shots}/search-awb-1024x600.png` });

  // A batch never printed here: only the server's order search knows its invoices.
  await search(page, invoice);
  await expect.poll(() => listed(page)).toEqual([unprinted]);

  await search(page, recipient.toLowerCase());
  const hasRecipient = async (processed: string) =>
    (await call<BatchOrder[]>('getBatchOrders', { processed })).some((o) => o.customer.name.toLowerCase().includes(recipient.toLowerCase()));
  // Every batch listed has an order for that recipient, and the new one is among them.
  await expect
    .poll(async () => {
      const rows = await listed(page);
      return rows.includes(unprinted) && (await Promise.all(rows.map(hasRecipient))).every(Boolean);
    })
    .toBe(true);

  await search(page, 'TIDAK-ADA-ZZZ-999');
  await expect(page.getByText('Tidak ada batch yang cocok dengan “TIDAK-ADA-ZZZ-999”.')).toBeVisible();
  await expect(page.getByText('Belum ada batch')).toHaveCount(0);
  await expect(page.getByTestId('batch-row')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/search-miss-1024x600.png` });

  // The server's order search fails (every try): the labels this station printed still find their batch.
  await fetch(`${sim.info.adminUrl}/faults`, { method: 'POST', body: JSON.stringify({ route: 'list', mode: '500', times: 10 }) });
  await search(page, awb.slice(2));
  await expect.poll(() => listed(page)).toEqual([printed]);
  const calls = (await (await fetch(`${sim.info.adminUrl}/calls`)).json()) as { call: string | null; status: number | null }[];
  expect(calls.some((c) => c.call === 'list' && c.status === 500)).toBe(true);
  await fetch(`${sim.info.adminUrl}/reset`, { method: 'POST' });

  await page.getByRole('searchbox').fill('');
  await expect.poll(async () => (await listed(page)).length).toBeGreaterThan(2);
});

/** Each product line of the PDF's text: its name, then its summed quantity and its number of orders. */
function pickListLines(text: string, names: readonly string[]): Map<string, { qty: number; orders: number }> {
  const lines = new Map<string, { qty: number; orders: number }>();
  for (const name of names) {
    const line = text.split('\n').find((l) => l.trim().startsWith(name));
    const numbers = line?.slice(line.indexOf(name) + name.length).trim().split(/\s+/).map(Number);
    if (numbers && numbers.length >= 2) lines.set(name, { qty: numbers[0] ?? NaN, orders: numbers[1] ?? NaN });
  }
  return lines;
}

test("a batch's pick list PDF carries the totals of the batch's orders", async ({ page }) => {
  const processed = await newBatch(6);
  const orders = await call<BatchOrder[]>('getBatchOrders', { processed });
  // Summed here from the orders themselves, not from the station's own pick list.
  const expected = new Map<string, { qty: number; orders: number }>();
  for (const order of orders) {
    for (const name of new Set(order.items.map((i) => i.productName))) {
      const line = expected.get(name) ?? { qty: 0, orders: 0 };
      line.qty += order.items.filter((i) => i.productName === name).reduce((sum, i) => sum + i.qty, 0);
      line.orders += 1;
      expected.set(name, line);
    }
  }

  await page.goto(serve.url);
  await page.locator(`[data-testid=batch-row][data-processed="${processed}"]`).getByRole('button', { name: /\d{2}:\d{2}:\d{2}/ }).click();
  await page.getByRole('button', { name: 'Daftar ambil' }).click();
  const panel = page.getByRole('region', { name: 'Daftar ambil' });
  await expect(panel).toContainText(`${expected.size} produk · ${orders.length} pesanan`);
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'PDF A4' }).click();
  const download = await downloading;
  const pdf = join(dataDir, 'pick-list.pdf');
  await download.saveAs(pdf);
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Daftar ambil');
  expect(pickListLines(text, [...expected.keys()])).toEqual(expected);
});
