import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../electron/core/station/station-options.ts';
import { startStationOrDemo, type RunningStation } from '../../../electron/app/demo-station.ts';
import type { StationShell } from '../../../electron/app/start-station.ts';
import { createKeyFileSecretStore } from '../../../electron/core/station/key-file-secret-store.ts';
import { createSimulator } from '../../../electron/simulator/create-simulator.ts';
import type { Simulator } from '../../../electron/simulator/simulator-types.ts';
import type { StationState } from '../../../electron/shared/station-api.ts';

let running: RunningStation | undefined;
const assetsDir = fileURLToPath(new URL('../../../assets/', import.meta.url));
/** The desktop app's shell on a data folder: nothing asked at start, the token sealed by a key file. */
const shellOn = (dataDir: string): StationShell => ({ dataDir, assetsDir, logger: silentLogger, secretStore: createKeyFileSecretStore });
let server: Simulator | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await running?.stop();
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  running = undefined;
});

describe('demo mode', () => {
  it('starts on the simulator with batches to print when nothing is configured, and stays there for other settings', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ls-demo-'));
    running = await startStationOrDemo(shellOn(dataDir));
    expect((await running.station.getState({})).demo).toBe(true);
    expect(running.labelsDir).toBe(join(dataDir, 'demo', 'labels'));
    const settings = await running.station.getSettings({});
    expect(settings.printers.map((p) => p.uri)).toEqual([`pdf-dir:${join(dataDir, 'demo', 'labels')}`]);

    await running.station.updateSettings({ apiBaseUrl: settings.apiBaseUrl, pollSeconds: 30 });
    expect((await running.station.getState({})).demo).toBe(true);
  });

  it("hands over to the operator's server the moment it is saved, and remembers it", async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ls-demo-'));
    server = await createSimulator({ seed: 7 });
    running = await startStationOrDemo(shellOn(dataDir));
    const demoSettings = await running.station.getSettings({});
    const states: StationState[] = [];
    running.station.on('state', (state) => states.push(state));

    const saved = await running.station.updateSettings({
      apiBaseUrl: server.baseUrl,
      userId: server.userId,
      token: server.token,
      pollSeconds: 10,
      defaultPrinterId: demoSettings.defaultPrinterId,
    });
    expect(saved).toMatchObject({ apiBaseUrl: server.baseUrl, userId: server.userId, hasToken: true, printers: [] });
    expect((await running.station.getState({})).demo).toBe(false);
    expect(states.at(-1)?.demo).toBe(false);
    expect(running.labelsDir).toBeUndefined();
    const expected = server.batches().map((b) => b.processed);
    await vi.waitFor(async () => expect((await running?.station.listBatches({}))?.map((b) => b.processed)).toEqual(expected));

    await running.stop();
    running = await startStationOrDemo(shellOn(dataDir));
    expect((await running.station.getState({})).demo).toBe(false);
    expect((await running.station.getSettings({})).apiBaseUrl).toBe(server.baseUrl);
  });
});
