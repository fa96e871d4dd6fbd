import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { MonoBitmap } from '../../../electron/core/labels/label-types.ts';
import { openPrinter, PrinterOfflineError, PrinterPaperOutError, PrinterStoppedError, type PrintProgress } from '../../../electron/core/printers/index.ts';
import type { PrinterProfile } from '../../../electron/shared/printer-profile.ts';
import { monoBitmapToPngBuffer } from '../../support/mono-bitmap-png.ts';
import { decodeEscPos, decodeTspl, decodeZpl } from '../../support/printer-decoders.ts';
import { batchOfLabels } from '../../support/printer-labels.ts';
import { startRawPrinter, type RawPrinter } from '../../support/raw-printer.ts';
import { missingTools, zbarDecode } from '../../support/system-tools.ts';

const work = mkdtempSync(join(tmpdir(), 'raw-printers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let printer: RawPrinter | undefined;
afterEach(async () => {
  await printer?.stop();
  printer = undefined;
});

const profileFor = (uri: string, labelsPerJob: number, dpi: 203 | 300 = 203): PrinterProfile => ({
  id: 'p1', name: 'Packing desk', uri, template: '100x150', dpi, offsetXmm: 0, offsetYmm: 0, darkness: 10, labelsPerJob,
});

const decoders = { escpos: decodeEscPos, tspl: decodeTspl, zpl: decodeZpl } as const;

/** Reads a label as a scanner would: the bitmap as paper, zbar as the courier's scanner. */
function scan(bitmap: MonoBitmap, name: string): string[] {
  const file = join(work, `${name}.png`);
  writeFileSync(file, monoBitmapToPngBuffer(bitmap));
  return zbarDecode(file);
}

describe.skipIf(missingTools('zbarimg').length > 0)('raw 9100 printers print labels a scanner reads', () => {
  for (const language of ['escpos', 'tspl', 'zpl'] as const) {
    it(`${language}: every AWB decodes from the bytes the printer received, each label confirmed after it was sent`, async () => {
      printer = await startRawPrinter();
      const labels = batchOfLabels(3);
      const progress: PrintProgress[] = [];
      const port = openPrinter(profileFor(`${language}://127.0.0.1:${printer.port}`, 2));
      await port.print(labels, (p) => progress.push(p));

      expect(printer.received()).toHaveLength(2);
      const printed = decoders[language](Buffer.concat(printer.received()));
      expect(printed).toHaveLength(3);
      printed.forEach((bitmap, i) => {
        expect(bitmap.height).toBe(1199);
        expect(scan(bitmap, `${language}-${i}`)).toContain(labels[i]?.order.awb);
      });
      const order = progress.map((p) => `${p.key}:${p.state}`);
      expect(order).toEqual(['L1:sent', 'L2:sent', 'L1:confirmed', 'L2:confirmed', 'L3:sent', 'L3:confirmed']);
    });
  }

  it('zpl at 300 dpi: a 100×150 label is 1181 × 1772 dots and its AWB scans', async () => {
    printer = await startRawPrinter();
    const [label] = batchOfLabels(1);
    await openPrinter(profileFor(`zpl://127.0.0.1:${printer.port}`, 1, 300)).print(label ? [label] : [], () => undefined);
    const bytes = Buffer.concat(printer.received());
    expect(bytes.toString('latin1')).toContain('^PW1181^LL1772');
    const [printed] = decodeZpl(bytes);
    expect(printed?.height).toBe(1772);
    expect(scan(printed as MonoBitmap, 'zpl-300')).toContain(label?.order.awb);
  });
});

describe.skipIf(missingTools('zbarimg').length > 0)('raw printer test page', () => {
  it('TSPL: the calibration page comes out at the label size with a barcode that scans', async () => {
    printer = await startRawPrinter();
    await openPrinter(profileFor(`tspl://127.0.0.1:${printer.port}`, 1)).printTestPage();
    const [page] = decodeTspl(Buffer.concat(printer.received()));
    expect(page?.height).toBe(1199);
    expect(scan(page as MonoBitmap, 'test-page')).toContain('TEST-203DPI');
  });

  it('network TSPL and ZPL: Calibrate sends the sensor calibration ahead of the test page, in one job', async () => {
    printer = await startRawPrinter();
    await openPrinter({ ...profileFor(`tspl://127.0.0.1:${printer.port}`, 1), media: { sensor: 'gap', gapMm: 2, offsetMm: 0, speedIps: 4 } }).calibrate?.();
    const tspl = Buffer.concat(printer.received());
    // After the status query, before the page's bitmap.
    expect(tspl.toString('latin1')).toMatch(/GAP 2 mm,0 mm\r\nSPEED 4\r\nGAPDETECT\r\n[^]*BITMAP/);
    const [page] = decodeTspl(tspl);
    expect(scan(page as MonoBitmap, 'calibrated-tspl')).toContain('TEST-203DPI');
    await printer.stop();

    printer = await startRawPrinter();
    await openPrinter(profileFor(`zpl://127.0.0.1:${printer.port}`, 1)).calibrate?.();
    const zpl = Buffer.concat(printer.received());
    expect(zpl.toString('latin1')).toMatch(/\^XA\^MNY\^XZ~JC[^]*\^GFA/);
    // The calibration's own setup format prints nothing: the page is what follows it.
    const [zplPage] = decodeZpl(zpl.subarray(zpl.indexOf('~JC') + 3));
    expect(scan(zplPage as MonoBitmap, 'calibrated-zpl')).toContain('TEST-203DPI');
  });

  it('network ESC/POS has no label sensor: Calibrate says so and sends nothing', async () => {
    printer = await startRawPrinter();
    await expect(openPrinter(profileFor(`escpos://127.0.0.1:${printer.port}`, 1)).calibrate?.()).rejects.toThrow(/ESC\/POS, which has no label sensor/);
    expect(printer.received()).toEqual([]);
  });
});

describe('raw printers that cannot print', () => {
  it('a printer switched off mid-batch: PrinterOfflineError naming exactly the labels not printed', async () => {
    printer = await startRawPrinter();
    const sim = printer;
    const labels = batchOfLabels(5);
    const confirmed: string[] = [];
    const port = openPrinter(profileFor(`tspl://127.0.0.1:${sim.port}`, 2), {}, { rawTimeouts: { connectTimeoutMs: 1_000 } });
    const failure = await port
      .print(labels, (p) => {
        if (p.state !== 'confirmed') return;
        confirmed.push(p.key);
        if (p.key === 'L2') void sim.goOffline();
      })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(PrinterOfflineError);
    expect((failure as PrinterOfflineError).retryable).toBe(true);
    expect((failure as PrinterOfflineError).unconfirmedKeys).toEqual(['L3', 'L4', 'L5']);
    expect(confirmed).toEqual(['L1', 'L2']);
    expect(decodeTspl(Buffer.concat(sim.received()))).toHaveLength(2);

    await sim.comeBack();
    await port.print(labels.slice(2), () => undefined);
    expect(decodeTspl(Buffer.concat(sim.received()))).toHaveLength(5);
  });

  it('a printer that dies while receiving a job: that job and the rest are not printed', async () => {
    printer = await startRawPrinter();
    const sim = printer;
    const confirmed: string[] = [];
    const port = openPrinter(profileFor(`escpos://127.0.0.1:${sim.port}`, 1));
    const failure = await port
      .print(batchOfLabels(3), (p) => {
        if (p.state === 'confirmed') confirmed.push(p.key);
        if (p.key === 'L1' && p.state === 'confirmed') sim.dropNextConnectionAfter(20_000);
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrinterOfflineError);
    expect(confirmed).toEqual(['L1']);
    expect((failure as PrinterOfflineError).unconfirmedKeys).toEqual(['L2', 'L3']);
  });

  it('ESC/POS running out of paper during a job: its labels stay unconfirmed', async () => {
    printer = await startRawPrinter();
    const sim = printer;
    const progress: PrintProgress[] = [];
    const port = openPrinter(profileFor(`escpos://127.0.0.1:${sim.port}`, 2));
    const failure = await port
      .print(batchOfLabels(2), (p) => {
        progress.push(p);
        if (p.state === 'sent') sim.setState({ paperOut: true });
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrinterPaperOutError);
    expect((failure as PrinterPaperOutError).message).toMatch(/load a new roll/);
    expect((failure as PrinterPaperOutError).unconfirmedKeys).toEqual(['L1', 'L2']);
    expect(progress.filter((p) => p.state === 'confirmed')).toEqual([]);
  });

  it('ESC/POS out of paper: nothing is sent, PrinterPaperOutError; the status shows it', async () => {
    printer = await startRawPrinter();
    printer.setState({ paperOut: true });
    const port = openPrinter(profileFor(`escpos://127.0.0.1:${printer.port}`, 5));
    const progress: PrintProgress[] = [];
    await expect(port.print(batchOfLabels(2), (p) => progress.push(p))).rejects.toBeInstanceOf(PrinterPaperOutError);
    expect(progress).toEqual([]);
    expect(decodeEscPos(Buffer.concat(printer.received()))).toEqual([]);
    expect((await port.status()).state).toBe('paper-out');
  });

  it('TSPL out of labels (<ESC>!? answer): nothing is sent, PrinterPaperOutError', async () => {
    printer = await startRawPrinter();
    printer.setState({ paperOut: true });
    const port = openPrinter(profileFor(`tspl://127.0.0.1:${printer.port}`, 5));
    await expect(port.print(batchOfLabels(2), () => undefined)).rejects.toThrow(/out of labels/);
    expect(decodeTspl(Buffer.concat(printer.received()))).toEqual([]);
    printer.setState({ paperOut: false });
    expect((await port.status()).state).toBe('ready');
  });

  it('ZPL paused: PrinterStoppedError with the way out', async () => {
    printer = await startRawPrinter();
    printer.setState({ paused: true });
    const port = openPrinter(profileFor(`zpl://127.0.0.1:${printer.port}`, 5));
    await expect(port.print(batchOfLabels(1), () => undefined)).rejects.toThrow(PrinterStoppedError);
    await expect(port.print(batchOfLabels(1), () => undefined)).rejects.toThrow(/pause button/);
  });

  it('a printer that never answers status queries still prints, confirmed by a clean close', async () => {
    printer = await startRawPrinter({ answerStatus: false });
    const port = openPrinter(profileFor(`escpos://127.0.0.1:${printer.port}`, 5), {}, { rawTimeouts: { statusTimeoutMs: 150 } });
    const confirmed: string[] = [];
    await port.print(batchOfLabels(2), (p) => p.state === 'confirmed' && confirmed.push(p.key));
    expect(confirmed).toEqual(['L1', 'L2']);
    expect(decodeEscPos(Buffer.concat(printer.received()))).toHaveLength(2);
  });

  it('two batches at once go out one after the other, and status during a job says busy without a second connection', async () => {
    printer = await startRawPrinter();
    const port = openPrinter(profileFor(`zpl://127.0.0.1:${printer.port}`, 1));
    const states: string[] = [];
    const first = port.print(batchOfLabels(2), (p) => {
      if (p.state === 'sent') void port.status().then((s) => states.push(s.state));
    });
    const second = port.print(batchOfLabels(1), () => undefined);
    await Promise.all([first, second]);
    expect(states).toEqual(['busy', 'busy']);
    expect(printer.received()).toHaveLength(3);
    expect(printer.peakConnections()).toBe(1);
    expect(decodeZpl(Buffer.concat(printer.received()))).toHaveLength(3);
  });

  it('nobody listening at the address: offline, before any label is sent', async () => {
    printer = await startRawPrinter();
    await printer.goOffline();
    const port = openPrinter(profileFor(`zpl://127.0.0.1:${printer.port}`, 5));
    expect((await port.status()).state).toBe('offline');
    const failure = await port.print(batchOfLabels(3), () => undefined).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrinterOfflineError);
    expect((failure as PrinterOfflineError).message).toMatch(/not reachable.*switched on/);
    expect((failure as PrinterOfflineError).unconfirmedKeys).toEqual(['L1', 'L2', 'L3']);
  });
});
