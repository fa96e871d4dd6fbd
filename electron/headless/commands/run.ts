import type { CliCommand } from '../cli-command.ts';
import { startHeadlessStation } from '../headless-station.ts';
import { parseCommandLine, stationArgOptions, stationArgsHelp, stationOptionsFromArgs } from './station-args.ts';

const help = `Usage: label-station run [options]

Runs the station without a window: polls the order server, prints batches (auto-print when on),
and resumes unfinished jobs from its journal. Logs are JSON lines on stdout.
SIGTERM or SIGINT lets the label in flight finish, then exits; the next start carries on.

Options:
${stationArgsHelp}

The API token is read from the LABEL_STATION_TOKEN environment variable (or the one stored
earlier), never from a flag: a flag would show in the process list.

Example:
  LABEL_STATION_TOKEN=… label-station run --api https://apiv2.example.com/public \\
    --user 0c6f…-…  --printer tspl://192.168.1.50:9100 --auto-print`;

export const runCommand: CliCommand = {
  help,
  async run(argv, context) {
    const headless = await startHeadlessStation(stationOptionsFromArgs(parseCommandLine(argv, stationArgOptions)), context.assetsDir);
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), level: 'info', message: `${signal}: finishing the label in flight, then stopping` })}\n`);
    await headless.stop();
    return 0;
  },
};
