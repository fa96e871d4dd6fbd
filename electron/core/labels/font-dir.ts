import { fileURLToPath } from 'node:url';

/**
 * Where the label fonts are when a render names no folder. The shells set it from the asset
 * folder they were started with (a bundle does not sit where the sources do); the sources' own
 * `assets/fonts` serves tests and tools run from the checkout. Apart from the font loader so a
 * shell can set it without loading the label engine.
 */
let fontDir = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));

/** Points every later render without a `fontDir` at this folder. */
export function useLabelFontDir(dir: string): void {
  fontDir = dir;
}

export function labelFontDir(): string {
  return fontDir;
}
