import { parseArgs } from 'node:util';
import { labelTemplateIdSchema } from '../../shared/printer-profile.ts';
import { UsageError, type CliCommand } from '../cli-command.ts';
import { startHeadlessStation } from '../headless-station.ts';

const help = `Usage: label-station run [options]

Runs the station without a window: polls the order server, prints batches (auto-print when on),
and resumes unfinished jobs from its journal. Logs are JSON lines on stdout.
SIGTERM or SIGINT lets the label in flight finish, then exits; the next start carries on.

Options:
  --config FILE       JSON settings (apiBaseUrl, userId, printer, template, printers, pollSeconds,
                      autoPrint, autoPrintCutoff, dataDir); flags override it
  --api URL           the order API's base URL, e.g. https://apiv2.example.com/public
  --user ID           the 36-character user id
  --printer URI       system:NAME, escpos://HOST:PORT, tspl://HOST:PORT, zpl://HOST:PORT or pdf-dir:FOLDER
  --template ID       100x150 (default), 100x100, a6, a4-4up, 80mm
  --data-dir DIR      where the journal lives (default ~/.local/share/label-station)
  --poll SECONDS      how often to ask for new batches (default 10)
  --auto-print        print every new batch once, from now on

The API token is read from the LABEL_STATION_TOKEN environment variable (or the one stored
earlier), never from a flag: a flag would show in the process list.

Example:
  LABEL_STATION_TOKEN=… label-station run --api https://apiv2.example.com/public \\
    --user 0c6f…-…  --printer tspl://192.168.1.50:9100 --auto-print`;

function parseRunArgs(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        config: { type: 'string' },
        api: { type: 'string' },
        user: { type: 'string' },
        printer: { type: 'string' },
        template: { type: 'string' },
        'data-dir': { type: 'string' },
        poll: { type: 'string' },
        'auto-print': { type: 'boolean' },
        token: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.token !== undefined) throw new UsageError('the token is never a flag (it would show in the process list): set LABEL_STATION_TOKEN');
  const template = values.template === undefined ? undefined : labelTemplateIdSchema.safeParse(values.template);
  if (template && !template.success) throw new UsageError(`unknown template "${values.template}": use 100x150, 100x100, a6, a4-4up or 80mm`);
  const poll = values.poll === undefined ? undefined : Number(values.poll);
  if (poll !== undefined && !(poll >= 2 && poll <= 3600)) throw new UsageError('--poll takes a number of seconds between 2 and 3600');
  return {
    configFile: values.config,
    apiBaseUrl: values.api,
    userId: values.user,
    printerUri: values.printer,
    template: template?.data,
    dataDir: values['data-dir'],
    pollSeconds: poll,
    autoPrint: values['auto-print'],
  };
}

export const runCommand: CliCommand = {
  help,
  async run(argv) {
    const headless = await startHeadlessStation(parseRunArgs(argv));
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), level: 'info', message: `${signal}: finishing the label in flight, then stopping` })}\n`);
    await headless.stop();
    return 0;
  },
};
