import { createRequire } from 'node:module';
import type * as Canvas from '@napi-rs/canvas';
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { LabelFonts } from './label-fonts.ts';
import type { MonoBitmap } from './label-types.ts';
import { mmToDots, type LabelLayout } from './layout-model.ts';

let canvasModule: typeof Canvas | undefined;

/** Skia (@napi-rs/canvas) is loaded on the first raster: a station printing PDFs never pays for it. */
function canvas(): typeof Canvas {
  canvasModule ??= createRequire(import.meta.url)('@napi-rs/canvas') as typeof Canvas;
  return canvasModule;
}

/** Canvas family names the label fonts are registered under (once per font file). */
const families = new Map<string, string>();

function family(path: string, name: string): string {
  let registered = families.get(path);
  if (!registered) {
    if (!canvas().GlobalFonts.registerFromPath(path, name)) throw new Error(`the canvas could not load the label font ${path}`);
    registered = name;
    families.set(path, registered);
  }
  return registered;
}

let reused: { width: number; height: number; ctx: SKRSContext2D } | undefined;

/**
 * One canvas for every label of a size, cleared for each: a Skia canvas's pixels live outside
 * V8's heap, which never sees the pressure, so a canvas per label kept every one of them (3.8 MB
 * at 100×150 mm and 203 dpi) until a collection that came far too late for a kiosk. Reading the
 * pixels still makes a copy each time: see `releaseCanvasMemory`.
 */
function blankCanvas(width: number, height: number): SKRSContext2D {
  if (reused?.width !== width || reused.height !== height) {
    reused = { width, height, ctx: canvas().createCanvas(width, height).getContext('2d') };
  }
  const { ctx } = reused;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, width, height);
  return ctx;
}

/** Grey levels darker than this become black dots, as a thermal printer's driver does. */
const threshold = 128;

/**
 * Paints a layout as a 1-bit bitmap at the layout's dpi: the same elements at the same places as
 * the PDF painter, barcodes as whole-dot rectangles, text with the same TTF, then thresholded.
 * `offsetXDots`/`offsetYDots` shift everything (printer calibration); what falls outside is cut.
 */
export function paintRaster(layout: LabelLayout, fonts: LabelFonts, offsetXDots: number, offsetYDots: number): MonoBitmap {
  const { dpi } = layout;
  const width = Math.round(mmToDots(layout.widthMm, dpi));
  const height = Math.round(mmToDots(layout.heightMm, dpi));
  const ctx = blankCanvas(width, height);
  ctx.translate(offsetXDots, offsetYDots);
  const names = { regular: family(fonts.regular.path, 'LabelStationRegular'), bold: family(fonts.bold.path, 'LabelStationBold') };
  for (const el of layout.elements) {
    if (el.kind === 'text') continue;
    ctx.fillStyle = 'black';
    if (el.kind === 'rect') {
      const x = Math.round(mmToDots(el.xMm, dpi));
      const y = Math.round(mmToDots(el.yMm, dpi));
      ctx.fillRect(x, y, Math.max(1, Math.round(mmToDots(el.xMm + el.widthMm, dpi)) - x), Math.max(1, Math.round(mmToDots(el.yMm + el.heightMm, dpi)) - y));
    } else if (el.kind === 'bars') {
      let x = el.xDots;
      el.widths.forEach((w, i) => {
        if (i % 2 === 0) ctx.fillRect(x, el.yDots, w * el.moduleDots, el.heightDots);
        x += w * el.moduleDots;
      });
    } else {
      for (let row = 0; row < el.rows; row++) {
        for (let col = 0; col < el.columns; col++) {
          if (el.cells[row * el.columns + col] === 1) ctx.fillRect(el.xDots + col * el.moduleDots, el.yDots + row * el.moduleDots, el.moduleDots, el.moduleDots);
        }
      }
    }
  }
  drawText(ctx, layout, names);
  return threshold1Bit(ctx.canvas.data(), width, height);
}

function drawText(ctx: SKRSContext2D, layout: LabelLayout, names: { regular: string; bold: string }): void {
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  // The layout measured plain advances; kerning would move glyphs off the measured positions.
  ctx.fontKerning = 'none';
  for (const el of layout.elements) {
    if (el.kind !== 'text') continue;
    ctx.fillStyle = el.inverse === true ? 'white' : 'black';
    ctx.font = `${(el.sizePt * layout.dpi) / 72}px ${names[el.weight]}`;
    ctx.fillText(el.text, mmToDots(el.xMm, layout.dpi), mmToDots(el.baselineMm, layout.dpi));
  }
}

/**
 * Everything is drawn in black and white (grey only at antialiased edges), so the red channel is
 * the grey level: one comparison per pixel, eight pixels to a byte.
 */
function threshold1Bit(rgba: Uint8Array, width: number, height: number): MonoBitmap {
  const rowBytes = Math.ceil(width / 8);
  const data = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const rowStart = y * width * 4;
    for (let byte = 0; byte < rowBytes; byte++) {
      let bits = 0;
      const x0 = byte * 8;
      const x1 = Math.min(width, x0 + 8);
      for (let x = x0; x < x1; x++) if ((rgba[rowStart + x * 4] ?? 255) < threshold) bits |= 0x80 >> (x - x0);
      data[y * rowBytes + byte] = bits;
    }
  }
  return { width, height, rowBytes, data };
}
