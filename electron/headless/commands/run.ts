import type { StationState } from '../../shared/station-api.ts';
import type { CliCommand } from '../cli-command.ts';
import { startHeadlessStation } from '../headless-station.ts';
import { startWhenThereIsRoom } from '../start-when-room.ts';
import { listenForStopSignal } from '../stop-signal.ts';
import { parseCommandLine, stationArgOptions, stationArgsHelp, stationOptionsFromArgs } from './station-args.ts';

const help = `Usage: label-station run [options]

Runs the station without a window: polls the order server, prints batches (auto-print when on),
and resumes unfinished jobs from its journal. Logs are JSON lines on stdout.
SIGTERM or SIGINT lets the label in flight finish, then exits; the next start carries on.

Options:
${stationArgsHelp}

The API token is read from the LABEL_STATION_TOKEN environment variable (or the one stored
earlier), never from a flag: a flag would show in the process list. If the server rejects it,
the station stays up and waits, printing nothing, until it is stopped: start it again with the
new token in LABEL_STATION_TOKEN (or run \`label-station serve\` and paste it in Settings).
On a full disk it takes no new work, says so, and carries on by itself once there is room.

Example:
  LABEL_STATION_TOKEN=… label-station run --api https://apiv2.example.com/public \\
    --user 0c6f…-…  --printer tspl://192.168.1.50:9100 --auto-print`;

/** What a headless operator can do about a rejected token: there is no Settings page here. */
export const tokenRejectedAdvice =
  'waiting for a new API token: nothing is polled or printed until then. Stop this station (SIGTERM) and start it again with the new token in LABEL_STATION_TOKEN, or run `label-station serve` and paste it in Settings';

const logLine = (level: string, message: string, kind: string): void =>
  void process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), level, message, kind })}\n`);

export const runCommand: CliCommand = {
  help,
  async run(argv, context) {
    const options = stationOptionsFromArgs(parseCommandLine(argv, stationArgOptions));
    const stop = listenForStopSignal();
    try {
      const headless = await startWhenThereIsRoom({ start: () => startHeadlessStation(options, context.assetsDir), stopped: stop.received, log: logLine });
      if (!headless) return 0;
      let rejected = false;
      const onState = (state: StationState): void => {
        if (state.connection === 'token-rejected' && !rejected) logLine('error', tokenRejectedAdvice, 'waiting-for-token');
        rejected = state.connection === 'token-rejected';
      };
      headless.station.on('state', onState);
      onState(await headless.station.getState({}));
      const signal = await stop.received;
      logLine('info', `${signal}: finishing the label in flight, then stopping`, 'stopping');
      await headless.stop();
      return 0;
    } finally {
      stop.cancel();
    }
  },
};
