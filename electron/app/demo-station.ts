import { join } from 'node:path';
import { makeFolder } from '../core/printers/file-modes.ts';
import { createSimulator } from '../simulator/create-simulator.ts';
import type { SettingsPatch, StationApi } from '../shared/station-api.ts';
import { startStation, type AppStation, type StationShell } from './start-station.ts';
import { createSwitchableStation } from './switchable-station.ts';

export interface DemoStation extends AppStation {
  /** Where the demo's `pdf-dir:` printer writes its labels. */
  labelsDir: string;
  /** The simulator's address, as the demo's settings show it. */
  simulatorUrl: string;
}

/** What a UI and a shell hold: the station's API (which may move from the demo to the real one) and how to stop it. */
export interface RunningStation {
  station: StationApi;
  stop(): Promise<void>;
  /** Set while the demo runs. */
  labelsDir?: string;
}

/**
 * A station on the embedded simulator printing to a folder of PDFs: what a newcomer sees
 * before anything is configured. Its journal lives apart from a real station's, in `demo/`.
 */
export async function startDemoStation(shell: StationShell): Promise<DemoStation> {
  // A quarter of the demo's orders carry a marketplace label, so the demo shows supplied labels too.
  const sim = await createSimulator({ port: 0, suppliedShare: 0.25 });
  const dataDir = join(shell.dataDir, 'demo');
  const labelsDir = join(dataDir, 'labels');
  await makeFolder(labelsDir);
  const startup = shell.startup ?? {};
  try {
    const demo = await startStation({
      ...shell,
      dataDir,
      demo: true,
      startup: {
        ...startup,
        settings: { ...startup.settings, apiBaseUrl: sim.baseUrl, userId: sim.userId, token: sim.token, pollSeconds: startup.settings?.pollSeconds ?? 5 },
        printerUri: startup.printerUri ?? `pdf-dir:${labelsDir}`,
      },
    });
    return {
      ...demo,
      labelsDir,
      simulatorUrl: sim.baseUrl,
      stop: async () => {
        await demo.stop();
        await sim.close();
      },
    };
  } catch (error) {
    await sim.close();
    throw error;
  }
}

/** A settings change that points the station at a server of the operator's own. */
function configuresServer(patch: SettingsPatch, demo: DemoStation): boolean {
  return patch.token !== undefined || (patch.apiBaseUrl !== undefined && patch.apiBaseUrl !== demo.simulatorUrl);
}

/**
 * The real station when its data folder has a server configured (address and token), else the
 * demo: a first start shows batches and prints at once, a configured one never sees the demo.
 * When the operator saves a server of their own in the demo's Settings, the real station takes
 * over at once, behind the same API, with those settings.
 */
export async function startStationOrDemo(shell: StationShell): Promise<RunningStation> {
  // Decide before starting, so an unconfigured first start logs nothing about a server it lacks.
  const real = await startStation({ ...shell, autoStart: false });
  const settings = await real.station.getSettings({});
  if (settings.hasToken && settings.apiBaseUrl !== '') {
    real.station.start();
    return real;
  }
  await real.stop();

  const demo = await startDemoStation(shell);
  const switchable = createSwitchableStation(demo);
  let inDemo = true;
  const station: StationApi = {
    ...switchable.api,
    async updateSettings(patch) {
      if (!inDemo || !configuresServer(patch, demo)) return switchable.api.updateSettings(patch);
      // The demo's printers stay behind, so the demo's default printer does too.
      const serverPatch: SettingsPatch = { ...patch };
      delete serverPatch.defaultPrinterId;
      const next = await startStation(shell);
      try {
        const saved = await next.station.updateSettings(serverPatch);
        inDemo = false;
        await switchable.swap(next);
        return saved;
      } catch (error) {
        await next.stop();
        throw error;
      }
    },
  };
  return {
    station,
    get labelsDir() {
      return inDemo ? demo.labelsDir : undefined;
    },
    stop: () => switchable.stop(),
  };
}
