import type { Canvas, Image } from '@napi-rs/canvas';
import { releaseCanvasMemory } from '../canvas-memory.ts';
import { imageSize } from './image-size.ts';
import { findLabelRegions, type Region } from './label-regions.ts';
import { openPdf, SuppliedLabelReadError, type Crop, type PdfPages } from './pdf-document.ts';
import { skia } from './skia.ts';
import type { SuppliedMediaType } from './supplied-source.ts';

/** A supplied label as stored: the file's bytes, which page, and which part of it (all when absent). */
export interface SuppliedImage {
  mediaType: SuppliedMediaType;
  bytes: Buffer;
  /** 1-based; images have one page. */
  page: number;
  region?: Region;
}

/**
 * A supplied label made ready for one medium: grey levels (0 black, 255 white) of the whole
 * label at `dpi`, the picture turned portrait, fitted without distortion and centred. Both
 * painters start from it: the raster thresholds it, the PDF embeds it.
 */
export interface SuppliedArtwork {
  width: number;
  height: number;
  dpi: number;
  gray: Uint8Array;
  /** Many mid-grey pixels: a photograph or a scan, dithered rather than thresholded. */
  photo: boolean;
}

export interface ArtworkTarget {
  widthMm: number;
  /** `auto`: as tall as the fitted picture needs (a receipt roll). */
  heightMm: number | 'auto';
  dpi: number;
}

const maxImagePixels = 40_000_000;

/** The picture a supplied label comes as, croppable and drawable at any scale. */
interface SourcePage {
  width: number;
  height: number;
  draw(scale: number, crop: Crop): Promise<Canvas | Image>;
  close(): Promise<void>;
}

async function imageSource(bytes: Buffer, mediaType: SuppliedMediaType): Promise<SourcePage> {
  const size = imageSize(bytes, mediaType);
  if (!size) throw new SuppliedLabelReadError(`the ${mediaType === 'image/png' ? 'PNG' : 'JPEG'} has no readable header`);
  if (size.width * size.height > maxImagePixels || size.width < 1 || size.height < 1) throw new SuppliedLabelReadError(`the picture is ${size.width}×${size.height} pixels: too large to print`);
  let image: Image;
  try {
    image = await skia().loadImage(bytes);
  } catch (error) {
    throw new SuppliedLabelReadError(`the picture cannot be decoded (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  return { width: image.width, height: image.height, draw: async () => image, close: async () => undefined };
}

async function pdfSource(pdf: PdfPages, page: number): Promise<SourcePage> {
  const size = await pdf.size(page);
  return { ...size, draw: (scale, crop) => pdf.render(page, scale, crop), close: () => pdf.close() };
}

/** Opens a stored supplied label at its page; the caller closes it. */
export async function openSuppliedPage(image: Pick<SuppliedImage, 'bytes' | 'mediaType' | 'page'>): Promise<SourcePage> {
  if (image.mediaType === 'application/pdf') return pdfSource(await openPdf(image.bytes), image.page);
  return imageSource(image.bytes, image.mediaType);
}

/** Renders a whole page small (`dpi` per inch, pt-sized pages; pixels at 1:1 for images scaled alike) as grey levels. */
export async function pageGray(source: SourcePage, widthPx: number): Promise<{ gray: Uint8Array; width: number; height: number }> {
  const scale = widthPx / source.width;
  const width = Math.max(1, Math.round(source.width * scale));
  const height = Math.max(1, Math.round(source.height * scale));
  const drawn = await source.draw(scale, { x: 0, y: 0, width: source.width, height: source.height });
  const canvas = skia().createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(drawn, 0, 0, width, height);
  return { gray: toGray(ctx.getImageData(0, 0, width, height).data), width, height };
}

function toGray(rgba: Uint8ClampedArray): Uint8Array {
  const gray = new Uint8Array(rgba.length / 4);
  for (let i = 0; i < gray.length; i++) gray[i] = ((rgba[i * 4] ?? 255) * 299 + (rgba[i * 4 + 1] ?? 255) * 587 + (rgba[i * 4 + 2] ?? 255) * 114) / 1000;
  return gray;
}

/** Photographs have mid-greys everywhere; a label's only sit on the edges of its strokes. */
function looksLikePhoto(gray: Uint8Array): boolean {
  let inked = 0;
  let mid = 0;
  for (const g of gray) {
    if (g < 235) inked++;
    if (g > 50 && g < 205) mid++;
  }
  return inked > 0 && mid / inked > 0.45;
}

/**
 * A page much larger than the medium (an A4 sheet for a 100×150 label) holding one label among
 * blank cells: crop to the label found on it, so it is not shrunk to a corner.
 */
async function autoCrop(source: SourcePage, target: ArtworkTarget): Promise<Region | undefined> {
  const pageAreaMm = (source.width / 72) * 25.4 * ((source.height / 72) * 25.4);
  const mediumMm = target.widthMm * (target.heightMm === 'auto' ? target.widthMm * 1.5 : target.heightMm);
  if (pageAreaMm < mediumMm * 1.8) return undefined;
  const small = await pageGray(source, Math.round((source.width / 72) * 50));
  return findLabelRegions(small.gray, small.width, small.height, 50)[0];
}

/** Makes a stored supplied label ready for a medium at a dpi (see `SuppliedArtwork`). */
export async function prepareSuppliedArtwork(image: SuppliedImage, target: ArtworkTarget): Promise<SuppliedArtwork> {
  const source = await openSuppliedPage(image);
  try {
    const region = image.region ?? (image.mediaType === 'application/pdf' ? await autoCrop(source, target) : undefined);
    const crop: Crop = region
      ? { x: region.x * source.width, y: region.y * source.height, width: region.width * source.width, height: region.height * source.height }
      : { x: 0, y: 0, width: source.width, height: source.height };
    const mediumW = Math.round((target.widthMm * target.dpi) / 25.4);
    const portraitMedium = target.heightMm === 'auto' || target.heightMm >= target.widthMm;
    const turn = portraitMedium && crop.width > crop.height * 1.05;
    const [w, h] = turn ? [crop.height, crop.width] : [crop.width, crop.height];
    const mediumH = target.heightMm === 'auto' ? Math.round((h * mediumW) / w) : Math.round((target.heightMm * target.dpi) / 25.4);
    const scale = Math.min(mediumW / w, mediumH / h);
    const drawn = await source.draw(scale, crop);
    const canvas = skia().createCanvas(mediumW, mediumH);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, mediumW, mediumH);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    // Whole-dot placement: a rendered PDF page lands pixel for dot, without resampling.
    ctx.translate(Math.round(mediumW / 2), Math.round(mediumH / 2));
    if (turn) ctx.rotate(Math.PI / 2);
    const dw = Math.round(crop.width * scale);
    const dh = Math.round(crop.height * scale);
    if (image.mediaType === 'application/pdf') ctx.drawImage(drawn, -Math.round(drawn.width / 2), -Math.round(drawn.height / 2));
    else ctx.drawImage(drawn, crop.x, crop.y, crop.width, crop.height, -Math.round(dw / 2), -Math.round(dh / 2), dw, dh);
    const gray = toGray(ctx.getImageData(0, 0, mediumW, mediumH).data);
    return { width: mediumW, height: mediumH, dpi: target.dpi, gray, photo: looksLikePhoto(gray) };
  } finally {
    await source.close();
    // Every canvas read above (and pdf.js's drawing) left a Skia pixel copy V8 does not count.
    await releaseCanvasMemory();
  }
}
