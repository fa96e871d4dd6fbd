import { execFileSync, spawnSync } from 'node:child_process';

/**
 * System tools the real-parts tests need (zbar, poppler, CUPS, Chromium). Missing locally, the
 * tests that need them skip with a loud message; under CI (`CI=true`) a missing tool fails.
 */
export function hasTool(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export function missingTools(...commands: string[]): string[] {
  const missing = commands.filter((c) => !hasTool(c));
  if (missing.length > 0) {
    const message = `system tools missing: ${missing.join(', ')} (install them as .ci/run does)`;
    if (process.env.CI === 'true') throw new Error(`${message}: CI must have them`);
    console.warn(`\n!!! SKIPPING real-parts tests: ${message} !!!\n`);
  }
  return missing;
}

/** Decodes every barcode zbar finds in an image file; [] when none. */
export function zbarDecode(imagePath: string): string[] {
  const result = spawnSync('zbarimg', ['-q', '--raw', '--nodbus', imagePath], { encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 4) throw new Error(`zbarimg failed: ${result.stderr}`);
  return result.stdout.split('\n').filter((line) => line.length > 0);
}

/** Rasterises a PDF as a 203-dpi thermal printer would; returns the page PNGs in order. */
export function pdfToPngs(pdfPath: string, outPrefix: string, dpi = 203): string[] {
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', pdfPath, outPrefix]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1] ?? '0');
  const digits = String(pages).length;
  return Array.from({ length: pages }, (_, i) => `${outPrefix}-${String(i + 1).padStart(digits, '0')}.png`);
}
