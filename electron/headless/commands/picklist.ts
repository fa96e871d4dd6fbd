import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderPickListPdf } from '../../core/labels/pick-list-pdf.ts';
import { pickListLanguages, pickListText, type PickListLanguage } from '../../shared/i18n/pick-list-text.ts';
import { pickListTemplateSchema, summarisePickList } from '../../shared/pick-list.ts';
import { UsageError, type CliCommand } from '../cli-command.ts';
import { readOrdersFile } from './orders-file.ts';

const help = `Usage: label-station picklist --orders FILE --out FILE.pdf [--template a4] [--language id]

Sums the products of an orders file into a pick list: one line per product with its total
quantity, and the parcels per courier. Writes it as a PDF and prints the lines.

Options:
  --orders FILE     JSON: an array of order records, or a whole list or print_order response
  --out FILE.pdf    where the pick list goes
  --template ID     ${pickListTemplateSchema.options.join(', ')} (default a4)
  --language ID     ${pickListLanguages.join(', ')} (default id)

Example:
  label-station picklist --orders batch.json --template 80mm --out picklist.pdf`;

const isLanguage = (value: string): value is PickListLanguage => (pickListLanguages as readonly string[]).includes(value);

function parse(argv: string[]) {
  let values: { orders?: string; out?: string; template?: string; language?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { orders: { type: 'string' }, out: { type: 'string' }, template: { type: 'string' }, language: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (!values.orders) throw new UsageError('--orders FILE is required');
  if (!values.out || extname(values.out).toLowerCase() !== '.pdf') throw new UsageError('--out FILE.pdf is required');
  const template = pickListTemplateSchema.safeParse(values.template ?? 'a4');
  if (!template.success) throw new UsageError(`--template must be one of ${pickListTemplateSchema.options.join(', ')}`);
  const language = values.language ?? 'id';
  if (!isLanguage(language)) throw new UsageError(`--language must be one of ${pickListLanguages.join(', ')}`);
  return { ordersFile: values.orders, out: values.out, template: template.data, language };
}

export const picklistCommand: CliCommand = {
  help,
  async run(argv) {
    const args = parse(argv);
    const orders = await readOrdersFile(args.ordersFile);
    const list = summarisePickList([{ processed: orders[0]?.processedAt ?? basename(args.ordersFile), orders }]);
    const pdf = await renderPickListPdf(list, { template: args.template, language: args.language, printedAt: new Date() });
    // Written beside the target and moved into place, so a reader never sees half a file.
    const temp = join(dirname(args.out), `.${basename(args.out)}.${process.pid}.tmp`);
    try {
      await writeFile(temp, pdf);
      await rename(temp, args.out);
    } finally {
      await rm(temp, { force: true });
    }
    const text = pickListText[args.language];
    for (const line of list.lines) console.log(`${String(line.qty).padStart(5)}  ${line.productName}`);
    console.log(`${text.couriers}: ${list.couriers.map((c) => `${c.courier ?? text.withoutAwb} ${c.parcels}`).join(' · ')}`);
    console.error(`${text.title}: ${list.lines.length} product(s), ${list.orders} order(s) → ${args.out}`);
    return 0;
  },
};
