/**
 * `npm run bench:printers`: how fast a batch reaches each kind of printer on this machine, and
 * how soon its first label is confirmed (what the packer waits for). Real parts: the label
 * engine, the raw port-9100 test printer, and CUPS with a virtual IPP label printer when present.
 */
import { renderRaster } from '../../electron/core/labels/index.ts';
import { openPrinter } from '../../electron/core/printers/index.ts';
import { encodeEscPosLabel } from '../../electron/core/printers/raw/escpos-encoder.ts';
import { encodeTsplLabel } from '../../electron/core/printers/raw/tspl-encoder.ts';
import { encodeZplLabel } from '../../electron/core/printers/raw/zpl-encoder.ts';
import type { PrinterProfile } from '../../electron/shared/printer-profile.ts';
import { cupsLabelPrinterTools, startCupsLabelPrinter } from '../support/cups-label-printer.ts';
import { batchOfLabels } from '../support/printer-labels.ts';
import { startRawPrinter } from '../support/raw-printer.ts';
import { missingTools } from '../support/system-tools.ts';

const count = 20;
const labels = batchOfLabels(count);
const profile = (uri: string): PrinterProfile => ({
  id: 'bench', name: 'bench', uri, template: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 8, labelsPerJob: 5,
});

async function timeBatch(uri: string): Promise<{ totalMs: number; firstMs: number }> {
  const started = performance.now();
  let firstMs = 0;
  await openPrinter(profile(uri)).print(labels, (p) => {
    if (p.state === 'confirmed' && firstMs === 0) firstMs = performance.now() - started;
  });
  return { totalMs: performance.now() - started, firstMs };
}

const [first] = labels;
if (!first) throw new Error('no labels');
const bitmap = renderRaster(first, { template: '100x150', dpi: 203 });
console.log(`one 100x150 label at 203 dpi (${bitmap.width}x${bitmap.height} dots), bytes on the wire:`);
console.log(`  ESC/POS ${encodeEscPosLabel(bitmap).length}  TSPL ${encodeTsplLabel(bitmap, { dpi: 203, darkness: 8 }).length}  ZPL ${encodeZplLabel(bitmap, 8).length}`);

console.log(`\n${count} labels, 5 per job: total / first label confirmed`);
for (const language of ['escpos', 'tspl', 'zpl'] as const) {
  const printer = await startRawPrinter();
  const { totalMs, firstMs } = await timeBatch(`${language}://127.0.0.1:${printer.port}`);
  console.log(`  ${language.padEnd(7)} ${totalMs.toFixed(0).padStart(6)} ms  ${firstMs.toFixed(0).padStart(5)} ms`);
  await printer.stop();
}
if (missingTools(...cupsLabelPrinterTools).length === 0) {
  const cups = await startCupsLabelPrinter();
  try {
    for (const run of ['cold', 'warm']) {
      const { totalMs, firstMs } = await timeBatch(cups.uri);
      console.log(`  cups ${run.padEnd(2)} ${totalMs.toFixed(0).padStart(6)} ms  ${firstMs.toFixed(0).padStart(5)} ms`);
    }
  } finally {
    await cups.stop();
  }
}
