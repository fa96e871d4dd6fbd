import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseOrderRecords } from '../../core/api/parse-orders.ts';
import { openPrinter, PrinterError, type LabelToPrint } from '../../core/printers/index.ts';
import { fileLayouts, readLabelFile, withSuppliedLabels } from './label-file-labels.ts';
import { labelTemplateIds } from '../../shared/printer-profile.ts';
import { UsageError, type CliCommand } from '../cli-command.ts';
import { cliErrorLine, cliLanguage } from '../cli-text.ts';
import { cliPrinterProfile } from './printer-options.ts';

const help = `Usage: label-station print --orders FILE --printer URI [options]
       label-station print --file LABELS --printer URI [--layout auto|single|a4-2up|a4-4up] [options]
       label-station print --test-page --printer URI [options]

Renders the orders' labels and prints them, showing each label as it is sent and as the printer
confirms it. Exits 0 only when every label is confirmed printed; otherwise names the labels that
were not, so they can be printed again.

Options:
  --orders FILE          order records as JSON: an array, a list response or a print_order response
                         (an order whose labelImage holds its marketplace label prints that label)
  --file LABELS          a label file (PDF, PNG or JPEG) to print as it is: each page, or each label
                         region of an A4 page, becomes one label, fitted to the template's medium
  --layout L             how --file pages hold labels: auto (found from cut lines and white space,
                         the default), single (one per page), a4-2up, a4-4up (equal parts)
  --printer URI          system:NAME, escpos://HOST:PORT, tspl://HOST:PORT, zpl://HOST:PORT or pdf-dir:FOLDER
  --template ID          ${labelTemplateIds.join(', ')} (default 100x150)
  --dpi N                203 or 300 (default 203)
  --labels-per-job N     labels in one printer job, 1-100 (default 5)
  --offset-x MM          shift the label right (negative: left), -20 to 20 (default 0)
  --offset-y MM          shift the label down (negative: up), -20 to 20 (default 0)
  --darkness N           0-15 for TSPL and ZPL printers (default: the printer's own)
  --batch TIMESTAMP      the batch's processed time, printed in each label's footer
  --test-page            print the calibration page (rulers in mm, dpi, a barcode) instead

Examples:
  label-station print --orders batch.json --printer system:Zebra_ZD220
  label-station print --orders batch.json --printer tspl://192.168.1.50:9100 --darkness 10
  label-station print --file shopee-labels.pdf --layout auto --printer tspl://192.168.1.50:9100`;

const options = {
  orders: { type: 'string' },
  file: { type: 'string' },
  layout: { type: 'string' },
  printer: { type: 'string' },
  template: { type: 'string' },
  dpi: { type: 'string' },
  'labels-per-job': { type: 'string' },
  'offset-x': { type: 'string' },
  'offset-y': { type: 'string' },
  darkness: { type: 'string' },
  batch: { type: 'string' },
  'test-page': { type: 'boolean' },
} as const;

async function readLabels(file: string, batch: string | null): Promise<LabelToPrint[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--orders ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const orders = parseOrderRecords(json);
  const printedAt = new Date();
  return orders.map((order, i) => ({
    key: `${i + 1}:${order.invoice}`,
    order,
    meta: { batch, index: i + 1, count: orders.length, printedAt },
  }));
}

export const printCommand: CliCommand = {
  help,
  async run(argv) {
    let values: { [K in keyof typeof options]?: (typeof options)[K]['type'] extends 'boolean' ? boolean : string };
    try {
      ({ values } = parseArgs({ args: argv, options, strict: true }));
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    if (values.printer === undefined) throw new UsageError('--printer URI is required');
    if (values.orders === undefined && values.file === undefined && !values['test-page']) throw new UsageError('--orders FILE or --file LABELS is required (or --test-page)');
    if (values.orders !== undefined && values.file !== undefined) throw new UsageError('give --orders or --file, not both');
    const layout = values.layout ?? 'auto';
    if (!fileLayouts.includes(layout)) throw new UsageError(`--layout must be one of ${fileLayouts.join(', ')}`);
    const profile = cliPrinterProfile(values.printer, {
      template: values.template,
      dpi: values.dpi,
      labelsPerJob: values['labels-per-job'],
      offsetX: values['offset-x'],
      offsetY: values['offset-y'],
      darkness: values.darkness,
    });
    const printer = openPrinter(profile);
    if (values['test-page']) {
      await printer.printTestPage();
      console.log(`Test page printed on ${profile.uri} (${profile.template}, ${profile.dpi} dpi).`);
      return 0;
    }
    const labels = values.file !== undefined ? await readLabelFile(values.file, layout, profile) : await withSuppliedLabels(await readLabels(values.orders as string, values.batch ?? null), profile);
    if (labels.length === 0) {
      console.log('The orders file has no orders: nothing to print.');
      return 0;
    }
    const abort = new AbortController();
    const stop = (): void => abort.abort(new Error('stopped by Ctrl-C'));
    process.once('SIGINT', stop);
    const confirmed = new Set<string>();
    const position = new Map(labels.map((label, i) => [label.key, `${String(i + 1).padStart(String(labels.length).length)}/${labels.length}`]));
    try {
      await printer.print(
        labels,
        (progress) => {
          if (progress.state === 'confirmed') confirmed.add(progress.key);
          console.log(`${position.get(progress.key)} ${progress.state.padEnd(9)} ${progress.key.replace(/^\d+:/, '')}`);
        },
        abort.signal,
      );
    } catch (error) {
      const missing = labels.filter((label) => !confirmed.has(label.key)).map((label) => label.key.replace(/^\d+:/, ''));
      const advice = error instanceof PrinterError && error.retryable ? 'Fix the printer, then print these again' : 'These were not printed';
      const said = error instanceof PrinterError ? cliErrorLine({ message: error.message, text: error.textFor(profile.name) }, cliLanguage()) : cliErrorLine(error, cliLanguage());
      console.error(`${said}\n${advice} (${missing.length} of ${labels.length}): ${missing.join(', ')}`);
      return 1;
    } finally {
      process.off('SIGINT', stop);
    }
    if (confirmed.size !== labels.length) {
      console.error(`Only ${confirmed.size} of ${labels.length} labels were confirmed.`);
      return 1;
    }
    console.log(`All ${labels.length} labels printed on ${profile.uri}.`);
    return 0;
  },
};
