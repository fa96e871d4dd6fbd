import { join } from 'node:path';
import { useLabelFontDir } from '../core/labels/font-dir.ts';
import { UsageError, type CliContext } from './cli-command.ts';
import { cliErrorLine, cliLanguage } from './cli-text.ts';
import { commands } from './commands/index.ts';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: label-station <command> [options]',
    '',
    'Prints shipping labels for the order backend\'s processed batches.',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `label-station <command> --help` for a command\'s options.',
  ].join('\n');
}

/** Runs one command line; resolves to the exit code. `bin/label-station.js` calls it with the paths it knows. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview());
    return name === undefined ? 1 : 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    console.error(`label-station: unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(command.help);
      return 0;
    }
    useLabelFontDir(join(context.assetsDir, 'fonts'));
    return await command.run(rest, context);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`label-station ${name}: ${error.message}\nRun \`label-station ${name} --help\` for usage.`);
      return 2;
    }
    console.error(`label-station ${name}: ${cliErrorLine(error, cliLanguage())}`);
    return 1;
  }
}
