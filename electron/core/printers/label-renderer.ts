import type { Readable } from 'node:stream';
import type { LabelToRender, MonoBitmap, RenderOptions } from '../labels/label-types.ts';
import type { PrinterProfile } from '../../shared/printer-profile.ts';

/** The part of the label engine the printers use; `electron/core/labels` provides it. */
export interface LabelRenderer {
  renderPdf(labels: readonly LabelToRender[], options: RenderOptions): Readable;
  renderRaster(label: LabelToRender, options: RenderOptions): MonoBitmap;
  renderTestPagePdf(options: RenderOptions): Buffer;
  renderTestPageRaster(options: RenderOptions): MonoBitmap;
}

/** How a printer's labels are drawn: its template, dpi and offsets. */
export function renderOptionsFor(profile: PrinterProfile): RenderOptions {
  return { template: profile.template, dpi: profile.dpi, offsetXmm: profile.offsetXmm, offsetYmm: profile.offsetYmm };
}
