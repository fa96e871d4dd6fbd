import { parseArgs } from 'node:util';
import { discoverPrinters, openPrinter, parsePrinterUri, PrinterError } from '../../core/printers/index.ts';
import type { PrinterStatus } from '../../shared/printer-profile.ts';
import { UsageError, type CliCommand } from '../cli-command.ts';
import { cliPrinterProfile } from './printer-options.ts';

const help = `Usage: label-station printers [URI ...] [--json]

Lists the printers this machine knows (its CUPS queues), one URI per line with its state, then
the state of each printer URI given: network label printers are not scanned for, name them.

Printer URIs:
  system:NAME          a CUPS queue (Linux, macOS) or a Windows printer
  escpos://HOST:PORT   ESC/POS thermal printer on a raw TCP port (default 9100)
  tspl://HOST:PORT     TSPL label printer (TSC, Xprinter)
  zpl://HOST:PORT      ZPL label printer (Zebra)
  pdf-dir:FOLDER       PDF files into a folder

Options:
  --json   one JSON object per printer: {"uri","name","kind","status":{"state","message"}}

Example:
  label-station printers tspl://192.168.1.50:9100`;

const line = (uri: string, status: PrinterStatus): string => `${uri}\t${status.state}\t${status.message}`;

export const printersCommand: CliCommand = {
  help,
  async run(argv) {
    let parsed: { values: { json?: boolean }; positionals: string[] };
    try {
      parsed = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const named = parsed.positionals.map((uri) => {
      try {
        return { uri, kind: parsePrinterUri(uri).kind };
      } catch (error) {
        throw new UsageError(error instanceof PrinterError ? error.message : String(error));
      }
    });
    const found = await discoverPrinters();
    const checked = await Promise.all(
      named.map(async ({ uri, kind }) => ({ uri, name: uri, kind, status: await openPrinter(cliPrinterProfile(uri, {})).status() })),
    );
    const all = [...found, ...checked];
    for (const printer of all) console.log(parsed.values.json ? JSON.stringify(printer) : line(printer.uri, printer.status));
    if (all.length === 0 && !parsed.values.json) console.error('No printers found. Add a CUPS queue, or name a network printer: label-station printers tspl://HOST:9100');
    return 0;
  },
};
