import type { MonoBitmap } from '../label-types.ts';
import type { SuppliedArtwork } from './supplied-artwork.ts';
import { greyscalePng } from '../mono-png.ts';

/** Grey levels darker than this print as a dot: the same rule as our own labels. */
const threshold = 128;

/**
 * The 1-bit raster a thermal printer takes: a line-art label thresholded (bars stay crisp), a
 * photograph dithered (Floyd–Steinberg). `offsetX/YDots` shift it as calibration asks; what
 * falls off the medium is cut, what is uncovered is white.
 */
export function suppliedRaster(art: SuppliedArtwork, offsetXDots: number, offsetYDots: number): MonoBitmap {
  const { width, height } = art;
  const rowBytes = Math.ceil(width / 8);
  const data = new Uint8Array(rowBytes * height);
  const error = art.photo ? new Float32Array(width * height) : undefined;
  for (let y = 0; y < height; y++) {
    const sy = y - offsetYDots;
    for (let x = 0; x < width; x++) {
      const sx = x - offsetXDots;
      if (sx < 0 || sy < 0 || sx >= width || sy >= height) continue;
      const i = sy * width + sx;
      const level = (art.gray[i] ?? 255) + (error?.[i] ?? 0);
      const black = level < threshold;
      if (black) data[y * rowBytes + (x >> 3)] = (data[y * rowBytes + (x >> 3)] ?? 0) | (0x80 >> (x & 7));
      if (error) {
        const e = level - (black ? 0 : 255);
        if (sx + 1 < width) error[i + 1] = (error[i + 1] ?? 0) + (e * 7) / 16;
        if (sy + 1 < height) {
          if (sx > 0) error[i + width - 1] = (error[i + width - 1] ?? 0) + (e * 3) / 16;
          error[i + width] = (error[i + width] ?? 0) + (e * 5) / 16;
          if (sx + 1 < width) error[i + width + 1] = (error[i + width + 1] ?? 0) + e / 16;
        }
      }
    }
  }
  return { width, height, rowBytes, data };
}

/** The artwork as an 8-bit greyscale PNG, lossless: what a PDF page embeds. */
export function artworkPng(art: SuppliedArtwork): Buffer {
  const raw = Buffer.alloc((art.width + 1) * art.height);
  for (let y = 0; y < art.height; y++) raw.set(art.gray.subarray(y * art.width, (y + 1) * art.width), y * (art.width + 1) + 1);
  return greyscalePng(art.width, art.height, 8, raw);
}
