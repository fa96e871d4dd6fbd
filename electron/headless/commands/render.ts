import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { releaseCanvasMemory, renderPdf, renderPng, type LabelToRender, type RenderOptions } from '../../core/labels/index.ts';
import { dpiSchema, labelTemplateIdSchema } from '../../shared/printer-profile.ts';
import type { Order } from '../../shared/domain.ts';
import { UsageError, type CliCommand } from '../cli-command.ts';
import { readOrdersFile } from './orders-file.ts';
import { withSuppliedLabels } from './label-file-labels.ts';

const help = `Usage: label-station render --orders FILE --out OUT [--template ID] [--dpi 203]

Renders order records as shipping labels, without printing them. An order whose labelImage
holds its marketplace label (an http(s) URL or a data: URI of a PDF, PNG or JPEG) renders that
label, fitted to the template, exactly as it will print.

Options:
  --orders FILE   JSON: an array of order records, or a whole list or print_order response
  --out OUT       OUT.pdf: one PDF, one page per label (a4-4up: four per sheet)
                  OUT.png: the printer raster as PNG (OUT-1.png, OUT-2.png, ... for several)
                  a folder (existing, or ending in /): one PNG per label in it
  --template ID   ${labelTemplateIdSchema.options.join(', ')} (default 100x150)
  --dpi N         printer resolution the barcodes are placed for: 203 or 300 (default 203)

Nothing is written until every label has rendered: a bad order leaves no half-written output.

Example:
  label-station render --orders batch.json --template 100x150 --out labels.pdf`;

interface RenderArgs {
  ordersFile: string;
  out: string;
  options: RenderOptions;
}

function parse(argv: string[]): RenderArgs {
  let values: { orders?: string; out?: string; template?: string; dpi?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { orders: { type: 'string' }, out: { type: 'string' }, template: { type: 'string' }, dpi: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (!values.orders) throw new UsageError('--orders FILE is required');
  if (!values.out) throw new UsageError('--out OUT.pdf, OUT.png or a folder is required');
  const template = labelTemplateIdSchema.safeParse(values.template ?? '100x150');
  if (!template.success) throw new UsageError(`--template must be one of ${labelTemplateIdSchema.options.join(', ')}`);
  const dpi = dpiSchema.safeParse(Number(values.dpi ?? '203'));
  if (!dpi.success) throw new UsageError('--dpi must be 203 or 300');
  return { ordersFile: values.orders, out: values.out, options: { template: template.data, dpi: dpi.data } };
}

function toLabels(orders: Order[]): LabelToRender[] {
  const printedAt = new Date();
  return orders.map((order, i) => ({ order, meta: { batch: order.processedAt, index: i + 1, count: orders.length, printedAt } }));
}

async function isFolder(path: string): Promise<boolean> {
  if (path.endsWith('/')) return true;
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Writes into a temporary folder beside the target, then moves each file into place. */
async function writeAtomically(targetDir: string, files: (dir: string) => Promise<string[]>): Promise<string[]> {
  await mkdir(targetDir, { recursive: true });
  const temp = await mkdtemp(join(targetDir, '.label-station-render-'));
  try {
    const names = await files(temp);
    for (const name of names) await rename(join(temp, name), join(targetDir, name));
    return names.map((name) => join(targetDir, name));
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

const safeName = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || 'label';

async function writeOutput(labels: LabelToRender[], out: string, options: RenderOptions): Promise<string[]> {
  if (await isFolder(out)) {
    const width = String(labels.length).length;
    return writeAtomically(out, async (dir) => {
      const names: string[] = [];
      for (const label of labels) {
        const name = `label-${String(label.meta.index).padStart(width, '0')}-${safeName(label.order.invoice)}.png`;
        await writeFile(join(dir, name), renderPng(label, options));
        await releaseCanvasMemory();
        names.push(name);
      }
      return names;
    });
  }
  const extension = extname(out).toLowerCase();
  const stem = basename(out, extname(out));
  if (extension === '.png') {
    return writeAtomically(dirname(out), async (dir) => {
      const names = labels.map((l) => (labels.length === 1 ? `${stem}.png` : `${stem}-${l.meta.index}.png`));
      for (const [i, label] of labels.entries()) {
        await writeFile(join(dir, names[i] ?? ''), renderPng(label, options));
        await releaseCanvasMemory();
      }
      return names;
    });
  }
  if (extension === '.pdf') {
    return writeAtomically(dirname(out), async (dir) => {
      await pipeline(renderPdf(labels, options), createWriteStream(join(dir, basename(out))));
      return [basename(out)];
    });
  }
  throw new UsageError(`--out must end in .pdf or .png, or be a folder: got "${out}"`);
}

export const renderCommand: CliCommand = {
  help,
  async run(argv) {
    const args = parse(argv);
    const labels = await withSuppliedLabels(toLabels(await readOrdersFile(args.ordersFile)), args.options);
    const written = await writeOutput(labels, args.out, args.options);
    const supplied = labels.filter((l) => l.supplied).length;
    if (supplied > 0) console.log(`${supplied} of them are the orders' own supplied labels`);
    const missing = labels.filter((l) => l.order.awb === null && !l.supplied).map((l) => l.order.invoice || `label ${l.meta.index}`);
    console.log(`rendered ${labels.length} label(s), template ${args.options.template} at ${args.options.dpi} dpi: ${written.length === 1 ? written[0] : `${written.length} files in ${dirname(written[0] ?? args.out)}`}`);
    if (missing.length > 0) console.warn(`${missing.length} label(s) have no AWB and print a NO AWB banner: ${missing.join(', ')}`);
    return 0;
  },
};
