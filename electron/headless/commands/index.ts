import type { CliCommand } from '../cli-command.ts';
import { simulatorCommand } from './simulator.ts';

/** Every subcommand, in the order `--help` lists them. */
export const commands: CliCommand[] = [simulatorCommand];
