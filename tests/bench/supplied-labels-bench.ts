/**
 * `npm run bench:supplied`: what a supplied label costs to make ready for a thermal printer,
 * beside our own label's cost. Each row is its own child process, so its peak RSS is its own:
 * our label's 1-bit raster; a marketplace PDF label read by pdf.js through our Skia canvas; the
 * same label as PNG and JPEG; an A4 sheet of four, cut with --layout auto. The first label of a
 * process pays for loading pdf.js (or Skia): it is shown apart, as "first".
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { releaseCanvasMemory, renderRaster, type LabelToRender } from '../../electron/core/labels/index.ts';
import { splitLabelFile } from '../../electron/core/labels/supplied/label-file.ts';
import { prepareSuppliedArtwork, type SuppliedImage } from '../../electron/core/labels/supplied/supplied-artwork.ts';
import { marketplaceImage, marketplacePdf } from '../../electron/simulator/labels/label-files.ts';
import { batchOfLabels } from '../support/printer-labels.ts';
import { marketplaceLabel } from '../support/supplied-fixtures.ts';

const kinds = ['ours', 'pdf', 'png', 'jpeg', 'a4-auto'] as const;
type Kind = (typeof kinds)[number];
const dpis = [203, 300] as const;
const count = 40;

interface Run {
  firstMs: number;
  msPerLabel: number;
  rssMb: number;
}

async function sources(kind: Exclude<Kind, 'ours' | 'a4-auto'>): Promise<SuppliedImage[]> {
  // Each label its own file: nothing is cached between them, as in a real batch.
  return Promise.all(
    Array.from({ length: count }, async (_, i): Promise<SuppliedImage> => {
      const label = marketplaceLabel(`SPXID04${String(1_000_000_000 + i)}`);
      if (kind === 'pdf') return { mediaType: 'application/pdf', bytes: await marketplacePdf('portrait', [[label]]), page: 1 };
      return { mediaType: kind === 'png' ? 'image/png' : 'image/jpeg', bytes: marketplaceImage('portrait', [label], kind), page: 1 };
    }),
  );
}

async function run(kind: Kind, dpi: number): Promise<Run> {
  const options = { template: '100x150' as const, dpi };
  const target = { widthMm: 100, heightMm: 150, dpi };
  let work: (() => Promise<unknown>)[];
  if (kind === 'ours') {
    // As a printer renders a job: each label's canvas pixels released before the next.
    work = batchOfLabels(count).map((label: LabelToRender) => async () => {
      renderRaster(label, options);
      await releaseCanvasMemory();
    });
  } else if (kind === 'a4-auto') {
    const sheets = await marketplacePdf('a4-4up', Array.from({ length: count / 4 }, (_, p) => [0, 1, 2, 3].map((i) => marketplaceLabel(`JX${String(1_000_000_000 + p * 4 + i)}`))));
    const labels = await splitLabelFile(sheets, 'sheets.pdf', 'auto');
    work = labels.map((label) => async () => renderRaster({ ...batchOfLabels(1)[0] as LabelToRender, supplied: await prepareSuppliedArtwork(label.image, target) }, options));
  } else {
    work = (await sources(kind)).map((image) => async () => renderRaster({ ...batchOfLabels(1)[0] as LabelToRender, supplied: await prepareSuppliedArtwork(image, target) }, options));
  }
  const t0 = performance.now();
  await work[0]?.();
  const firstMs = performance.now() - t0;
  const t1 = performance.now();
  for (const step of work.slice(1)) await step();
  const msPerLabel = (performance.now() - t1) / (work.length - 1);
  return { firstMs, msPerLabel, rssMb: process.resourceUsage().maxRSS / 1024 };
}

function inChild(kind: Kind, dpi: number): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', kind, String(dpi)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Run;
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt >= 0) {
    console.log(JSON.stringify(await run(process.argv[childAt + 1] as Kind, Number(process.argv[childAt + 2]))));
    return;
  }
  const pad = (s: string | number, n = 14): string => String(s).padStart(n);
  console.log(`supplied labels vs ours: 100x150 raster for a thermal printer, ${count} labels a run, one process per row`);
  console.log(['label', 'dpi', 'first ms', 'ms/label', 'peak RSS MB'].map((h) => pad(h)).join(''));
  for (const dpi of dpis) {
    for (const kind of kinds) {
      const r = inChild(kind, dpi);
      console.log([kind, dpi, r.firstMs.toFixed(0), r.msPerLabel.toFixed(1), r.rssMb.toFixed(0)].map((v) => pad(v)).join(''));
    }
  }
}

await main();
