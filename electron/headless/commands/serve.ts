import { makeFolder } from '../../core/printers/file-modes.ts';
import { UsageError, type CliCommand } from '../cli-command.ts';
import { startDemoStation, startStationOrDemo, type RunningStation } from '../../app/demo-station.ts';
import { startStation } from '../../app/start-station.ts';
import { defaultDataDir, headlessShell, type HeadlessStationOptions } from '../headless-station.ts';
import { startHttpTransport } from '../http-transport.ts';
import { takeEnvSecret } from '../env-secrets.ts';
import { parseCommandLine, stationArgOptions, stationArgsHelp, stationOptionsFromArgs } from './station-args.ts';

const help = `Usage: label-station serve [--port N] [--demo] [options of run]

Runs the station (as \`run\` does) and serves its window as a web page on this machine only
(127.0.0.1): open the printed address in a browser. The address carries a random access
token; without it the station answers 401.

Options:
  --port N            port of the web UI (default 7450; 0 picks a free one)
  --demo              use the embedded order-API simulator and print PDFs to a folder
  --demo-if-unconfigured
                      the demo only while no server address and token are stored (npm start)
${stationArgsHelp}

The API token comes from LABEL_STATION_TOKEN or the settings page, never from a flag.
The web UI's access token is random per start; a kiosk whose browser must survive restarts of
serve sets its own in LABEL_STATION_UI_TOKEN (at least 32 characters).

Example:
  label-station serve --demo --port 0`;

interface ServeArgs {
  port: number;
  /** A fixed access token for the web UI; random when absent. */
  accessToken?: string;
  demo: 'always' | 'if-unconfigured' | 'never';
  station: HeadlessStationOptions;
}

export function parseServeArgs(argv: string[], env: Record<string, string | undefined> = process.env): ServeArgs {
  const values = parseCommandLine(argv, {
    ...stationArgOptions,
    port: { type: 'string' },
    demo: { type: 'boolean' },
    'demo-if-unconfigured': { type: 'boolean' },
  });
  const station = stationOptionsFromArgs(values);
  const port = values.port === undefined ? 7450 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number from 0 to 65535, got "${values.port}"`);
  const accessToken = takeEnvSecret(env, 'LABEL_STATION_UI_TOKEN');
  if (accessToken !== undefined && accessToken.length < 32) throw new UsageError('LABEL_STATION_UI_TOKEN must have at least 32 characters: it is all that guards the station');
  return {
    port,
    ...(accessToken ? { accessToken } : {}),
    demo: values.demo ? 'always' : values['demo-if-unconfigured'] ? 'if-unconfigured' : 'never',
    station,
  };
}

function announce(message: string): void {
  process.stderr.write(`${message}\n`);
}

export const serveCommand: CliCommand = {
  help,
  async run(argv, context) {
    const args = parseServeArgs(argv);
    const staticDir = await context.rendererDir();
    const dataDir = args.station.dataDir ?? defaultDataDir(process.env);
    await makeFolder(dataDir);
    const start = { always: startDemoStation, 'if-unconfigured': startStationOrDemo, never: startStation }[args.demo];
    const headless: RunningStation = await start(headlessShell({ ...args.station, dataDir }, context.assetsDir));
    let transport;
    try {
      transport = await startHttpTransport({ api: headless.station, staticDir, port: args.port, token: args.accessToken });
    } catch (error) {
      await headless.stop();
      throw error;
    }
    if (headless.labelsDir) announce(`DEMO MODE: orders come from the built-in simulator; labels are written to ${headless.labelsDir}`);
    // The only line on stdout that is not a JSON log line: scripts and tests read the address from it.
    process.stdout.write(`Label Station is ready: open ${transport.url}\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGTERM', () => resolve());
      process.once('SIGINT', () => resolve());
    });
    await transport.close();
    await headless.stop();
    return 0;
  },
};
