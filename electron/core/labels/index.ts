/** The label engine: one layout per label, painted as a streamed PDF or a printer raster. */
export type { LabelMeta, LabelToRender, MonoBitmap, RenderOptions } from './label-types.ts';
export { renderPdf } from './render-pdf.ts';
export { renderRaster, renderPng } from './render-raster.ts';
export { releaseCanvasMemory } from './canvas-memory.ts';
export { monoBitmapToPng } from './mono-png.ts';
export { renderTestPagePdf, renderTestPageRaster } from './test-page.ts';
export { templateSize, labelTemplates, type LabelTemplate } from './label-templates.ts';
export { LabelRenderError } from './render-context.ts';
export { BarcodeError } from './barcodes.ts';
export { formatRupiah } from './label-format.ts';
export { useLabelFontDir } from './font-dir.ts';
