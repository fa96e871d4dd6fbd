import { createRequire } from 'node:module';
import type * as Canvas from '@napi-rs/canvas';

let canvasModule: typeof Canvas | undefined;

/** The app's Skia canvas (@napi-rs/canvas), loaded on first use as the raster painter does. */
export function skia(): typeof Canvas {
  canvasModule ??= createRequire(import.meta.url)('@napi-rs/canvas') as typeof Canvas;
  return canvasModule;
}
