import { join } from 'node:path';
import { makeFolder } from '../core/printers/file-modes.ts';
import { createSimulator } from '../simulator/create-simulator.ts';
import type { Station } from '../core/station/station.ts';
import { OperatorError, operatorMessage } from '../shared/operator-message.ts';
import type { ServerConnection, SettingsPatch, StationApi } from '../shared/station-api.ts';
import { startStation, type AppStation, type StationShell } from './start-station.ts';
import { createSwitchableStation } from './switchable-station.ts';

export interface DemoStation extends AppStation {
  /** Where the demo's `pdf-dir:` printer writes its labels. */
  labelsDir: string;
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
        // The demo's own folder printer goes by a name, not by its path in every row and badge.
        ...(startup.printerUri ? {} : { printerUri: `pdf-dir:${labelsDir}`, printerName: 'PDF demo' }),
      },
    });
    return {
      ...demo,
      station: lockServer(demo.station),
      labelsDir,
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

/** The settings that name a server: the demo keeps its simulator, a server comes in through `connectServer`. */
function namesServer(patch: SettingsPatch): boolean {
  return patch.apiBaseUrl !== undefined || patch.userId !== undefined || patch.token !== undefined;
}

const demoKeepsSimulator = () =>
  new OperatorError(operatorMessage('demo-server-through-setup', {}), 'the demo keeps its simulator: connect a server with "Connect to server" instead of Settings');

/**
 * The demo's own station with its server locked: a token or an address typed into the demo's
 * Settings would otherwise point the simulator's journal and its PDF-folder printer at a real
 * server. `serve --demo` stays the demo; `startStationOrDemo` replaces the server methods.
 */
function lockServer(station: Station): Station {
  return {
    ...station,
    async updateSettings(patch) {
      if (namesServer(patch)) throw demoKeepsSimulator();
      return station.updateSettings(patch);
    },
    connectServer: async () => {
      throw new OperatorError(operatorMessage('demo-only-station', {}), 'this station was started with --demo and stays on its simulator: start it without --demo to connect a server');
    },
    disconnectServer: () => station.getSettings({}),
  };
}

/**
 * The real station when its data folder has a server configured (address and token), else the
 * demo: a first start shows batches and prints at once, a configured one never sees the demo.
 * The demo leaves for a server only through `connectServer`, whose test must pass first; the
 * real station starts on its own journal (none of the demo's printers, jobs or alerts), behind
 * the same API. `disconnectServer` forgets the server and brings the demo back.
 */
export async function startStationOrDemo(shell: StationShell): Promise<RunningStation> {
  // Decide before starting, so an unconfigured first start logs nothing about a server it lacks.
  const real = await startStation({ ...shell, autoStart: false });
  const settings = await real.station.getSettings({});
  let demo: DemoStation | null = null;
  if (settings.hasToken && settings.apiBaseUrl !== '') {
    real.station.start();
  } else {
    await real.stop();
    demo = await startDemoStation(shell);
  }
  const switchable = createSwitchableStation(demo ?? real);

  const connectFromDemo = async (from: DemoStation, server: ServerConnection) => {
    const carried = await from.station.getSettings({});
    const next = await startStation({ ...shell, autoStart: false });
    try {
      // The station that will keep the server is the one that tests it, so nothing is stored on a failed test.
      const connected = await next.station.connectServer(server);
      if (!connected.test.ok) {
        await next.stop();
        return { test: connected.test, settings: carried };
      }
      const saved = await next.station.updateSettings({ language: carried.language, alertSound: carried.alertSound });
      next.station.start();
      demo = null;
      await switchable.swap(next);
      return { test: connected.test, settings: saved };
    } catch (error) {
      await next.stop();
      throw error;
    }
  };

  // One move at a time: a second click must find the station the first one left, not start another on the same journal.
  let moving: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(move: () => Promise<T>): Promise<T> => {
    const next = moving.then(move, move);
    moving = next.catch(() => undefined);
    return next;
  };

  const disconnect = async () => {
    if (demo) return demo.station.getSettings({});
    const { language, alertSound } = await switchable.api.disconnectServer({});
    const back = await startDemoStation(shell);
    try {
      await back.station.updateSettings({ language, alertSound });
      await switchable.swap(back);
    } catch (error) {
      await back.stop();
      throw error;
    }
    demo = back;
    return back.station.getSettings({});
  };

  const station: StationApi = {
    ...switchable.api,
    connectServer: (server) => oneAtATime(() => (demo ? connectFromDemo(demo, server) : switchable.api.connectServer(server))),
    disconnectServer: () => oneAtATime(disconnect),
  };
  return {
    station,
    get labelsDir() {
      return demo?.labelsDir;
    },
    stop: () => switchable.stop(),
  };
}
