import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../../playwright.config.ts';
import { scanLabels } from '../support/label-scan.ts';
import { decodeTspl } from '../support/printer-decoders.ts';
import { startRawPrinter, type RawPrinter } from '../support/raw-printer.ts';
import { missingTools } from '../support/system-tools.ts';
import { startServe, startSimulator, type RunningProcess, type SimulatorInfo } from './station-processes.ts';

/**
 * A first start at a packing desk, in Chromium at 1024×600 in Bahasa Indonesia: `serve` with
 * nothing configured runs the demo; the operator connects it to a second simulator (its own
 * process, another seller) standing in for the real server, first with a wrong token, then
 * right, and adds a raw TSPL network printer that prints the test page.
 */
const missing = [...missingTools('zbarimg'), ...(existsSync(chromiumPath) ? [] : [chromiumPath])];
test.describe.configure({ mode: 'serial' });
test.skip(missing.length > 0, `missing: ${missing.join(', ')}`);
if (missing.length > 0 && process.env.CI === 'true') throw new Error(`missing: ${missing.join(', ')}: CI must have them`);

const shots = 'test-results/screenshots';
let server: RunningProcess & { info: SimulatorInfo };
let serve: RunningProcess & { url: string; origin: string };
let printer: RawPrinter;
let dataDir: string;

interface SimCall {
  call: string | null;
  status: number;
}

async function summaryCalls(): Promise<SimCall[]> {
  const calls = (await (await fetch(`${server.info.adminUrl}/calls`)).json()) as SimCall[];
  return calls.filter((c) => c.call === 'total_summary');
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ls-e2e-setup-'));
  // Seed 1 is the demo's own data: the "real" server is another seller.
  server = await startSimulator(['--seed', '4242']);
  printer = await startRawPrinter();
  serve = await startServe(['--demo-if-unconfigured', '--data-dir', dataDir, '--poll', '2'], '');
});

test.afterAll(async () => {
  await serve?.stop();
  await server?.stop();
  await printer?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('from the demo to the real server: a wrong token keeps the demo, the right one connects, a printer prints its test page, the server’s batches show', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 600 });
  await page.goto(serve.url);
  const banner = page.getByRole('note').filter({ has: page.getByText('MODE DEMO', { exact: true }) });
  await expect(banner).toBeVisible();
  const demoBatches = await page.getByTestId('batch-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-processed')));
  expect(demoBatches.length).toBeGreaterThan(0);

  // The demo's own simulator refuses its token: an alert of the demo's is showing when the operator connects.
  const token = new URLSearchParams(new URL(serve.url).hash.slice(1)).get('token') ?? '';
  const demoSettings = (await (await fetch(`${serve.origin}/api/getSettings`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' })).json()) as { apiBaseUrl: string };
  await fetch(`${new URL(demoSettings.apiBaseUrl).origin}/__sim/faults`, { method: 'POST', body: JSON.stringify({ route: '*', mode: '401', times: 1000 }) });
  const demoAlert = page.locator('.alert-token-rejected');
  await expect(demoAlert).toBeVisible({ timeout: 20_000 });

  await banner.getByRole('button', { name: 'Hubungkan ke server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Hubungkan ke server' });
  await expect(dialog.getByLabel('Alamat API')).toHaveValue('http://apiv2.mitrabunso.com/public');
  await expect(dialog.getByLabel('Alamat API')).toBeFocused();
  await dialog.getByLabel('Alamat API').fill(server.info.baseUrl);
  await dialog.getByLabel('ID pengguna (36 karakter)').fill(server.info.userId);
  await dialog.getByLabel('Token').fill('token-yang-salah');
  await dialog.getByRole('button', { name: 'Tes sambungan' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Server menolak token ini');
  await page.screenshot({ path: `${shots}/setup-token-rejected-1024x600.png` });
  // The test asked the server itself, with those values, and nothing moved.
  expect((await summaryCalls()).map((c) => c.status)).toEqual([401]);
  await expect(dialog.getByRole('button', { name: 'Pakai server ini' })).toBeDisabled();
  await dialog.getByText('Detail').click();
  await expect(dialog.getByRole('alert')).toContainText('{id_user}');
  await expect(dialog.getByRole('alert')).not.toContainText(server.info.userId);
  await expect(banner).toBeVisible();

  await dialog.getByLabel('Token').fill(server.info.token);
  await dialog.getByRole('button', { name: 'Tes sambungan' }).click();
  const summary = (await (await fetch(`${server.info.baseUrl}/order/orders/total_summary/${server.info.userId}`, { headers: { authorization: `Bearer ${server.info.token}` } })).json()) as {
    data: Record<string, number | string>;
  };
  await expect(dialog.getByRole('status')).toHaveText(
    `Sambungan berhasil: ${summary.data.NEW} baru · ${summary.data.PROCESSED} diproses · ${summary.data.SENT} dikirim · ${summary.data.DRAFT} draf.`,
  );
  await expect(banner).toBeVisible();
  await page.screenshot({ path: `${shots}/setup-passed-1024x600.png` });
  await dialog.getByRole('button', { name: 'Pakai server ini' }).click();

  await expect(dialog.getByRole('heading', { name: 'Tambah printer' })).toBeVisible();
  await expect(banner).toBeHidden();
  await expect(demoAlert).toBeHidden();
  // The demo's PDF-folder printer stayed with the demo.
  await expect(dialog.getByText('Belum ada printer.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Tambah printer jaringan' }).click();
  const form = dialog.getByRole('form', { name: 'Tambah printer' });
  await form.getByLabel('Nama').fill('Meja 1');
  await form.getByLabel('Jenis printer').selectOption('tspl-net');
  await form.getByLabel('Alamat IP printer').fill(printer.host);
  await form.getByLabel('Port').fill(String(printer.port));
  await form.getByRole('button', { name: 'Simpan' }).click();
  const entry = dialog.getByRole('listitem').filter({ hasText: 'Meja 1' });
  await expect(entry).toBeVisible();
  await entry.getByRole('button', { name: 'Halaman uji' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Halaman uji dikirim.');
  await page.screenshot({ path: `${shots}/setup-printer-1024x600.png` });
  // What the printer received is the test page: its barcode scans off the decoded bitmap.
  const pages = printer.received().flatMap((bytes) => decodeTspl(bytes));
  expect(pages).toHaveLength(1);
  expect(scanLabels(pages).flat()).toContain('TEST-203DPI');
  await dialog.getByRole('button', { name: 'Selesai' }).click();
  await expect(dialog).toBeHidden();

  // The batch list is the real server's now, not the demo's.
  const expected = ((await (await fetch(`${server.info.adminUrl}/batches`)).json()) as { processed: string }[]).map((b) => b.processed);
  await expect.poll(async () => (await page.getByTestId('batch-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-processed')))).sort()).toEqual([...expected].sort());
  expect(expected.some((processed) => !demoBatches.includes(processed))).toBe(true);
  await expect(page.getByTestId('connection')).toHaveText('API tersambung');
  await page.screenshot({ path: `${shots}/setup-connected-batches-1024x600.png` });
});

test('the connection is remembered across a restart, and forgetting it goes back to the demo', async ({ page }) => {
  await serve.stop();
  serve = await startServe(['--demo-if-unconfigured', '--data-dir', dataDir, '--poll', '2'], '');
  await page.goto(serve.url);
  await expect(page.getByTestId('batch-row').first()).toBeVisible();
  await expect(page.getByRole('note').filter({ has: page.getByText('MODE DEMO', { exact: true }) })).toHaveCount(0);

  await page.getByRole('button', { name: 'Pengaturan' }).click();
  await expect(page.getByLabel('Alamat API')).toHaveValue(server.info.baseUrl);
  await page.getByRole('button', { name: 'Lupakan server ini' }).click();
  await page.getByRole('dialog', { name: 'Lupakan server ini?' }).getByRole('button', { name: 'Ya, lupakan' }).click();
  await expect(page.getByRole('note').filter({ has: page.getByText('MODE DEMO', { exact: true }) })).toBeVisible();
  await expect(page.getByLabel('Alamat API')).toHaveCount(0);
});
