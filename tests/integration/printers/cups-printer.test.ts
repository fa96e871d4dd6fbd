import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  discoverPrinters, openPrinter, PrintJobFailedError, PrinterStoppedError, type PrintProgress,
} from '../../../electron/core/printers/index.ts';
import type { LabelTemplateId, PrinterProfile } from '../../../electron/shared/printer-profile.ts';
import { cupsLabelPrinterTools, startCupsLabelPrinter, type CupsLabelPrinter } from '../../support/cups-label-printer.ts';
import { batchOfLabels } from '../../support/printer-labels.ts';
import { missingTools, pdfToPngs, zbarDecode } from '../../support/system-tools.ts';

const missing = missingTools(...cupsLabelPrinterTools, 'pdfinfo', 'pdftoppm', 'zbarimg');
const work = mkdtempSync(join(tmpdir(), 'cups-printer-'));

const profileFor = (uri: string, labelsPerJob: number, template: LabelTemplateId = '100x150'): PrinterProfile => ({
  id: 'cups', name: 'Label printer', uri, template, dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: null, labelsPerJob,
});

/** Page sizes of a PDF in mm, as pdfinfo reports them. */
function pageSizesMm(pdf: string): { width: number; height: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    width: Math.round((Number(m[1]) / 72) * 25.4),
    height: Math.round((Number(m[2]) / 72) * 25.4),
  }));
}

describe.skipIf(missing.length > 0)('CUPS queue with a virtual IPP label printer', () => {
  let printer: CupsLabelPrinter;
  let slow: CupsLabelPrinter;
  beforeAll(async () => {
    [printer, slow] = await Promise.all([startCupsLabelPrinter(), startCupsLabelPrinter({ printSeconds: 4 })]);
  });
  afterAll(async () => {
    await Promise.all([printer?.stop(), slow?.stop()]);
    rmSync(work, { recursive: true, force: true });
  });

  it('a 100×150 batch arrives as 100×150 mm pages whose AWBs scan, each label confirmed only after CUPS completed its job', async () => {
    const labels = batchOfLabels(3);
    const progress: PrintProgress[] = [];
    await openPrinter(profileFor(printer.uri, 2)).print(labels, (p) => progress.push(p));

    expect(progress.map((p) => `${p.key}:${p.state}`)).toEqual(['L1:sent', 'L2:sent', 'L1:confirmed', 'L2:confirmed', 'L3:sent', 'L3:confirmed']);
    const files = printer.printedFiles();
    expect(files).toHaveLength(2);
    const pages = files.flatMap((file) => pageSizesMm(file));
    expect(pages).toEqual([{ width: 100, height: 150 }, { width: 100, height: 150 }, { width: 100, height: 150 }]);
    const scanned = files.flatMap((file, i) => pdfToPngs(file, join(work, `job${i}`)).map((png) => zbarDecode(png)));
    scanned.forEach((codes, i) => expect(codes).toContain(labels[i]?.order.awb));
  });

  it('the queue lists itself with its state', async () => {
    const found = await discoverPrinters();
    expect(found).toContainEqual(expect.objectContaining({ uri: printer.uri, kind: 'system', status: expect.objectContaining({ state: 'ready' }) }));
  });

  it('media the printer rejects: CUPS cancels the job, reported failed with its reason, nothing confirmed', async () => {
    const progress: PrintProgress[] = [];
    const failure = await openPrinter(profileFor(printer.uri, 4, 'a4-4up')).print(batchOfLabels(2), (p) => progress.push(p)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PrintJobFailedError);
    expect((failure as PrintJobFailedError).retryable).toBe(false);
    expect((failure as PrintJobFailedError).reason).toMatch(/cannot print with supplied options/i);
    expect((failure as PrintJobFailedError).unconfirmedKeys).toEqual(['L1', 'L2']);
    expect(progress.filter((p) => p.state === 'confirmed')).toEqual([]);
  });

  it('a paused queue: PrinterStoppedError before anything is sent, with the command that resumes it', async () => {
    execFileSync('cupsdisable', ['-r', 'maintenance', printer.queue]);
    try {
      const port = openPrinter(profileFor(printer.uri, 2));
      expect(await port.status()).toMatchObject({ state: 'stopped' });
      const progress: PrintProgress[] = [];
      const failure = await port.print(batchOfLabels(2), (p) => progress.push(p)).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(PrinterStoppedError);
      expect((failure as PrinterStoppedError).message).toContain(`cupsenable ${printer.queue}`);
      expect(progress).toEqual([]);
    } finally {
      execFileSync('cupsenable', [printer.queue]);
    }
  });

  it('a job cancelled at the spooler while printing is reported failed, not printed', async () => {
    const progress: PrintProgress[] = [];
    const failure = await openPrinter(profileFor(slow.uri, 1))
      .print(batchOfLabels(2), (p) => {
        progress.push(p);
        if (p.state === 'sent') spawnSync('cancel', ['-a', slow.queue]);
      })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PrintJobFailedError);
    expect((failure as PrintJobFailedError).unconfirmedKeys).toEqual(['L1', 'L2']);
    expect(progress).toEqual([{ key: 'L1', state: 'sent', spoolJob: expect.stringMatching(new RegExp(`^${slow.queue}-\\d+$`)) }]);
  });

  it('a queue stopped while its job waits: the job is withdrawn and PrinterStoppedError is retryable', async () => {
    const failure = await openPrinter(profileFor(slow.uri, 1))
      .print(batchOfLabels(1), (p) => p.state === 'sent' && spawnSync('cupsdisable', [slow.queue]))
      .catch((e: unknown) => e)
      .finally(() => spawnSync('cupsenable', [slow.queue]));
    expect(failure).toBeInstanceOf(PrinterStoppedError);
    expect((failure as PrinterStoppedError).retryable).toBe(true);
    expect((failure as PrinterStoppedError).message).toMatch(/withdrawn/);
    const queued = execFileSync('lpstat', ['-o', slow.queue], { encoding: 'utf8' });
    expect(queued.trim()).toBe('');
  });
});
