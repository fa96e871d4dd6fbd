/** Where the running CLI's files are: the launcher passes them in, a bundle cannot find them by its own path. */
export interface CliContext {
  /** The app's `assets` folder (label fonts, icons). */
  assetsDir: string;
  /** Brings the web UI up to date with its sources (building it if they changed); resolves to the folder to serve. */
  rendererDir(): Promise<string>;
}

/** One `label-station` subcommand: its full help and what it does. */
export interface CliCommand {
  /** Full help: usage line, options, examples. */
  help: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[], context: CliContext): Promise<number>;
}

/**
 * How `--help` lists a command, and how to load it. Commands load on demand so that a light
 * command (the simulator) does not pay for the station, pdfkit and SQLite at start-up.
 */
export interface CommandEntry {
  name: string;
  /** One line for the command list. */
  summary: string;
  load(): Promise<CliCommand>;
}

/** Thrown for a bad command line: the message is shown with a pointer to `--help`. */
export class UsageError extends Error {
  override name = 'UsageError';
}
