import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import type PDFKit from 'pdfkit';

const load = createRequire(import.meta.url);
let pdfkit: typeof PDFKit | undefined;
let fontkit: typeof Fontkit | undefined;

/**
 * pdfkit and fontkit are loaded on the first label, not at start: together they cost a station
 * about 20 MB and a start about 0.2 s (fontkit unpacks Unicode tables, pdfkit builds AES tables
 * as they load), which an idle kiosk, `printers` or `simulator` never needs.
 */
export function pdfDocumentClass(): typeof PDFKit {
  pdfkit ??= load('pdfkit') as typeof PDFKit;
  return pdfkit;
}

export function fontkitLibrary(): typeof Fontkit {
  fontkit ??= load('fontkit') as typeof Fontkit;
  return fontkit;
}
