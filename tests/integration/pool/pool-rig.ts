import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrderApiClient } from '../../../electron/core/api/order-api-client.ts';
import { renderPng } from '../../../electron/core/labels/index.ts';
import { openPoolDatabase, type PoolTarget } from '../../../electron/core/pool/pool-database.ts';
import { PoolStore } from '../../../electron/core/pool/pool-store.ts';
import { discoverPrinters, openPrinter } from '../../../electron/core/printers/index.ts';
import { createStation } from '../../../electron/core/station/create-station.ts';
import type { Station } from '../../../electron/core/station/station.ts';
import { createKeyFileSecretStore } from '../../../electron/core/station/key-file-secret-store.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { scanLabelsAsync, wholeEscPosLabels } from '../../support/label-scan.ts';
import { startRawPrinter, type RawPrinter } from '../../support/raw-printer.ts';
import { startRewritingProxy, type RewritingProxy } from '../../support/rewriting-proxy.ts';
import { fastBackoff } from '../station/station-rig.ts';

/** One station of a pool, in this process: its own journal, raw printer and view of the server. */
export interface PoolStation {
  name: string;
  station: Station;
  printer: RawPrinter;
  /** Between this station and the simulator: which station called `print_order` is its log. */
  proxy: RewritingProxy;
  stop(): Promise<void>;
}

export async function startPoolStation(name: string, sim: Simulator, target: PoolTarget, options: { leaseMs: number; autoPrint?: boolean }): Promise<PoolStation> {
  const printer = await startRawPrinter();
  const proxy = await startRewritingProxy(sim.baseUrl.replace(/\/public$/, ''));
  const dataDir = mkdtempSync(join(tmpdir(), `pool-${name}-`));
  const store = new PoolStore(await openPoolDatabase(target), { station: name, leaseMs: options.leaseMs });
  const station = createStation({
    dataDir,
    api: (config) => createOrderApiClient({ ...config, timeoutMs: 2000, retries: 0 }),
    openPrinter: (profile) => openPrinter(profile, {}, { rawTimeouts: { connectTimeoutMs: 500, statusTimeoutMs: 500, idleTimeoutMs: 2000 } }),
    discoverPrinters: () => discoverPrinters(),
    renderPng: (label, renderOptions) => renderPng(label, renderOptions),
    secretStore: createKeyFileSecretStore(dataDir),
    pollSeconds: 0.3,
    backoff: fastBackoff,
    pool: { store, tickMs: Math.min(500, options.leaseMs / 3) },
  });
  await station.updateSettings({ apiBaseUrl: proxy.baseUrl, userId: sim.userId, token: sim.token });
  await station.savePrinter({ id: 'raw', name: `${name} printer`, uri: `escpos://127.0.0.1:${printer.port}`, template: '100x150', dpi: 203, labelsPerJob: 1 });
  if (options.autoPrint) await station.setAutoPrint({ enabled: true });
  station.start();
  return {
    name,
    station,
    printer,
    proxy,
    async stop() {
      await station.stop();
      await printer.stop();
      await proxy.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The print_status of each print_order a station's proxy passed on (with its answer's status). */
export function printOrdersThrough(proxy: RewritingProxy): { processed: string; printStatus: number; status: number | null }[] {
  return proxy
    .calls()
    .filter((c) => c.call === 'print_order')
    .map((c) => {
      const segments = (c.path.split('?')[0] ?? '').split('/').map((s) => decodeURIComponent(s));
      return { processed: segments.at(-2) ?? '', printStatus: Number(segments.at(-1)), status: c.status };
    });
}

/** The codes on every whole label a raw printer put on paper. */
export async function scanPrinter(printer: RawPrinter): Promise<string[][]> {
  const labels: string[][] = [];
  for (const bytes of printer.received()) labels.push(...(await scanLabelsAsync(wholeEscPosLabels(bytes))));
  return labels;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
