import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../../playwright.config.ts';
import { englishIn } from '../support/english-on-screen.ts';
import { startRawPrinter, type RawPrinter } from '../support/raw-printer.ts';
import { startServe, startSimulator, type RunningProcess, type SimulatorInfo } from './station-processes.ts';

/**
 * Each fault an outside party can cause raises its alert, in Indonesian at 1024×600, and its
 * recovery takes the alert down, with no English on the screen at any point: the simulator's
 * fault routes for the order API, a raw TCP printer switched off and on for the printer.
 */
const missing = existsSync(chromiumPath) ? [] : [chromiumPath];
if (missing.length > 0) {
  const message = `Chromium missing at ${chromiumPath}`;
  if (process.env.CI === 'true') throw new Error(`${message}: CI must have it`);
  console.warn(`\n!!! SKIPPING e2e alerts: ${message} !!!\n`);
}

test.describe.configure({ mode: 'serial' });
test.skip(missing.length > 0, `missing: ${missing.join(', ')}`);
// The client retries a read 3 times with backoff, and the poller backs off 2, 4, 8 s: an alert
// from the third failed poll takes about 20 s to come, its clearing up to 10 more.
test.setTimeout(120_000);
const slow = { timeout: 60_000 };

let sim: RunningProcess & { info: SimulatorInfo };
let serve: RunningProcess & { url: string; origin: string };
let printer: RawPrinter;
let dir: string;

/** Every poll, read or failed, is four calls while it fails (one and three retries), one when it succeeds. */
const failedPolls = (polls: number) => polls * 4;

async function fault(route: string, mode: string, times: number): Promise<void> {
  const response = await fetch(`${sim.info.adminUrl}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ route, mode, times }) });
  expect(response.status).toBe(201);
}

async function stationCall(method: string, input: unknown): Promise<unknown> {
  const token = new URLSearchParams(new URL(serve.url).hash.slice(1)).get('token') ?? '';
  const response = await fetch(`${serve.origin}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
  expect(response.ok, `${method} answered ${response.status}`).toBe(true);
  return response.json();
}

/**
 * Watches the page while a fault is on: every visible text it ever shows must be the operator's
 * language, but for a Detail the operator opened (technical on purpose).
 */
function watchLanguage(page: Page): { check(): Promise<void>; stop(): string[] } {
  const seen: string[] = [];
  let running = true;
  const check = async (): Promise<void> => {
    const details = await page.locator('.operator-detail').allInnerTexts();
    const text = details.reduce((visible, detail) => visible.replace(detail, ''), await page.locator('body').innerText());
    for (const found of englishIn(text, catalogues, [sim.info.userId])) if (!seen.includes(found)) seen.push(found);
  };
  void (async () => {
    while (running) {
      await check().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    check,
    stop: () => {
      running = false;
      return seen;
    },
  };
}

const catalogue = (language: 'id' | 'en'): unknown => JSON.parse(readFileSync(new URL(`../../electron/shared/i18n/${language}.json`, import.meta.url), 'utf8'));
const catalogues = { en: catalogue('en'), id: catalogue('id') };

const alertOf = (page: Page, kind: string) => page.locator(`[data-testid=alert][data-alert-kind="${kind}"]`);

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ls-e2e-alerts-'));
  printer = await startRawPrinter();
  sim = await startSimulator();
  const config = join(dir, 'station.json');
  writeFileSync(
    config,
    JSON.stringify({
      language: 'id',
      printers: [{ id: 'meja-1', name: 'Printer Meja 1', uri: `escpos://127.0.0.1:${printer.port}`, template: '100x150', labelsPerJob: 5 }],
      defaultPrinterId: 'meja-1',
    }),
  );
  serve = await startServe(['--api', sim.info.baseUrl, '--user', sim.info.userId, '--config', config, '--data-dir', join(dir, 'data'), '--poll', '2'], sim.info.token);
});

test.afterAll(async () => {
  await serve?.stop();
  await sim?.stop();
  await printer?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 600 });
  await page.goto(serve.url);
  await expect(page.getByRole('heading', { name: 'Batch cetak' })).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveText('API tersambung', slow);
});

test('the API down (connections dropped): "tidak terjangkau", cleared once the server answers', async ({ page }) => {
  const watch = watchLanguage(page);
  await fault('processed_list', 'reset', failedPolls(3));
  const alert = alertOf(page, 'api-unreachable');
  await expect(alert).toContainText('Server pesanan tidak terjangkau', slow);
  await expect(alert).toContainText('Server pesanan bermasalah');
  await page.screenshot({ path: 'test-results/screenshots/alert-api-down-1024x600.png' });
  // The technical words are there for whoever opens Detail, not before.
  await alert.getByRole('button', { name: 'Detail' }).click();
  await expect(alert.locator('.operator-detail')).toContainText('processed_list/…');
  await expect(alert.locator('.operator-detail')).not.toContainText(sim.info.userId);
  await watch.check();
  await alert.getByRole('button', { name: 'Sembunyikan detail' }).click();
  await expect(alert).toHaveCount(0, slow);
  expect(watch.stop()).toEqual([]);
});

test('a server error: the status in Indonesian, no error page, cleared by the next good answer', async ({ page }) => {
  const watch = watchLanguage(page);
  await fault('processed_list', '500', failedPolls(3));
  const alert = alertOf(page, 'api-unreachable');
  await expect(alert).toContainText('Server pesanan sedang error (500)', slow);
  await expect(page.getByText('Internal Server Error')).toHaveCount(0);
  await expect(alert).toHaveCount(0, slow);
  expect(watch.stop()).toEqual([]);
});

test('a rejected token: the alert stays while refused and goes when a token is accepted', async ({ page }) => {
  const watch = watchLanguage(page);
  await fault('processed_list', '401', 1);
  const alert = alertOf(page, 'token-rejected');
  await expect(alert).toContainText('Token API ditolak server: tempel token baru di Pengaturan', slow);
  await expect(page.getByTestId('connection')).not.toHaveText('API tersambung');
  await stationCall('updateSettings', { token: sim.info.token });
  await expect(alert).toHaveCount(0, slow);
  await expect(page.getByTestId('connection')).toHaveText('API tersambung', slow);
  expect(watch.stop()).toEqual([]);
});

test('bad data: the unreadable row is named as left out, the rest is shown, and the alert goes when the list reads clean', async ({ page }) => {
  const watch = watchLanguage(page);
  await fault('processed_list', 'bad-row', 3);
  const alert = alertOf(page, 'bad-data');
  await expect(alert).toContainText('Server mengirim 1 baris yang tidak terbaca: dilewati, sisanya dipakai', slow);
  await expect(page.getByTestId('batch-row').first()).toBeVisible();
  await expect(alert).toHaveCount(0, slow);
  expect(watch.stop()).toEqual([]);
});

test('a printer switched off: one alert naming it once, updated as it retries, gone when it prints', async ({ page }) => {
  const created = (await (await fetch(`${sim.info.adminUrl}/batches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ orders: 2 }) })).json()) as { processed: string };
  const row = page.locator(`[data-testid=batch-row][data-processed="${created.processed}"]`);
  await expect(row).toBeVisible(slow);
  const rowTop = async () => (await row.boundingBox())?.y;
  const before = await rowTop();
  await printer.goOffline();
  const watch = watchLanguage(page);
  await stationCall('printBatch', { processed: created.processed });
  const alert = alertOf(page, 'printer-offline');
  await expect(alert).toContainText('Printer Meja 1 tidak terjangkau: pastikan menyala dan tersambung', slow);
  await expect(alert).toHaveCount(1);
  await expect(alert.locator('.alert-count')).toBeVisible(slow);
  await expect(row.getByText('Menunggu')).toBeVisible();
  // An alert that comes or goes never moves the row the operator is about to click.
  expect(await rowTop()).toBe(before);
  // One compact line at 1024×600: the OK button is on screen, the line no taller than a button.
  const line = await alert.boundingBox();
  const ok = await alert.getByRole('button', { name: 'Tutup peringatan: Printer tidak siap' }).boundingBox();
  expect(line?.height ?? Number.POSITIVE_INFINITY).toBeLessThan(48);
  expect((ok?.x ?? Number.POSITIVE_INFINITY) + (ok?.width ?? 0)).toBeLessThanOrEqual(1024);
  await page.screenshot({ path: 'test-results/screenshots/alert-printer-offline-1024x600.png' });
  await printer.comeBack();
  await expect(row.getByText('Selesai')).toBeVisible(slow);
  await expect(alert).toHaveCount(0);
  expect(await rowTop()).toBe(before);
  expect(watch.stop()).toEqual([]);
});
