import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../../playwright.config.ts';
import { missingTools, pdfToPngs, zbarDecode } from '../support/system-tools.ts';
import { startServe, startSimulator, type RunningProcess, type SimulatorInfo } from './station-processes.ts';

/**
 * The operator's day, in Debian's Chromium, against the real `serve` + the simulator over HTTP +
 * a PDF-folder printer whose pages are counted with poppler.
 */
const missing = [...missingTools('pdfinfo', 'pdftoppm', 'zbarimg'), ...(existsSync(chromiumPath) ? [] : [chromiumPath])];
if (missing.includes(chromiumPath)) {
  const message = `Chromium missing at ${chromiumPath}`;
  if (process.env.CI === 'true') throw new Error(`${message}: CI must have it`);
  console.warn(`\n!!! SKIPPING e2e: ${message} !!!\n`);
}

test.describe.configure({ mode: 'serial' });
test.skip(missing.length > 0, `missing: ${missing.join(', ')}`);

const shots = 'test-results/screenshots';
let sim: RunningProcess & { info: SimulatorInfo };
let serve: RunningProcess & { url: string; origin: string };
let dataDir: string;
let labelsDir: string;

const serveArgs = () => ['--api', sim.info.baseUrl, '--user', sim.info.userId, '--printer', `pdf-dir:${labelsDir}`, '--data-dir', dataDir];

interface SimBatch {
  processed: string;
  totalLabels: number;
  printStatus: number;
}

async function simBatches(): Promise<SimBatch[]> {
  return (await fetch(`${sim.info.adminUrl}/batches`)).json() as Promise<SimBatch[]>;
}

async function printOrderCalls(): Promise<number> {
  const calls = (await (await fetch(`${sim.info.adminUrl}/calls`)).json()) as Array<{ call: string | null }>;
  return calls.filter((c) => c.call === 'print_order').length;
}

/** What a scanner reads off every label that landed: each PDF rasterised at 203 dpi, then zbar. */
function scannedCodes(): string[] {
  const pngDir = mkdtempSync(join(tmpdir(), 'ls-e2e-png-'));
  try {
    return readdirSync(labelsDir)
      .filter((f) => f.endsWith('.pdf'))
      .flatMap((f, i) => pdfToPngs(join(labelsDir, f), join(pngDir, `label-${i}`)))
      .flatMap((png) => zbarDecode(png));
  } finally {
    rmSync(pngDir, { recursive: true, force: true });
  }
}

function labelPages(): number {
  return readdirSync(labelsDir)
    .filter((f) => f.endsWith('.pdf'))
    .reduce((sum, f) => sum + Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(labelsDir, f)], { encoding: 'utf8' }))?.[1] ?? 0), 0);
}

const row = (page: Page, processed: string) => page.locator(`[data-testid=batch-row][data-processed="${processed}"]`);

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ls-e2e-data-'));
  labelsDir = mkdtempSync(join(tmpdir(), 'ls-e2e-labels-'));
  sim = await startSimulator();
  serve = await startServe([...serveArgs(), '--poll', '2'], sim.info.token);
});

test.afterAll(async () => {
  await serve?.stop();
  await sim?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(labelsDir, { recursive: true, force: true });
});

test('without the access token the station answers 401 and the page says how to get in', async ({ page }) => {
  const response = await fetch(`${serve.origin}/api/getState`, { method: 'POST', body: '{}' });
  expect(response.status).toBe(401);
  const wrong = await fetch(`${serve.origin}/api/getState`, { method: 'POST', body: '{}', headers: { authorization: 'Bearer guess' } });
  expect(wrong.status).toBe(401);
  await page.goto(`${serve.origin}/`);
  await expect(page.getByRole('alert')).toContainText('label-station serve');
});

test('the operator sees the batches, prints one and watches it reach done as the labels arrive', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 600 });
  await page.goto(serve.url);
  await expect(page.getByTestId('batch-row').first()).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveText('API tersambung');
  await page.screenshot({ path: `${shots}/batches-1024x600.png` });

  const target = (await simBatches()).find((b) => b.printStatus === 0);
  if (!target) throw new Error('the simulator has no unprinted batch');
  await expect(row(page, target.processed).getByText('Belum pernah dicetak')).toBeVisible();
  const token = new URLSearchParams(new URL(serve.url).hash.slice(1)).get('token') ?? '';
  const batchOrders = (await (
    await fetch(`${serve.origin}/api/getBatchOrders`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ processed: target.processed }) })
  ).json()) as { awb: string | null }[];
  await row(page, target.processed).getByRole('button', { name: 'Cetak', exact: true }).click();
  if (batchOrders.some((o) => o.awb === null)) {
    const warning = page.getByRole('dialog', { name: 'Ada pesanan tanpa AWB' });
    await expect(warning).toContainText(`${batchOrders.filter((o) => o.awb === null).length} dari ${target.totalLabels} pesanan`);
    await warning.getByRole('button', { name: 'Tetap cetak' }).click();
  }
  await expect(row(page, target.processed).getByText('Selesai')).toBeVisible();
  await expect(row(page, target.processed).getByText(`${target.totalLabels}/${target.totalLabels}`)).toBeVisible();
  expect(labelPages()).toBe(target.totalLabels);
  expect((await simBatches()).find((b) => b.processed === target.processed)?.printStatus).toBe(1);
  await page.screenshot({ path: `${shots}/printed-1024x600.png` });

  await row(page, target.processed).getByRole('button', { name: /\d{2}:\d{2}:\d{2}/ }).click();
  const orders = page.getByRole('table', { name: /Pesanan dalam batch/ });
  await expect(orders.getByRole('row')).toHaveCount(target.totalLabels + 1);
  await page.screenshot({ path: `${shots}/batch-orders-1024x600.png` });
  await page.getByRole('button', { name: 'Daftar ambil' }).click();
  const pickList = page.getByRole('region', { name: 'Daftar ambil' });
  await expect(pickList.getByRole('row').nth(1)).toBeVisible();
  await page.screenshot({ path: `${shots}/pick-list-1024x600.png` });
  await page.getByRole('button', { name: 'Daftar ambil' }).click();
  // An order carrying its marketplace label prints that label (its own AWB), not ours.
  const ours = orders.locator('tbody tr').filter({ hasNotText: 'label marketplace' });
  const awbs = (await ours.locator('td:nth-child(3)').allInnerTexts()).filter((awb) => awb !== 'AWB kosong');
  expect(awbs.length).toBeGreaterThan(0);
  const scanned = scannedCodes();
  for (const awb of awbs) expect(scanned).toContain(awb);
  const supplied = await orders.locator('tbody tr').filter({ hasText: 'label marketplace' }).count();
  expect(scanned.length).toBeGreaterThanOrEqual(awbs.length + supplied);

  await page.getByRole('table', { name: /Pesanan dalam batch/ }).getByRole('button', { name: 'Pratinjau' }).first().click();
  const label = page.getByRole('img', { name: /Label untuk/ });
  await expect(label).toBeVisible();
  expect(await label.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(700);
  await page.screenshot({ path: `${shots}/preview-1024x600.png` });
});

test('a reprint asks first: Cancel prints nothing, Yes prints again', async ({ page }) => {
  await page.goto(serve.url);
  const printed = (await simBatches()).find((b) => b.printStatus === 1);
  if (!printed) throw new Error('no printed batch');
  const before = await printOrderCalls();
  await row(page, printed.processed).getByRole('button', { name: 'Cetak ulang' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cetak ulang batch ini?' });
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: `${shots}/reprint-confirm-1024x600.png` });
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await expect(dialog).toBeHidden();
  expect(await printOrderCalls()).toBe(before);

  await row(page, printed.processed).getByRole('button', { name: 'Cetak ulang' }).click();
  await dialog.getByRole('button', { name: 'Ya, cetak ulang' }).click();
  await expect(row(page, printed.processed).getByText('2 kali')).toBeVisible();
  await expect(row(page, printed.processed).getByText('Selesai')).toBeVisible();
  await expect.poll(async () => (await simBatches()).find((b) => b.processed === printed.processed)?.printStatus).toBe(printed.printStatus + 1);
});

test('with auto-print on, a batch created on the server prints by itself', async ({ page }) => {
  await page.goto(serve.url);
  const autoPrint = page.getByRole('switch', { name: 'Cetak otomatis' });
  // The switch shows the station's state, so it flips when the station answers, not on click.
  await autoPrint.click();
  // It asks first, saying what it will print and what not.
  const question = page.getByRole('dialog', { name: 'Nyalakan cetak otomatis?' });
  await expect(question).toContainText('ke printer utama');
  await question.getByRole('button', { name: 'Ya, nyalakan' }).click();
  await expect(autoPrint).toBeChecked();
  await expect(page.getByText(/batch setelah/)).toBeVisible();
  await expect(page.getByTestId('auto-print-on')).toHaveText(/^CETAK OTOMATIS AKTIF sejak \d{2}:\d{2}$/);
  const pagesBefore = labelPages();
  const created = (await (await fetch(`${sim.info.adminUrl}/batches`, { method: 'POST', body: JSON.stringify({ orders: 2 }) })).json()) as { processed: string };
  await expect(row(page, created.processed)).toBeVisible({ timeout: 20_000 });
  await expect(row(page, created.processed).getByText('Selesai')).toBeVisible({ timeout: 30_000 });
  expect(labelPages()).toBe(pagesBefore + 2);
  expect((await simBatches()).find((b) => b.processed === created.processed)?.printStatus).toBe(1);
  await autoPrint.click();
  await expect(autoPrint).not.toBeChecked();
});

test('a packer scans a whole printed batch with a keyboard-wedge scanner, an unknown code and a repeat included', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 600 });
  const token = new URLSearchParams(new URL(serve.url).hash.slice(1)).get('token') ?? '';
  const call = async <T,>(method: string, input: unknown): Promise<T> =>
    (await (await fetch(`${serve.origin}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(input) })).json()) as T;
  const created = (await (await fetch(`${sim.info.adminUrl}/batches`, { method: 'POST', body: JSON.stringify({ orders: 3 }) })).json()) as { processed: string };
  await expect.poll(async () => (await call<{ processed: string }[]>('listBatches', {})).some((b) => b.processed === created.processed), { timeout: 20_000 }).toBe(true);
  await call('printBatch', { processed: created.processed });
  await expect.poll(async () => (await call<{ processed: string; job: { state: string } | null }[]>('listBatches', {})).find((b) => b.processed === created.processed)?.job?.state, { timeout: 30_000 }).toBe('done');
  const orders = await call<{ invoice: string; awb: string | null; items: { productName: string }[] }[]>('getBatchOrders', { processed: created.processed });

  await page.goto(serve.url);
  await page.getByRole('button', { name: 'Pindai' }).click();
  const field = page.getByLabel('Kode label (AWB atau invoice)');
  await expect(field).toBeFocused();
  await page.getByRole('combobox', { name: 'Batch' }).selectOption(created.processed);
  await field.focus();
  const result = page.getByRole('article', { name: 'Hasil pindai' });
  // A keyboard-wedge scanner types the code and Enter; the field keeps the focus for the next.
  for (const [i, order] of orders.entries()) {
    await page.keyboard.type(order.awb ?? order.invoice);
    await page.keyboard.press('Enter');
    await expect(result.getByRole('status')).toHaveText('Dikemas');
    await expect(result).toContainText(`Dikemas ${i + 1}/3`);
    await expect(result.getByRole('list', { name: 'Isi paket' })).toContainText(order.items[0]?.productName ?? '');
    await expect(field).toBeFocused();
  }
  await page.screenshot({ path: `${shots}/scan-packed-1024x600.png` });
  await page.keyboard.type(orders[0]?.invoice ?? '');
  await page.keyboard.press('Enter');
  await expect(result.getByRole('status')).toContainText('Sudah dikemas pada');
  await page.keyboard.type('TIDAKADA123');
  await page.keyboard.press('Enter');
  await expect(result.getByRole('status')).toHaveText('Kode TIDAKADA123 tidak dikenal: tidak ada label tercetak dengan AWB atau invoice ini');
  await page.screenshot({ path: `${shots}/scan-unknown-1024x600.png` });

  await page.getByRole('button', { name: 'Batch', exact: true }).click();
  await expect(row(page, created.processed).getByText('dikemas 3/3')).toBeVisible();
});

test('an order with HTML in its note shows the text, and nothing runs', async ({ page }) => {
  const note = '<img src=x onerror="window.injected=1"><script>window.injected=2</script><b>PECAH BELAH</b>';
  const invoice = `INV-E2E-${Date.now()}`;
  const order = {
    customer: { name: 'Rina <i>Wati</i>', phone: '628123', address: 'Jl. Mawar 1\r\nBandung', provinceCode: null, cityCode: null, districtCode: null, postCode: null, cityName: 'Bandung' },
    sender: { name: 'Toko', phone: '628000' },
    order: { invoice, courierId: null, courierName: 'JNE', shippingCost: '9000', shopId: null, shopName: 'Toko', awb: null, adminNote: '', customerNote: note, totalCost: 10000, labelImage: null, printType: '2', assign: null },
    details: [{ productId: null, qty: 1, productPrice: 1000, totalPrice: 1000, productName: 'Gelas' }],
  };
  const created = await fetch(`${sim.info.baseUrl}/order/orders/create/${sim.info.userId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sim.info.token}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ data: JSON.stringify(order) }).toString(),
  });
  expect(created.ok).toBe(true);

  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  await page.goto(serve.url);
  await page.getByRole('button', { name: 'Pesanan' }).click();
  await page.getByRole('searchbox').fill(invoice);
  await page.getByRole('button', { name: invoice }).click();
  const details = page.getByRole('complementary', { name: 'Rincian pesanan' });
  await expect(details.getByText(note)).toBeVisible();
  await expect(details.getByText('Rina <i>Wati</i>')).toBeVisible();
  await expect(details.locator('img, script, b, i')).toHaveCount(0);
  expect(await page.evaluate(() => (globalThis as { injected?: number }).injected)).toBeUndefined();
  await page.screenshot({ path: `${shots}/order-details-1024x600.png` });
});

test('settings survive a restart of serve', async ({ page }) => {
  await page.goto(serve.url);
  await page.getByRole('button', { name: 'Pengaturan' }).click();
  await page.getByLabel('Cek batch baru setiap (detik)').fill('1');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Isi angka antara 2 dan 3600 detik')).toBeVisible();
  await page.getByLabel('Cek batch baru setiap (detik)').fill('7');
  await page.getByRole('combobox', { name: 'Bahasa', exact: true }).selectOption('en');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved. In effect now.');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.screenshot({ path: `${shots}/settings-1024x600.png` });

  await serve.stop();
  serve = await startServe(serveArgs(), sim.info.token);
  await page.goto(serve.url);
  await expect(page.getByRole('heading', { name: 'Print batches' })).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('Check for new batches every (seconds)')).toHaveValue('7');
  await expect(page.getByLabel('Token')).toHaveValue('');
  await expect(page.getByLabel('Token')).toHaveAttribute('placeholder', 'Token stored — type to replace it');
});

test('the UI fits a 1920×1080 screen', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(serve.url);
  await expect(page.getByTestId('batch-row').first()).toBeVisible();
  await page.screenshot({ path: `${shots}/batches-1920x1080.png` });
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await page.screenshot({ path: `${shots}/history-1920x1080.png` });
});
