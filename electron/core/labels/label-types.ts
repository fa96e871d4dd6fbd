import type { Order } from '../../shared/domain.ts';
import type { LabelTemplateId } from '../../shared/printer-profile.ts';
import type { SuppliedArtwork } from './supplied/supplied-artwork.ts';

/** Where a label sits in its batch; printed in the label's footer. */
export interface LabelMeta {
  /** The batch's `processed` timestamp, or null for a label printed outside a batch. */
  batch: string | null;
  /** 1-based position in the batch. */
  index: number;
  count: number;
  printedAt: Date;
}

export interface LabelToRender {
  order: Order;
  meta: LabelMeta;
  /** The marketplace's own label, made ready for this medium: printed instead of ours. */
  supplied?: SuppliedArtwork;
}

export interface RenderOptions {
  template: LabelTemplateId;
  /** The printer's resolution; barcodes are placed on its dot grid. */
  dpi: number;
  /** Calibration shift of the whole label on the medium, in mm. */
  offsetXmm?: number;
  offsetYmm?: number;
  /** Folder holding the label fonts; defaults to the app's `assets/fonts`. */
  fontDir?: string;
}

/** A 1-bit image, rows packed MSB-first, 1 = black dot: what thermal printers take. */
export interface MonoBitmap {
  width: number;
  height: number;
  /** Bytes per row: ceil(width / 8). */
  rowBytes: number;
  data: Uint8Array;
}
