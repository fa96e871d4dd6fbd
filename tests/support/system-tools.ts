import { execFile, execFileSync, spawnSync } from 'node:child_process';

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

const zbarArgs = (imagePath: string) => ['-q', '--raw', '--nodbus', imagePath];

/** zbarimg exits 4 when it found no code: that is an answer, not a failure. */
function zbarCodes(status: number | null, stdout: string, stderr: string): string[] {
  if (status !== 0 && status !== 4) throw new Error(`zbarimg failed: ${stderr}`);
  return stdout.split('\n').filter((line) => line.length > 0);
}

/** Decodes every barcode zbar finds in an image file; [] when none. */
export function zbarDecode(imagePath: string): string[] {
  const result = spawnSync('zbarimg', zbarArgs(imagePath), { encoding: 'utf8' });
  return zbarCodes(result.status, result.stdout, result.stderr);
}

/** As `zbarDecode`, without blocking the event loop: a long soak scans while the station prints. */
export function zbarDecodeAsync(imagePath: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile('zbarimg', zbarArgs(imagePath), { encoding: 'utf8' }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      try {
        resolve(zbarCodes(status, stdout, stderr));
      } catch (failure) {
        reject(failure instanceof Error ? failure : new Error(String(failure)));
      }
    });
  });
}

/** Rasterises a PDF as a 203-dpi thermal printer would; returns the page PNGs in order. */
export function pdfToPngs(pdfPath: string, outPrefix: string, dpi = 203): string[] {
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', pdfPath, outPrefix]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1] ?? '0');
  const digits = String(pages).length;
  return Array.from({ length: pages }, (_, i) => `${outPrefix}-${String(i + 1).padStart(digits, '0')}.png`);
}
