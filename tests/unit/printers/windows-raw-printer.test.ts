import { describe, expect, it } from 'vitest';
import type { LabelRenderer } from '../../../electron/core/printers/label-renderer.ts';
import { silentLogger, type PrinterDeps } from '../../../electron/core/printers/printer-deps.ts';
import { PrintJobFailedError, PrinterConfigError, PrinterOfflineError, PrinterPaperOutError, PrinterStoppedError } from '../../../electron/core/printers/printer-errors.ts';
import type { PrintProgress } from '../../../electron/core/printers/printer-port.ts';
import { createWindowsRawPrinter } from '../../../electron/core/printers/windows/windows-raw-printer.ts';
import { WinspoolCallError, jobStatus, printerStatus, winError, type PrinterHandle, type Winspool, type WinspoolJob } from '../../../electron/core/printers/windows/winspool-api.ts';
import type { PrinterProfile } from '../../../electron/shared/printer-profile.ts';
import { batchOfLabels } from '../../support/printer-labels.ts';

const bitmap = { width: 16, height: 2, rowBytes: 2, data: new Uint8Array([0xff, 0, 0, 0xff]) };
const labels: LabelRenderer = {
  renderPdf: () => {
    throw new Error('the raw path renders no PDF');
  },
  renderRaster: () => bitmap,
  renderTestPagePdf: () => Buffer.alloc(0),
  renderTestPageRaster: () => bitmap,
};

interface FakeOptions {
  /** A call name → the Windows error it fails with (once, unless `always`). */
  fail?: Record<string, number>;
  /** What GetJobW answers, one reading per look; after the last, the job has left the queue. */
  readings?: (WinspoolJob | undefined)[];
  /** Bytes WritePrinter takes per call (the spooler may take less than it was given). */
  writeChunk?: number;
}

/** The winspool calls as a log, answering like a spooler would. */
function fakeWinspool(options: FakeOptions = {}): Winspool & { calls: string[]; written: Buffer[] } {
  const calls: string[] = [];
  const written: Buffer[] = [];
  const readings = [...(options.readings ?? [])];
  const fail = new Map(Object.entries(options.fail ?? {}));
  const maybeFail = (call: string): void => {
    calls.push(call);
    const code = fail.get(call);
    if (code !== undefined) {
      fail.delete(call);
      throw new WinspoolCallError(call, code);
    }
  };
  return {
    calls,
    written,
    openPrinter(name): PrinterHandle {
      maybeFail(`OpenPrinterW ${name}`);
      return { printer: name };
    },
    closePrinter: () => void calls.push('ClosePrinter'),
    startDocPrinter(_handle, _doc, datatype) {
      maybeFail(`StartDocPrinterW ${datatype}`);
      return 42;
    },
    startPagePrinter: () => maybeFail('StartPagePrinter'),
    writePrinter(_handle, bytes) {
      maybeFail('WritePrinter');
      const taken = Math.min(bytes.length, options.writeChunk ?? bytes.length);
      written.push(Buffer.from(bytes.subarray(0, taken)));
      return taken;
    },
    endPagePrinter: () => maybeFail('EndPagePrinter'),
    endDocPrinter: () => maybeFail('EndDocPrinter'),
    getJob(_handle, jobId) {
      calls.push(`GetJobW ${jobId}`);
      return readings.shift();
    },
    deleteJob: (_handle, jobId) => void calls.push(`SetJobW delete ${jobId}`),
    getPrinter: () => ({ name: 'XP-420B', port: 'USB001', driver: 'Xprinter XP-420B', status: printerStatus.paperOut, attributes: 0 }),
    enumPrinters: () => [],
  };
}

let clock = 0;
const deps: PrinterDeps = {
  run: async () => ({ code: 0, stdout: '', stderr: '' }),
  now: () => clock,
  sleep: async (ms) => {
    clock += ms;
  },
  logger: silentLogger,
  labels,
  platform: 'win32',
  tmpDir: '/tmp',
};
const profile: PrinterProfile = { id: 'w', name: 'XP-420B', uri: 'tspl+system:XP-420B', template: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 8, labelsPerJob: 5 };
const timing = { firstPollMs: 100, maxPollMs: 400, jobTimeoutMs: 60_000, offlineGraceMs: 5_000 };
const printing: WinspoolJob = { status: 0x10, statusText: null };

const portOn = (ws: Winspool) => createWindowsRawPrinter(profile, { protocol: 'tspl', queue: 'XP-420B' }, deps, async () => ws, timing);

describe('Windows RAW printing through winspool (fake binding)', () => {
  it('opens, starts a RAW document, writes every byte, ends it, follows the job by id until it leaves the queue, closes', async () => {
    const ws = fakeWinspool({ readings: [printing, printing], writeChunk: 100 });
    const progress: PrintProgress[] = [];
    await portOn(ws).print(batchOfLabels(2), (p) => progress.push(p));
    expect(ws.calls.filter((c) => c !== 'WritePrinter')).toEqual([
      'OpenPrinterW XP-420B', 'StartDocPrinterW RAW', 'StartPagePrinter', 'EndPagePrinter', 'EndDocPrinter', 'GetJobW 42', 'GetJobW 42', 'GetJobW 42', 'ClosePrinter',
    ]);
    const sent = Buffer.concat(ws.written).toString('latin1');
    expect(sent.match(/PRINT 1,1/g)).toHaveLength(2);
    expect(sent).toContain('DENSITY 8');
    expect(progress.map((p) => `${p.key}:${p.state}:${p.spoolJob ?? ''}`)).toEqual(['L1:sent:XP-420B-42', 'L2:sent:XP-420B-42', 'L1:confirmed:', 'L2:confirmed:']);
  });

  it('falls back to XPS_PASS when an XPS driver refuses the RAW datatype', async () => {
    const ws = fakeWinspool({ fail: { 'StartDocPrinterW RAW': winError.invalidDatatype } });
    await portOn(ws).printTestPage();
    expect(ws.calls.slice(0, 3)).toEqual(['OpenPrinterW XP-420B', 'StartDocPrinterW RAW', 'StartDocPrinterW XPS_PASS']);
  });

  it('maps Windows errors to what the operator can do', async () => {
    const failure = async (fail: Record<string, number>) => portOn(fakeWinspool({ fail })).print(batchOfLabels(1), () => undefined).catch((error: unknown) => error);
    const missing = await failure({ 'OpenPrinterW XP-420B': winError.invalidPrinterName });
    expect(missing).toBeInstanceOf(PrinterConfigError);
    expect((missing as Error).message).toMatch(/Windows has no printer "XP-420B"/);
    expect(await failure({ WritePrinter: winError.notReady })).toBeInstanceOf(PrinterOfflineError);
    expect(await failure({ WritePrinter: winError.outOfPaper })).toBeInstanceOf(PrinterPaperOutError);
    expect(await failure({ 'StartDocPrinterW RAW': winError.accessDenied })).toBeInstanceOf(PrinterConfigError);
    const odd = await failure({ EndDocPrinter: 1234 });
    expect(odd).toBeInstanceOf(PrintJobFailedError);
    expect((odd as PrintJobFailedError).unconfirmedKeys).toEqual(['L1']);
  });

  it('a write that fails half way withdraws the job, so a partial label cannot print later', async () => {
    const ws = fakeWinspool({ fail: { WritePrinter: winError.notReady } });
    await portOn(ws).print(batchOfLabels(1), () => undefined).catch(() => undefined);
    expect(ws.calls).toContain('SetJobW delete 42');
    expect(ws.calls.at(-1)).toBe('ClosePrinter');
  });

  it('paper out and a held queue are reported with their state, the job withdrawn; an offline printer gets its grace first', async () => {
    const paperOut = fakeWinspool({ readings: [{ status: jobStatus.paperOut, statusText: 'Out of paper' }] });
    const out = await portOn(paperOut).print(batchOfLabels(1), () => undefined).catch((error: unknown) => error);
    expect(out).toBeInstanceOf(PrinterPaperOutError);
    expect(paperOut.calls).toContain('SetJobW delete 42');

    const held = await portOn(fakeWinspool({ readings: [{ status: jobStatus.paused, statusText: null }] })).print(batchOfLabels(1), () => undefined).catch((error: unknown) => error);
    expect(held).toBeInstanceOf(PrinterStoppedError);

    const offline = { status: jobStatus.offline, statusText: null };
    const blip = fakeWinspool({ readings: [offline, offline, printing] });
    await expect(portOn(blip).print(batchOfLabels(1), () => undefined)).resolves.toBeUndefined();
    const unplugged = fakeWinspool({ readings: Array.from({ length: 200 }, () => offline) });
    const gone = await portOn(unplugged).print(batchOfLabels(1), () => undefined).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(PrinterOfflineError);
    expect((gone as Error).message).toMatch(/plug in its USB cable.*withdrawn/);
  });

  it('a job deleted from the queue by hand fails without retry: its labels were not printed', async () => {
    const ws = fakeWinspool({ readings: [{ status: jobStatus.deleting, statusText: null }] });
    const failure = await portOn(ws).print(batchOfLabels(1), () => undefined).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrintJobFailedError);
  });

  it('on resume: a recorded job still printing is followed to its end; one already gone prints again', async () => {
    expect(await portOn(fakeWinspool({ readings: [printing, { status: jobStatus.printed, statusText: null }] })).followSpoolJob?.('XP-420B-42')).toBe('completed');
    expect(await portOn(fakeWinspool({ readings: [] })).followSpoolJob?.('XP-420B-42')).toBe('not-printed');
    expect(await portOn(fakeWinspool()).followSpoolJob?.('Other-42')).toBe('not-printed');
  });

  it('status reads the printer state bits; calibration sends GAPDETECT before the test page', async () => {
    expect((await portOn(fakeWinspool()).status()).state).toBe('paper-out');
    const ws = fakeWinspool();
    await portOn(ws).calibrate?.();
    expect(Buffer.concat(ws.written).toString('latin1')).toMatch(/^GAP 2 mm,0 mm\r\nGAPDETECT\r\nSIZE/);
  });
});
