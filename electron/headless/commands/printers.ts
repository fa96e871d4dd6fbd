import { parseArgs } from 'node:util';
import { discoverPrinters, openPrinter, parsePrinterUri, PrinterError } from '../../core/printers/index.ts';
import type { DiscoveredPrinter, PrinterStatus } from '../../shared/printer-profile.ts';
import { UsageError, type CliCommand } from '../cli-command.ts';
import { cliPrinterProfile } from './printer-options.ts';

const help = `Usage: label-station printers [URI ...] [--json]

Lists the printers this machine knows, one URI per line with its state: its CUPS queues (or
Windows printers) with make and model, port or device, and the label language that suggests (a
guess: print a test page to be sure), and USB printers CUPS sees that have no queue yet. Then
the state of each printer URI given: network label printers are not scanned for, name them.

Printer URIs:
  system:NAME          a CUPS queue (Linux, macOS) or a Windows printer, printed as PDF
  tspl+system:NAME     TSPL, ESC/POS or ZPL sent raw through that queue (a USB label printer)
  escpos+system:NAME
  zpl+system:NAME
  escpos://HOST:PORT   ESC/POS thermal printer on a raw TCP port (default 9100)
  tspl://HOST:PORT     TSPL label printer (TSC, Xprinter)
  zpl://HOST:PORT      ZPL label printer (Zebra)
  pdf-dir:FOLDER       PDF files into a folder

Options:
  --json   one JSON object per printer: {"uri","name","kind","status":{"state","message"},
           "makeAndModel","connection","guessedLanguage","suggestedUris"}

Example:
  label-station printers tspl://192.168.1.50:9100`;

const line = (uri: string, status: PrinterStatus): string => `${uri}\t${status.state}\t${status.message}`;

/** A discovered printer: what it is, how it is connected, the language guessed, what else it can be added as. */
function describeFound(printer: DiscoveredPrinter): string {
  const parts = [
    printer.makeAndModel ? `${printer.makeAndModel}` : undefined,
    printer.guessedLanguage ? `speaks ${printer.guessedLanguage.toUpperCase()}, a guess from its model` : undefined,
    printer.connection && printer.connection !== printer.uri ? `via ${printer.connection}` : undefined,
    printer.kind === 'usb-device' ? 'no queue yet: add it as a label printer in Settings, or lpadmin -p NAME -E -v DEVICE' : printer.status.message,
    printer.suggestedUris && printer.suggestedUris.length > 0 ? `add as ${printer.suggestedUris.slice(0, 2).join(' or ')}` : undefined,
  ];
  return `${printer.uri}\t${printer.status.state}\t${parts.filter((part) => part !== undefined).join(' · ')}`;
}

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
    for (const printer of found) console.log(parsed.values.json ? JSON.stringify(printer) : describeFound(printer));
    for (const printer of checked) console.log(parsed.values.json ? JSON.stringify(printer) : line(printer.uri, printer.status));
    if (all.length === 0 && !parsed.values.json) console.error('No printers found. Add a CUPS queue, or name a network printer: label-station printers tspl://HOST:9100');
    return 0;
  },
};
