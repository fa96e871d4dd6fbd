import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrderApiClient } from '../../../electron/core/api/order-api-client.ts';
import { renderPng } from '../../../electron/core/labels/index.ts';
import { discoverPrinters, openPrinter } from '../../../electron/core/printers/index.ts';
import { createStation } from '../../../electron/core/station/create-station.ts';
import type { Station } from '../../../electron/core/station/station.ts';
import { createKeyFileSecretStore } from '../../../electron/core/station/key-file-secret-store.ts';
import type { StationOptions } from '../../../electron/core/station/station-options.ts';
import type { JobView } from '../../../electron/shared/station-api.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import { scanLabels } from '../../support/label-scan.ts';
import { decodeEscPos } from '../../support/printer-decoders.ts';
import { startRawPrinter, type RawPrinter } from '../../support/raw-printer.ts';

/** Short retries so fault tests take seconds; the policies are the real ones otherwise. */
export const fastBackoff = { poll: { baseMs: 100, capMs: 400, jitter: 0.5 }, job: { baseMs: 100, capMs: 400, jitter: 0.5 }, printer: { baseMs: 100, capMs: 400, jitter: 0.5 } };

export interface StationRig {
  sim: Simulator;
  printer: RawPrinter;
  printerUri: string;
  dataDir: string;
  station: Station;
  /** Restarts the station on the same journal (a new process would do the same). */
  restart(): Promise<Station>;
  close(): Promise<void>;
}

export async function startStationRig(overrides: Partial<StationOptions> = {}): Promise<StationRig> {
  const sim = await createSimulator({ seed: 11, port: 0 });
  const printer = await startRawPrinter();
  const printerUri = `escpos://127.0.0.1:${printer.port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'station-it-'));
  const make = (): Station =>
    createStation({
      dataDir,
      api: (config) => createOrderApiClient({ ...config, timeoutMs: 700, retries: 0 }),
      openPrinter: (profile) => openPrinter(profile, {}, { rawTimeouts: { connectTimeoutMs: 500, statusTimeoutMs: 500, idleTimeoutMs: 2000 } }),
      discoverPrinters: () => discoverPrinters(),
      renderPng: (label, options) => renderPng(label, options),
      secretStore: createKeyFileSecretStore(dataDir),
      pollSeconds: 0.2,
      backoff: fastBackoff,
      ...overrides,
    });
  let station = make();
  await station.updateSettings({ apiBaseUrl: sim.baseUrl, userId: sim.userId, token: sim.token });
  await station.savePrinter({ id: 'raw', name: 'Packing bench', uri: printerUri, template: '100x150', dpi: 203, labelsPerJob: 3 });
  return {
    sim,
    printer,
    printerUri,
    dataDir,
    get station() {
      return station;
    },
    async restart() {
      await station.stop();
      station = make();
      station.start();
      return station;
    },
    async close() {
      await station.stop();
      await printer.stop();
      await sim.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A rig whose station is started and has listed the server's batches once. */
export async function startPolledRig(overrides: Partial<StationOptions> = {}): Promise<StationRig> {
  const rig = await startStationRig(overrides);
  rig.station.start();
  await firstPoll(rig.station);
  return rig;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves once the station's first poll has answered. */
export function firstPoll(station: Station): Promise<boolean> {
  return waitFor('first poll', async () => (await station.getState({})).connection === 'ok');
}

/** A probe for `waitFor`: the station lists the batch. */
export function batchListed(station: Station, processed: string): () => Promise<boolean> {
  return async () => (await station.listBatches({})).some((b) => b.processed === processed);
}

/** The job of a batch once it reached `state`. */
export function jobIn(station: Station, processed: string, state: JobView['state']): () => Promise<JobView | undefined> {
  return async () => (await station.listJobs({ limit: 50 })).find((j) => j.processed === processed && j.state === state);
}

/**
 * Every label the raw printer put on paper, as a scanner reads it: the codes on each. With
 * `skipCut`, a connection cut mid-label (the sender was killed) counts as the half label it is.
 */
export function scanPrintedLabels(printer: RawPrinter, options: { skipCut?: boolean } = {}): string[][] {
  const decode = (bytes: Buffer) => {
    try {
      return decodeEscPos(bytes);
    } catch (error) {
      if (options.skipCut) return [];
      throw error;
    }
  };
  return scanLabels(printer.received().flatMap(decode));
}

/** The `print_status` of each `print_order` call the simulator received for a batch. */
export function printOrderCalls(sim: Simulator, processed: string): number[] {
  const segment = encodeURIComponent(processed);
  return sim
    .calls()
    .filter((c) => c.call === 'print_order' && (c.path.includes(segment) || decodeURIComponent(c.path).includes(processed)))
    .map((c) => Number(c.path.split('?')[0]?.split('/').pop()));
}
