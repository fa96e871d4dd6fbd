import type { CommandEntry } from '../cli-command.ts';

/** Every subcommand, in the order `--help` lists them. */
export const commands: CommandEntry[] = [
  {
    name: 'run',
    summary: 'Run the station headless: poll, print, auto-print (JSON logs on stdout)',
    load: async () => (await import('./run.ts')).runCommand,
  },
  {
    name: 'serve',
    summary: 'Run the station and serve its window to a browser on this machine',
    load: async () => (await import('./serve.ts')).serveCommand,
  },
  {
    name: 'restore',
    summary: 'Put a backup of the journal in place of a damaged one (the station stopped)',
    load: async () => (await import('./restore.ts')).restoreCommand,
  },
  {
    name: 'print',
    summary: 'Print the labels of an orders file on a printer, confirmed label by label',
    load: async () => (await import('./print.ts')).printCommand,
  },
  {
    name: 'printers',
    summary: 'List the printers found, and the state of printers named by URI',
    load: async () => (await import('./printers.ts')).printersCommand,
  },
  {
    name: 'render',
    summary: 'Render order records as labels (PDF or PNG), without printing',
    load: async () => (await import('./render.ts')).renderCommand,
  },
  {
    name: 'picklist',
    summary: 'Sum the products of an orders file into a pick list (PDF), with parcels per courier',
    load: async () => (await import('./picklist.ts')).picklistCommand,
  },
  {
    name: 'simulator',
    summary: 'Serve a simulator of the order API, for demos and tests',
    load: async () => (await import('./simulator.ts')).simulatorCommand,
  },
];
