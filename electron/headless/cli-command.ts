/** One `label-station` subcommand. Each lives in `commands/`, with its own `--help`. */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help: usage line, options, examples. */
  help: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** Thrown for a bad command line: the message is shown with a pointer to `--help`. */
export class UsageError extends Error {
  override name = 'UsageError';
}
