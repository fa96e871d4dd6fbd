import type { CliCommand } from '../cli-command.ts';
import { printCommand } from './print.ts';
import { printersCommand } from './printers.ts';
import { renderCommand } from './render.ts';
import { runCommand } from './run.ts';
import { serveCommand } from './serve.ts';
import { simulatorCommand } from './simulator.ts';

/** Every subcommand, in the order `--help` lists them. */
export const commands: CliCommand[] = [runCommand, serveCommand, printCommand, printersCommand, renderCommand, simulatorCommand];
