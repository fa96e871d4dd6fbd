import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../../playwright.config.ts';
import { startRawPrinter, type RawPrinter } from '../support/raw-printer.ts';
import { missingTools, pdfToPngs, zbarDecode } from '../support/system-tools.ts';
import { startServe, startSimulator, type RunningProcess, type SimulatorInfo } from './station-processes.ts';

/**
 * The desk's rescue actions in Debian's Chromium, in Bahasa Indonesia at 1024×600, against the
 * real `serve` and simulator: a job stuck on an offline raw printer moved to a PDF-folder printer,
 * and one order's label printed alone. What lands in the folder is counted with poppler and read
 * with zbar.
 */
const missing = [...missingTools('pdfinfo', 'pdftoppm', 'zbarimg'), ...(existsSync(chromiumPath) ? [] : [chromiumPath])];
if (missing.length > 0 && process.env.CI === 'true') throw new Error(`missing ${missing.join(', ')}: CI must have them`);
if (missing.length > 0) console.warn(`\n!!! SKIPPING desk e2e: missing ${missing.join(', ')} !!!\n`);

test.describe.configure({ mode: 'serial' });
test.skip(missing.length > 0, `missing: ${missing.join(', ')}`);

let sim: RunningProcess & { info: SimulatorInfo };
let serve: RunningProcess & { url: string; origin: string };
let counter: RawPrinter;
let dataDir: string;
let labelsDir: string;

interface SimBatch {
  processed: string;
  totalLabels: number;
  printStatus: number;
}

const admin = async <T,>(path: string, body?: unknown): Promise<T> =>
  (await (await fetch(`${sim.info.adminUrl}${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) })).json()) as T;

async function station<T>(method: string, input: unknown): Promise<T> {
  const token = new URLSearchParams(new URL(serve.url).hash.slice(1)).get('token') ?? '';
  const response = await fetch(`${serve.origin}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
  return (await response.json()) as T;
}

const pdfs = () => readdirSync(labelsDir).filter((f) => f.endsWith('.pdf')).sort();
const pagesOf = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(labelsDir, file)], { encoding: 'utf8' }))?.[1] ?? 0);

function codesIn(files: string[]): string[] {
  const pngDir = mkdtempSync(join(tmpdir(), 'ls-desk-png-'));
  try {
    return files.flatMap((f, i) => pdfToPngs(join(labelsDir, f), join(pngDir, `label-${i}`))).flatMap((png) => zbarDecode(png));
  } finally {
    rmSync(pngDir, { recursive: true, force: true });
  }
}

const row = (page: Page, processed: string) => page.locator(`[data-testid=batch-row][data-processed="${processed}"]`);

async function newBatch(page: Page, orders: number): Promise<SimBatch> {
  const created = await admin<{ processed: string }>('/batches', { orders });
  await expect(row(page, created.processed)).toBeVisible({ timeout: 20_000 });
  return { processed: created.processed, totalLabels: orders, printStatus: 0 };
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ls-desk-data-'));
  labelsDir = mkdtempSync(join(tmpdir(), 'ls-desk-labels-'));
  counter = await startRawPrinter();
  // Switched off before the day starts: nothing listens on its port.
  await counter.goOffline();
  sim = await startSimulator();
  const config = join(dataDir, 'station.json');
  writeFileSync(
    config,
    JSON.stringify({
      printers: [
        { id: 'counter', name: 'Meja 1', uri: `escpos://${counter.host}:${counter.port}` },
        { id: 'folder', name: 'Folder PDF', uri: `pdf-dir:${labelsDir}` },
      ],
      defaultPrinterId: 'counter',
    }),
  );
  serve = await startServe(['--api', sim.info.baseUrl, '--user', sim.info.userId, '--config', config, '--data-dir', join(dataDir, 'journal'), '--poll', '2'], sim.info.token);
});

test.afterAll(async () => {
  await serve?.stop();
  await sim?.stop();
  await counter?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(labelsDir, { recursive: true, force: true });
});

test('a job waiting for an offline printer moves to another printer and its labels arrive there', async ({ page }) => {
  await page.goto(serve.url);
  const batch = await newBatch(page, 3);
  await row(page, batch.processed).getByRole('button', { name: 'Cetak', exact: true }).click();
  const noAwb = page.getByRole('dialog', { name: 'Ada pesanan tanpa AWB' });
  if (await noAwb.isVisible()) await noAwb.getByRole('button', { name: 'Tetap cetak' }).click();
  await expect(row(page, batch.processed).getByText('Menunggu', { exact: true })).toBeVisible({ timeout: 30_000 });
  // The status bar names the printer and says its state in words, once the job reports trouble.
  await expect(page.getByTestId('printer-state').filter({ hasText: 'Meja 1' })).toContainText('Mati/terputus');
  expect(pdfs()).toEqual([]);

  const move = row(page, batch.processed).getByRole('button', { name: 'Pindah printer' });
  await move.click();
  const dialog = page.getByRole('dialog', { name: 'Pindahkan tugas ini ke printer lain?' });
  await expect(dialog.getByRole('combobox', { name: 'Printer' })).toHaveValue('folder');
  await page.screenshot({ path: 'test-results/screenshots/move-job-1024x600.png' });
  await dialog.getByRole('button', { name: 'Pindahkan dan cetak' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, batch.processed).getByText('Selesai')).toBeVisible({ timeout: 30_000 });
  await expect(row(page, batch.processed).getByText('Folder PDF')).toBeVisible();
  expect(pdfs().reduce((n, f) => n + pagesOf(f), 0)).toBe(batch.totalLabels);
  const orders = await station<{ awb: string | null }[]>('getBatchOrders', { processed: batch.processed });
  const scanned = codesIn(pdfs());
  for (const { awb } of orders) if (awb) expect(scanned).toContain(awb);
  // Moved, not printed again: the server recorded the print once.
  expect((await admin<SimBatch[]>('/batches')).find((b) => b.processed === batch.processed)?.printStatus).toBe(1);
});

test("one order's label printed from the batch's order list: the folder gets exactly that label, the print count stays", async ({ page }) => {
  await page.goto(serve.url);
  const batch = await newBatch(page, 4);
  const orders = await station<{ orderId: string | null; invoice: string; awb: string | null }[]>('getBatchOrders', { processed: batch.processed });
  const chosen = orders.find((o) => o.awb !== null && o.orderId !== null);
  if (!chosen?.awb) throw new Error('the new batch has no order with an AWB');
  const before = pdfs();

  await page.getByRole('combobox', { name: 'Cetak ke' }).selectOption('folder');
  await row(page, batch.processed).getByRole('button', { name: /\d{2}:\d{2}:\d{2}/ }).click();
  const list = page.getByRole('table', { name: /Pesanan dalam batch/ });
  await list.getByRole('button', { name: `Cetak label ${chosen.invoice}` }).click();
  await expect(list.getByRole('status')).toHaveText('Dikirim ke Folder PDF.');

  await expect.poll(() => pdfs().length, { timeout: 30_000 }).toBe(before.length + 1);
  const added = pdfs().filter((f) => !before.includes(f));
  expect(added.map(pagesOf)).toEqual([1]);
  expect(codesIn(added)).toContain(chosen.awb);
  for (const other of orders) if (other.awb && other !== chosen) expect(codesIn(added)).not.toContain(other.awb);
  expect((await admin<SimBatch[]>('/batches')).find((b) => b.processed === batch.processed)?.printStatus).toBe(0);
});

test('at 1024×600 the auto-print state and every printer are shown whole, in words', async ({ page }) => {
  await page.goto(serve.url);
  await expect(page.getByTestId('batch-row').first()).toBeVisible();
  await page.getByRole('switch', { name: 'Cetak otomatis' }).click();
  const question = page.getByRole('dialog', { name: 'Nyalakan cetak otomatis?' });
  await expect(question).toContainText('ke printer utama Meja 1');
  await question.getByRole('button', { name: 'Ya, nyalakan' }).click();
  const badge = page.getByTestId('auto-print-on');
  await expect(badge).toHaveText(/^CETAK OTOMATIS AKTIF sejak \d{2}:\d{2}$/);
  await page.screenshot({ path: 'test-results/screenshots/auto-print-on-1024x600.png' });

  const whole = async (locator: ReturnType<Page['locator']>) => {
    const box = await locator.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 1024 && (box?.y ?? 0) + (box?.height ?? 0) <= 600).toBe(true);
    expect(await locator.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  };
  await whole(badge);
  await whole(page.getByRole('combobox', { name: 'Bahasa tampilan' }));
  const printers = page.getByTestId('printer-state');
  await expect(printers).toHaveCount(2);
  for (const printer of await printers.all()) await whole(printer);
  await expect(printers.filter({ hasText: 'Folder PDF' })).toContainText('Siap');
  await expect(page.locator('.status-bar')).not.toContainText('escpos://');
  await expect(page.locator('.status-bar')).not.toContainText('pdf-dir:');

  await page.getByRole('switch', { name: 'Cetak otomatis' }).click();
  await expect(badge).toBeHidden();
});
