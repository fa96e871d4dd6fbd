import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createSimulator } from '../simulator/create-simulator.ts';
import { startHeadlessStation, type HeadlessStation, type HeadlessStationOptions } from './headless-station.ts';

export interface DemoStation extends HeadlessStation {
  /** Where the demo's `pdf-dir:` printer writes its labels. */
  labelsDir: string;
}

/**
 * A station on the embedded simulator printing to a folder of PDFs: what a newcomer sees
 * before anything is configured. Its journal lives apart from a real station's, in `demo/`.
 */
export async function startDemoStation(options: HeadlessStationOptions & { dataDir: string }): Promise<DemoStation> {
  const sim = await createSimulator({ port: 0 });
  const dataDir = join(options.dataDir, 'demo');
  const labelsDir = join(dataDir, 'labels');
  await mkdir(labelsDir, { recursive: true });
  try {
    const headless = await startHeadlessStation({
      ...options,
      dataDir,
      apiBaseUrl: sim.baseUrl,
      userId: sim.userId,
      printerUri: options.printerUri ?? `pdf-dir:${labelsDir}`,
      pollSeconds: options.pollSeconds ?? 5,
      env: { ...(options.env ?? process.env), LABEL_STATION_TOKEN: sim.token },
      demo: true,
    });
    return {
      ...headless,
      labelsDir,
      stop: async () => {
        await headless.stop();
        await sim.close();
      },
    };
  } catch (error) {
    await sim.close();
    throw error;
  }
}

/**
 * The real station when its data folder has a server configured (address and token), else the
 * demo: so a first start shows batches and prints at once, and a configured one never sees the demo.
 */
export async function startStationOrDemo(options: HeadlessStationOptions & { dataDir: string }): Promise<HeadlessStation | DemoStation> {
  const real = await startHeadlessStation(options);
  const settings = await real.station.getSettings({});
  if (settings.hasToken && settings.apiBaseUrl !== '') return real;
  await real.stop();
  return startDemoStation(options);
}
