/**
 * `npm run bench:raster [-- --labels N]` (default 300; the baseline holds about 8 MB a label): the memory of printing N labels to a
 * thermal printer, as a raw printer renders them (`renderRasterJob`: each label's Skia pixels
 * released before the next), against the baseline of the same labels rendered back to back
 * with `renderRaster` alone, in the same run. Each is its own child process, so each peak RSS is
 * its own; RSS is sampled every 100 labels to show whether it climbs.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderRaster, renderTestPagePdf, renderTestPageRaster, renderPdf } from '../../electron/core/labels/index.ts';
import { renderRasterJob } from '../../electron/core/printers/raster-job.ts';
import { batchOfLabels } from '../support/printer-labels.ts';

type Mode = 'job' | 'back-to-back';
interface Run {
  ms: number;
  peakMb: number;
  byHundred: number[];
}

const options = { template: '100x150' as const, dpi: 203 };
const engine = { renderPdf, renderRaster, renderTestPagePdf, renderTestPageRaster };
const rssMb = (): number => process.memoryUsage().rss / 1024 / 1024;

async function run(mode: Mode, count: number): Promise<Run> {
  const labels = batchOfLabels(count);
  const byHundred: number[] = [];
  const t0 = performance.now();
  for (let start = 0; start < count; start += 100) {
    const job = labels.slice(start, start + 100);
    if (mode === 'job') await renderRasterJob(job, engine, options);
    else job.forEach((label) => renderRaster(label, options));
    byHundred.push(rssMb());
  }
  return { ms: performance.now() - t0, peakMb: process.resourceUsage().maxRSS / 1024, byHundred };
}

function inChild(mode: Mode, count: number): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, '--labels', String(count)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Run;
}

const { values } = parseArgs({ options: { labels: { type: 'string', default: '300' }, child: { type: 'string' } } });
const count = Number(values.labels);
if (!(count > 0)) throw new Error(`--labels must be a positive number, not ${values.labels}`);
if (values.child !== undefined) {
  console.log(JSON.stringify(await run(values.child as Mode, count)));
} else {
  console.log(`${count} labels, 100x150 at 203 dpi, as 1-bit rasters for a thermal printer, in jobs of 100`);
  const job = inChild('job', count);
  const backToBack = inChild('back-to-back', count);
  for (const [name, r] of [['renderRasterJob (as printers do)', job], ['renderRaster back to back (baseline)', backToBack]] as const) {
    console.log(`  ${name.padEnd(38)} ${(r.ms / count).toFixed(1)} ms/label, peak RSS ${r.peakMb.toFixed(0)} MB; RSS per 100 labels: ${r.byHundred.map((mb) => mb.toFixed(0)).join(' ')}`);
  }
  console.log(`  peak RSS ${(backToBack.peakMb / job.peakMb).toFixed(1)}x lower; time per label ${(job.ms / backToBack.ms).toFixed(2)}x the baseline's`);
}
