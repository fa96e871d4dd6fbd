import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { renderRaster } from '../../../electron/core/labels/index.ts';
import { openPrinter, PrinterOfflineError, PrinterStoppedError, type PrintProgress } from '../../../electron/core/printers/index.ts';
import { rawProtocolDrivers } from '../../../electron/core/printers/raw/raw-protocols.ts';
import type { PrinterProfile } from '../../../electron/shared/printer-profile.ts';
import { cupsRawQueueTools, startCupsRawQueue, type CupsRawQueue } from '../../support/cups-raw-queue.ts';
import { monoBitmapToPngBuffer } from '../../support/mono-bitmap-png.ts';
import { decodeEscPos, decodeTspl, decodeZpl } from '../../support/printer-decoders.ts';
import { batchOfLabels } from '../../support/printer-labels.ts';
import { startRawPrinter, type RawPrinter } from '../../support/raw-printer.ts';
import { missingTools, zbarDecode } from '../../support/system-tools.ts';

const work = mkdtempSync(join(tmpdir(), 'cups-raw-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let printer: RawPrinter | undefined;
let queue: CupsRawQueue | undefined;
afterEach(async () => {
  queue?.remove();
  await printer?.stop();
  printer = undefined;
  queue = undefined;
});

const profileFor = (uri: string, labelsPerJob: number): PrinterProfile => ({
  id: 'usb', name: 'USB label printer', uri, template: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 10, labelsPerJob,
  media: { sensor: 'gap', gapMm: 3, offsetMm: 0, speedIps: 4 },
});
const timing = { firstPollMs: 50, maxPollMs: 200, jobTimeoutMs: 30_000 };
const decoders = { escpos: decodeEscPos, tspl: decodeTspl, zpl: decodeZpl } as const;

const scan = (bitmap: Parameters<typeof monoBitmapToPngBuffer>[0], name: string): string[] => {
  const file = join(work, `${name}.png`);
  writeFileSync(file, monoBitmapToPngBuffer(bitmap));
  return zbarDecode(file);
};

const jobIdOf = (spoolJob: string | undefined): number => Number(/-(\d+)$/.exec(spoolJob ?? '')?.[1]);

describe.skipIf(missingTools('zbarimg', ...cupsRawQueueTools).length > 0)('raw label languages through a real CUPS raw queue (a USB printer stand-in)', () => {
  for (const language of ['tspl', 'escpos', 'zpl'] as const) {
    it(`${language}+system: the bytes arrive unchanged, every AWB scans, each label confirmed only once CUPS completed its job`, { timeout: 60_000 }, async () => {
      printer = await startRawPrinter({ answerStatus: false });
      queue = await startCupsRawQueue(printer.port);
      const profile = profileFor(`${language}+system:${queue.queue}`, 2);
      const labels = batchOfLabels(3);
      const progress: PrintProgress[] = [];
      const cupsStateAtConfirm: (string | undefined)[] = [];
      let lastSpoolJob: string | undefined;
      const port = openPrinter(profile, {}, { cupsTiming: timing });
      await port.print(labels, (p) => {
        progress.push(p);
        if (p.state === 'sent') lastSpoolJob = p.spoolJob;
        else cupsStateAtConfirm.push(queue?.jobState(jobIdOf(lastSpoolJob)));
      });

      expect(progress.map((p) => `${p.key}:${p.state}`)).toEqual(['L1:sent', 'L2:sent', 'L1:confirmed', 'L2:confirmed', 'L3:sent', 'L3:confirmed']);
      expect(progress.filter((p) => p.state === 'sent').every((p) => p.spoolJob?.startsWith(`${queue?.queue}-`))).toBe(true);
      expect(cupsStateAtConfirm).toEqual(['completed', 'completed', 'completed']);

      // Byte for byte what the encoder made: CUPS neither filtered nor wrapped the job.
      const driver = rawProtocolDrivers[language];
      const expected = [labels.slice(0, 2), labels.slice(2)].map((job) => driver.encodeJob(job.map((label) => renderRaster(label, profile)), profile));
      expect(printer.received()).toHaveLength(2);
      printer.received().forEach((bytes, i) => expect(bytes.equals(expected[i] ?? Buffer.alloc(0)), `job ${i + 1}`).toBe(true));

      const printed = decoders[language](Buffer.concat(printer.received()));
      expect(printed).toHaveLength(3);
      printed.forEach((bitmap, i) => expect(scan(bitmap, `${language}-${i}`)).toContain(labels[i]?.order.awb));
    });
  }

  it('a disabled queue refuses to take labels, with the command that resumes it', { timeout: 30_000 }, async () => {
    printer = await startRawPrinter({ answerStatus: false });
    queue = await startCupsRawQueue(printer.port);
    queue.disable();
    const port = openPrinter(profileFor(`tspl+system:${queue.queue}`, 1), {}, { cupsTiming: timing });
    const failure = await port.print(batchOfLabels(1), () => undefined).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrinterStoppedError);
    expect((failure as PrinterStoppedError).message).toContain(`cupsenable ${queue.queue}`);
    expect((failure as PrinterStoppedError).unconfirmedKeys).toEqual(['L1']);
    expect(printer.received()).toHaveLength(0);
  });

  it('a queue that does not exist: the job waits (retryable) with the way out, nothing sent', { timeout: 30_000 }, async () => {
    const port = openPrinter(profileFor(`tspl+system:NoSuchQueue_${process.pid}`, 1), {}, { cupsTiming: timing });
    const failure = await port.print(batchOfLabels(1), () => undefined).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrinterOfflineError);
    expect((failure as PrinterOfflineError).retryable).toBe(true);
    expect((failure as PrinterOfflineError).message).toMatch(/CUPS has no queue "NoSuchQueue_\d+".*plug the printer in.*waits/);
    expect((await port.status()).state).toBe('error');
  });

  it('an unplugged printer: CUPS keeps the job processing; after the grace it is withdrawn and reported not connected, then prints once back', { timeout: 60_000 }, async () => {
    printer = await startRawPrinter({ answerStatus: false });
    queue = await startCupsRawQueue(printer.port);
    await printer.goOffline();
    const port = openPrinter(profileFor(`zpl+system:${queue.queue}`, 1), {}, { cupsTiming: { ...timing, offlineGraceMs: 1_500 } });
    let spoolJob: string | undefined;
    const failure = await port.print(batchOfLabels(1), (p) => (spoolJob ??= p.spoolJob)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrinterOfflineError);
    expect((failure as PrinterOfflineError).message).toMatch(/not connected.*plug in its USB.*withdrawn/);
    expect((failure as PrinterOfflineError).unconfirmedKeys).toEqual(['L1']);
    expect(queue.jobState(jobIdOf(spoolJob))).toBe('canceled');

    await printer.comeBack();
    await port.print(batchOfLabels(1), () => undefined);
    expect(decodeZpl(Buffer.concat(printer.received()))).toHaveLength(1);
  });

  it('TSPL calibration: the sensor command and the medium reach the printer ahead of the test page', { timeout: 30_000 }, async () => {
    printer = await startRawPrinter({ answerStatus: false });
    queue = await startCupsRawQueue(printer.port);
    const port = openPrinter({ ...profileFor(`tspl+system:${queue.queue}`, 1), media: { sensor: 'mark', gapMm: 3, offsetMm: 1, speedIps: 3 } }, {}, { cupsTiming: timing });
    await port.calibrate?.();
    const [bytes] = printer.received();
    const text = bytes?.toString('latin1') ?? '';
    expect(text.startsWith('BLINE 3 mm,1 mm\r\nSPEED 3\r\nBLINEDETECT\r\n')).toBe(true);
    const [page] = decodeTspl(bytes ?? Buffer.alloc(0));
    expect(page && scan(page, 'calibration')).toContain('TEST-203DPI');
  });
});
