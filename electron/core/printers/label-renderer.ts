import type { Readable } from 'node:stream';
import type { LabelToRender, MonoBitmap, RenderOptions } from '../labels/label-types.ts';

/** The part of the label engine the printers use; `electron/core/labels` provides it. */
export interface LabelRenderer {
  renderPdf(labels: readonly LabelToRender[], options: RenderOptions): Readable;
  renderRaster(label: LabelToRender, options: RenderOptions): MonoBitmap;
  renderTestPagePdf(options: RenderOptions): Buffer;
  renderTestPageRaster(options: RenderOptions): MonoBitmap;
}
