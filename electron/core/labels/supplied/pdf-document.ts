import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Canvas } from '@napi-rs/canvas';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { skia } from './skia.ts';

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js is loaded on the first supplied PDF: a station that never gets one never pays for it. */
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** pdf.js's own data: the 14 standard fonts (marketplace PDFs often use unembedded Helvetica) and CMaps. */
function pdfJsData(): { standardFontDataUrl: string; cMapUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { standardFontDataUrl: join(root, 'standard_fonts') + '/', cMapUrl: join(root, 'cmaps') + '/' };
}

export class SuppliedLabelReadError extends Error {
  override name = 'SuppliedLabelReadError';
}

/** A crop of a page in its own units (pt for PDF pages, pixels for images), from its top-left. */
export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPages {
  count: number;
  /** Page size in pt, 1-based page number, after the page's own rotation. */
  size(page: number): Promise<{ width: number; height: number }>;
  /** Renders the crop of a page at `scale` pixels per pt onto a white canvas. */
  render(page: number, scale: number, crop: Crop): Promise<Canvas>;
  close(): Promise<void>;
}

/** Upper bound on a page's rendered pixels: a hostile page size cannot take the memory. */
const maxPixels = 60_000_000;

/** Opens a PDF with pdf.js, rendering through the app's own Skia canvas. No scripts run. */
export async function openPdf(bytes: Uint8Array): Promise<PdfPages> {
  const { getDocument } = await loadPdfJs();
  let doc: Awaited<ReturnType<typeof getDocument>['promise']>;
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, enableXfa: false, verbosity: 0, ...pdfJsData() }).promise;
  } catch (error) {
    throw new SuppliedLabelReadError(`the PDF cannot be read (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const page = async (n: number) => {
    if (!Number.isInteger(n) || n < 1 || n > doc.numPages) throw new SuppliedLabelReadError(`the PDF has no page ${n} (it has ${doc.numPages})`);
    return doc.getPage(n);
  };
  return {
    count: doc.numPages,
    async size(n) {
      const viewport = (await page(n)).getViewport({ scale: 1 });
      return { width: viewport.width, height: viewport.height };
    },
    async render(n, scale, crop) {
      const p = await page(n);
      const viewport = p.getViewport({ scale });
      const width = Math.max(1, Math.ceil(crop.width * scale));
      const height = Math.max(1, Math.ceil(crop.height * scale));
      if (width * height > maxPixels) throw new SuppliedLabelReadError('the PDF page is too large to render');
      const canvas = skia().createCanvas(width, height);
      const context = canvas.getContext('2d');
      try {
        await p.render({
          canvas: null,
          canvasContext: context as never,
          viewport,
          background: 'white',
          transform: [1, 0, 0, 1, -crop.x * scale, -crop.y * scale],
        }).promise;
      } catch (error) {
        throw new SuppliedLabelReadError(`the PDF page ${n} cannot be drawn (${error instanceof Error ? error.message : String(error)})`, { cause: error });
      } finally {
        p.cleanup();
      }
      return canvas;
    },
    close: () => doc.destroy(),
  };
}
