import type { LabelToRender, MonoBitmap, RenderOptions } from './label-types.ts';
import { monoBitmapToPng } from './mono-png.ts';
import { paintRaster } from './raster-painter.ts';
import { renderContext } from './render-context.ts';
import { suppliedRaster } from './supplied/supplied-raster.ts';

/**
 * One label as the 1-bit bitmap a thermal printer takes, at `options.dpi`, shifted by the
 * calibration offsets. On `a4-4up` it is one label (an A6 cell), not the sheet.
 */
export function renderRaster(label: LabelToRender, options: RenderOptions): MonoBitmap {
  const ctx = renderContext(options);
  if (label.supplied) return suppliedRaster(label.supplied, ctx.offsetXDots, ctx.offsetYDots);
  return paintRaster(ctx.layout(label), ctx.fonts, ctx.offsetXDots, ctx.offsetYDots);
}

/** The raster as a PNG: the UI's preview, and what tests decode. */
export function renderPng(label: LabelToRender, options: RenderOptions): Buffer {
  return monoBitmapToPng(renderRaster(label, options));
}
