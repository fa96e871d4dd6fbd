import { parseArgs, type ParseArgsConfig } from 'node:util';
import { labelTemplateIdSchema, printerUriSchema } from '../../shared/printer-profile.ts';
import { UsageError } from '../cli-command.ts';
import type { HeadlessStationOptions } from '../headless-station.ts';
import { parsePoolUrl, PoolUrlError } from '../../core/pool/pool-url.ts';

/** The options `run` and `serve` share: where the station's server, printer and journal are. */
export const stationArgOptions = {
  config: { type: 'string' },
  api: { type: 'string' },
  user: { type: 'string' },
  printer: { type: 'string' },
  template: { type: 'string' },
  'data-dir': { type: 'string' },
  poll: { type: 'string' },
  'auto-print': { type: 'boolean' },
  journal: { type: 'string' },
  'station-name': { type: 'string' },
  'pool-lease': { type: 'string' },
  // Parsed only to refuse it with a reason: a token on the command line shows in the process list.
  token: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export const stationArgsHelp = `  --config FILE       JSON settings (apiBaseUrl, userId, printer, template, printers, pollSeconds,
                      autoPrint, autoPrintCutoff, dataDir); flags override it
  --api URL           the order API's base URL, e.g. https://apiv2.example.com/public
  --user ID           the 36-character user id
  --printer URI       system:NAME, escpos://HOST:PORT, tspl://HOST:PORT, zpl://HOST:PORT or pdf-dir:FOLDER
  --template ID       100x150 (default), 100x100, a6, a4-4up, 80mm
  --data-dir DIR      where the journal lives (default ~/.local/share/label-station)
  --poll SECONDS      how often to ask for new batches (default 10)
  --auto-print        print every new batch once, from now on
  --journal URL       join a pool of stations on PostgreSQL: postgres://user@host:port/db (or
                      LABEL_STATION_JOURNAL_URL); the password only from PGPASSWORD, never in the URL
  --station-name NAME this station's name in the pool (default: the host name)
  --pool-lease SECONDS how long a job stays this station's without a renewal (default 15)`;

/** Parses a command line strictly; a bad one is a UsageError. */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, strict: true, options }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

type StationArgValues = ReturnType<typeof parseCommandLine<typeof stationArgOptions>>;

/** Checks the shared options and turns them into the headless station's options. */
export function stationOptionsFromArgs(values: StationArgValues): HeadlessStationOptions {
  if (values.token !== undefined) throw new UsageError('the token is never a flag (it would show in the process list): set LABEL_STATION_TOKEN');
  const template = values.template === undefined ? undefined : labelTemplateIdSchema.safeParse(values.template);
  if (template && !template.success) throw new UsageError(`unknown template "${values.template}": use 100x150, 100x100, a6, a4-4up or 80mm`);
  const printer = values.printer === undefined ? undefined : printerUriSchema.safeParse(values.printer);
  if (printer && !printer.success) throw new UsageError(`--printer: ${printer.error.issues[0]?.message ?? 'not a printer URI'}`);
  const poll = values.poll === undefined ? undefined : Number(values.poll);
  if (poll !== undefined && !(poll >= 2 && poll <= 3600)) throw new UsageError('--poll takes a number of seconds between 2 and 3600');
  if (values.journal !== undefined) checkPoolUrl(values.journal);
  const stationName = values['station-name'];
  if (stationName !== undefined && !/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u.test(stationName)) {
    throw new UsageError('--station-name takes 1 to 64 letters, digits, spaces, dots, dashes or underscores');
  }
  const lease = values['pool-lease'] === undefined ? undefined : Number(values['pool-lease']);
  if (lease !== undefined && !(lease >= 1 && lease <= 600)) throw new UsageError('--pool-lease takes a number of seconds between 1 and 600');
  return {
    journalUrl: values.journal,
    stationName,
    poolLeaseSeconds: lease,
    configFile: values.config,
    apiBaseUrl: values.api,
    userId: values.user,
    printerUri: printer?.data,
    template: template?.data,
    dataDir: values['data-dir'],
    pollSeconds: poll,
    autoPrint: values['auto-print'],
  };
}

/** The pool's address is checked here, at the edge; its message never repeats the URL. */
export function checkPoolUrl(url: string): void {
  try {
    parsePoolUrl(url);
  } catch (error) {
    if (error instanceof PoolUrlError) throw new UsageError(`--journal: ${error.message}`);
    throw error;
  }
}
