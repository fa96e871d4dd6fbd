import { releaseCanvasMemory } from '../labels/index.ts';
import type { LabelToRender, MonoBitmap, RenderOptions } from '../labels/label-types.ts';
import type { LabelRenderer } from './label-renderer.ts';

/**
 * A job's labels as printer rasters, one after the other, releasing each label's canvas pixels
 * before the next: a job's memory is its 1-bit bitmaps, not a Skia copy per label.
 */
export async function renderRasterJob(labels: readonly LabelToRender[], renderer: LabelRenderer, options: RenderOptions): Promise<MonoBitmap[]> {
  const bitmaps: MonoBitmap[] = [];
  for (const label of labels) {
    bitmaps.push(renderer.renderRaster(label, options));
    await releaseCanvasMemory();
  }
  return bitmaps;
}
