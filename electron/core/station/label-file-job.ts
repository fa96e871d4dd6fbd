import type { JobView, LabelPreview } from '../../shared/station-api.ts';
import { operatorMessage } from '../../shared/operator-message.ts';
import type { LabelTemplateId, PrinterProfile } from '../../shared/printer-profile.ts';
import { labelTemplates } from '../labels/label-templates.ts';
import { fileLabelOrder, splitLabelFile, type FileLabel } from '../labels/supplied/label-file.ts';
import type { FileLayout } from '../labels/supplied/label-regions.ts';
import { prepareSuppliedArtwork } from '../labels/supplied/supplied-artwork.ts';
import { SuppliedLabelReadError } from '../labels/supplied/pdf-document.ts';
import { toJobView, type Journal, type NewEvent } from './journal.ts';
import { toServerTimestamp } from './server-time.ts';
import { BatchStateError } from './station-errors.ts';
import type { PreviewRenderer } from './station-options.ts';

export interface LabelFileDeps {
  journal: Pick<Journal, 'createJob'>;
  route: (printerId?: string) => PrinterProfile;
  renderPng: PreviewRenderer;
  now: () => number;
  log: (event: NewEvent) => void;
  emitJob: (job: JobView) => void;
  kick: () => void;
}

export interface LabelFileInput {
  fileName: string;
  dataBase64: string;
  layout: FileLayout;
}

async function cut(input: LabelFileInput): Promise<FileLabel[]> {
  try {
    const labels = await splitLabelFile(Buffer.from(input.dataBase64, 'base64'), input.fileName, input.layout);
    if (labels.length === 0) throw new BatchStateError(operatorMessage('label-file-empty', { file: input.fileName }), `${input.fileName} holds no label`);
    return labels;
  } catch (error) {
    if (error instanceof SuppliedLabelReadError) throw new BatchStateError(operatorMessage('label-file-unreadable', { file: input.fileName }, error.message), error.message, { cause: error });
    throw error;
  }
}

/** What each label of the file will look like on this medium: a preview per label, in print order. */
export async function previewLabelFile(
  deps: Pick<LabelFileDeps, 'renderPng' | 'now'>,
  input: LabelFileInput & { template: LabelTemplateId; dpi: number },
): Promise<(LabelPreview & { name: string })[]> {
  const template = labelTemplates[input.template];
  const previews: (LabelPreview & { name: string })[] = [];
  for (const label of await cut(input)) {
    const supplied = await prepareSuppliedArtwork(label.image, { widthMm: template.widthMm, heightMm: template.heightMm, dpi: input.dpi });
    const png = Buffer.from(await deps.renderPng({ order: fileLabelOrder(label.name), meta: { batch: null, index: previews.length + 1, count: 0, printedAt: new Date(deps.now()) }, supplied }, input));
    previews.push({ name: label.name, pngBase64: png.toString('base64'), widthPx: png.readUInt32BE(16), heightPx: png.readUInt32BE(20) });
  }
  return previews;
}

/**
 * A label file as a print job: its labels (each the file, a page and a region) are stored in the
 * journal before anything prints, so it has every guarantee a batch has: resumed after a crash,
 * confirmed label by label, reprintable from History. No API call: `processed` is the time it was
 * given, in server time.
 */
export async function printLabelFile(deps: LabelFileDeps, input: LabelFileInput & { printerId?: string }): Promise<JobView> {
  const labels = await cut(input);
  const printer = deps.route(input.printerId);
  const job = deps.journal.createJob({
    processed: toServerTimestamp(deps.now()),
    kind: 'label-file',
    targetPrintStatus: null,
    printerId: printer.id,
    printerName: printer.name,
    expectedLabels: labels.length,
    orders: labels.map((label) => fileLabelOrder(label.name)),
    supplied: labels.map((label, idx) => ({ idx, source: input.fileName, image: label.image })),
  });
  deps.log({
    level: 'info',
    kind: 'job-created',
    message: `label file ${input.fileName}: ${labels.length} label(s) on ${printer.name}`,
    text: operatorMessage('ev-label-file-created', { labels: labels.length, printer: printer.name }, input.fileName),
    jobId: job.id,
    processed: job.processed,
  });
  const view = toJobView(job);
  deps.emitJob(view);
  deps.kick();
  return view;
}
