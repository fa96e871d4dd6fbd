import { UsageError } from './cli-command.ts';
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

export async function main(argv: string[]): Promise<number> {
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
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`label-station ${name}: ${error.message}\nRun \`label-station ${name} --help\` for usage.`);
      return 2;
    }
    console.error(`label-station ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
