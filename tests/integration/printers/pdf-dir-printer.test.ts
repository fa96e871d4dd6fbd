import { watch } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPrinter, type PrintProgress } from '../../../electron/core/printers/index.ts';
import type { PrinterProfile } from '../../../electron/shared/printer-profile.ts';
import { batchOfLabels } from '../../support/printer-labels.ts';
import { missingTools, pdfToPngs, zbarDecode } from '../../support/system-tools.ts';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

const profileFor = (folder: string, labelsPerJob: number): PrinterProfile => ({
  id: 'hot', name: 'Hot folder', uri: `pdf-dir:${folder}`, template: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: null, labelsPerJob,
});

/** A complete PDF starts with its header and ends with its end-of-file marker. */
const isWholePdf = (bytes: Buffer): boolean =>
  bytes.subarray(0, 5).toString('latin1') === '%PDF-' && /%%EOF\s*$/.test(bytes.subarray(-32).toString('latin1'));

describe('pdf-dir: a hot folder of label PDFs', () => {
  it('a program watching the folder only ever sees complete PDFs, one per job', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'hot-folder-'));
    folders.push(folder);
    const seen = new Map<string, boolean>();
    const look = async (): Promise<void> => {
      for (const name of await readdir(folder)) {
        if (name.startsWith('.') || seen.get(name)) continue;
        seen.set(name, isWholePdf(await readFile(join(folder, name)).catch(() => Buffer.alloc(0))));
      }
    };
    const watcher = watch(folder, () => void look());
    const progress: PrintProgress[] = [];
    try {
      await openPrinter(profileFor(folder, 2)).print(batchOfLabels(5), (p) => progress.push(p));
      await look();
    } finally {
      watcher.close();
    }

    expect([...seen.values()]).toEqual([true, true, true]);
    const files = (await readdir(folder)).sort();
    expect(files).toHaveLength(3);
    expect(files.every((name) => /^\d{8}T\d{6}-2026-11-28_09_30_00-[135]\.pdf$/.test(name))).toBe(true);
    expect(progress.filter((p) => p.state === 'confirmed').map((p) => p.key)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']);
  });

  it.skipIf(missingTools('pdftoppm', 'zbarimg').length > 0)('never overwrites: the same job twice gives two files, both scannable', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'hot-folder-'));
    folders.push(folder);
    const frozen = { now: () => Date.parse('2026-11-28T03:00:00Z') };
    const labels = batchOfLabels(1);
    await openPrinter(profileFor(folder, 1), frozen).print(labels, () => undefined);
    await openPrinter(profileFor(folder, 1), frozen).print(labels, () => undefined);
    const files = (await readdir(folder)).sort();
    expect(files).toEqual(['20261128T030000-2026-11-28_09_30_00-1-1.pdf', '20261128T030000-2026-11-28_09_30_00-1.pdf']);
    for (const file of files) {
      const [png] = pdfToPngs(join(folder, file), join(folder, `.${file}`));
      expect(zbarDecode(png as string)).toContain(labels[0]?.order.awb);
    }
  });

  it('a folder that cannot be made is a config error, not a retry', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'hot-folder-'));
    folders.push(folder);
    await writeFile(join(folder, 'a-file'), 'not a folder');
    const port = openPrinter(profileFor(join(folder, 'a-file', 'labels'), 1));
    expect((await port.status()).state).toBe('error');
    await expect(port.print(batchOfLabels(1), () => undefined)).rejects.toMatchObject({ kind: 'config', retryable: false, unconfirmedKeys: ['L1'] });
  });
});
