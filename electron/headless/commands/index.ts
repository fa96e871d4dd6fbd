import type { CliCommand } from '../cli-command.ts';

/** Every subcommand, in the order `--help` lists them. */
export const commands: CliCommand[] = [];
