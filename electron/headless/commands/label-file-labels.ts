import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { labelTemplates } from '../../core/labels/label-templates.ts';
import { defaultSuppliedLimits, fetchSuppliedLabel } from '../../core/labels/supplied/fetch-supplied-label.ts';
import { fileLabelOrder, splitLabelFile } from '../../core/labels/supplied/label-file.ts';
import type { FileLayout } from '../../core/labels/supplied/label-regions.ts';
import { prepareSuppliedArtwork, type SuppliedImage } from '../../core/labels/supplied/supplied-artwork.ts';
import { describeSource, parseLabelImage } from '../../core/labels/supplied/supplied-source.ts';
import type { LabelToPrint } from '../../core/printers/index.ts';
import type { LabelToRender } from '../../core/labels/index.ts';
import type { PrinterProfile } from '../../shared/printer-profile.ts';
import { UsageError } from '../cli-command.ts';

export const fileLayouts: readonly string[] = ['auto', 'single', 'a4-2up', 'a4-4up'] satisfies FileLayout[];

const targetOf = (profile: { template: PrinterProfile['template']; dpi: number }) => {
  const template = labelTemplates[profile.template];
  return { widthMm: template.widthMm, heightMm: template.heightMm, dpi: profile.dpi };
};

/** A label file's labels, each made ready for the printer's medium, keyed `k:name` like orders' labels. */
export async function readLabelFile(file: string, layout: string, profile: Pick<PrinterProfile, 'template' | 'dpi'>): Promise<LabelToPrint[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new UsageError(`--file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const cut = await splitLabelFile(bytes, basename(file), layout as FileLayout);
  const printedAt = new Date();
  return Promise.all(
    cut.map(async (label, i) => ({
      key: `${i + 1}:${label.name}`,
      order: fileLabelOrder(label.name),
      meta: { batch: null, index: i + 1, count: cut.length, printedAt },
      supplied: await prepareSuppliedArtwork(label.image, targetOf(profile)),
    })),
  );
}

/**
 * The orders' own marketplace labels (`labelImage`), fetched without credentials and made ready
 * for the printer. One that cannot be had stops the command before anything prints, naming it.
 */
export async function withSuppliedLabels<T extends LabelToRender>(labels: readonly T[], profile: { template: PrinterProfile['template']; dpi: number }): Promise<T[]> {
  const out: T[] = [];
  const problems: string[] = [];
  for (const label of labels) {
    if (parseLabelImage(label.order.labelImage, defaultSuppliedLimits.maxBytes) === null) {
      out.push(label);
      continue;
    }
    const got = await fetchSuppliedLabel(label.order.labelImage, { fetch, apiBaseUrl: null, token: null, ...defaultSuppliedLimits });
    if (!got.ok) {
      problems.push(`order ${label.order.invoice}: ${got.reason} (${describeSource(label.order.labelImage)})`);
      continue;
    }
    const image: SuppliedImage = { mediaType: got.mediaType, bytes: got.bytes, page: 1 };
    try {
      out.push({ ...label, supplied: await prepareSuppliedArtwork(image, targetOf(profile)) });
    } catch (error) {
      problems.push(`order ${label.order.invoice}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length > 0) throw new UsageError(`${problems.length} supplied label(s) cannot be printed, so nothing was: ${problems.join('; ')}`);
  return out;
}
