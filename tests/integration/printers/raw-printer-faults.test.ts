import { afterEach, describe, expect, it } from 'vitest';
import { openPrinter, PrinterOfflineError, PrinterUnconfirmedError, type PrintProgress } from '../../../electron/core/printers/index.ts';
import type { PrinterLogger } from '../../../electron/core/printers/printer-deps.ts';
import type { PrinterProfile } from '../../../electron/shared/printer-profile.ts';
import { decodeEscPos, decodeTspl, decodeZpl } from '../../support/printer-decoders.ts';
import { batchOfLabels } from '../../support/printer-labels.ts';
import { startRawPrinter, type RawPrinter, type RawPrinterOptions } from '../../support/raw-printer.ts';

let printer: RawPrinter | undefined;
afterEach(async () => {
  await printer?.stop();
  printer = undefined;
});

const profileFor = (uri: string, labelsPerJob: number): PrinterProfile => ({
  id: 'p1', name: 'Packing desk', uri, template: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 10, labelsPerJob,
});

/** Short waits so each story takes about a second; the logic is the one real printers get. */
const rawTimeouts = { connectTimeoutMs: 1_000, statusTimeoutMs: 200, idleTimeoutMs: 1_500 };

function recordingLogger(): PrinterLogger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => undefined, warn: (message) => warnings.push(message) };
}

async function printTwo(language: 'escpos' | 'tspl' | 'zpl', options: RawPrinterOptions, logger: PrinterLogger = recordingLogger()) {
  printer = await startRawPrinter(options);
  const port = openPrinter(profileFor(`${language}://127.0.0.1:${printer.port}`, 2), { logger }, { rawTimeouts });
  const progress: PrintProgress[] = [];
  const failure = await port.print(batchOfLabels(2), (p) => progress.push(p)).then(() => undefined, (error: unknown) => error);
  return { port, progress, failure, sim: printer, confirmed: progress.filter((p) => p.state === 'confirmed').map((p) => p.key) };
}

const decoders = { escpos: decodeEscPos, tspl: decodeTspl } as const;

describe('a raw printer that stops reading and closes early (FIN, no reset)', () => {
  for (const language of ['escpos', 'tspl'] as const) {
    it(`${language}, silent to status: after 64 KB of a 240 KB job, nothing is confirmed and the job can be retried`, async () => {
      const { failure, confirmed, sim, port } = await printTwo(language, { answerStatus: false, closeEarlyAfter: 64 * 1024 });
      expect(failure).toBeInstanceOf(PrinterOfflineError);
      expect((failure as PrinterOfflineError).retryable).toBe(true);
      expect((failure as PrinterOfflineError).message).toMatch(/stopped reading and closed the connection before it had taken the whole job/);
      expect((failure as PrinterOfflineError).unconfirmedKeys).toEqual(['L1', 'L2']);
      expect(confirmed).toEqual([]);
      const [cut] = sim.received();
      expect(cut?.length).toBe(64 * 1024);

      sim.misbehave({ closeEarlyAfter: undefined });
      await port.print(batchOfLabels(2), () => undefined);
      const whole = sim.received()[1] ?? Buffer.alloc(0);
      expect(whole.length).toBeGreaterThan(230_000);
      expect(decoders[language](whole)).toHaveLength(2);
    });
  }

  it('escpos, answering status: the query after the job goes unanswered, the early close is seen, nothing confirmed', async () => {
    const { failure, confirmed } = await printTwo('escpos', { closeEarlyAfter: 64 * 1024 });
    expect(failure).toBeInstanceOf(PrinterOfflineError);
    expect((failure as PrinterOfflineError).message).toMatch(/stopped reading and closed the connection before it had taken the whole job/);
    expect(confirmed).toEqual([]);
  });
});

describe('a raw printer that reads everything and never closes', () => {
  it('silent to status: the job is unconfirmed, not retryable, delivered once, and says what to do', async () => {
    const { failure, confirmed, sim } = await printTwo('escpos', { answerStatus: false, neverClose: true });
    expect(failure).toBeInstanceOf(PrinterUnconfirmedError);
    const error = failure as PrinterUnconfirmedError;
    expect(error.retryable).toBe(false);
    expect(error.unconfirmedKeys).toEqual(['L1', 'L2']);
    expect(error.message).toMatch(/took all 2 label\(s\) of this job but did not close the connection within 1.5 s/);
    expect(error.message).toMatch(/possible duplicates/);
    expect(confirmed).toEqual([]);
    // One connection carried the job; the only other one checked that the printer is still there.
    expect(sim.received().map((bytes) => bytes.length > 0)).toEqual([true, false]);
    expect(decodeEscPos(sim.received()[0] ?? Buffer.alloc(0))).toHaveLength(2);
  });

  it('answering status: its good answer after the job confirms it, each label printed once', async () => {
    const logger = recordingLogger();
    const { failure, confirmed, sim, port } = await printTwo('zpl', { neverClose: true }, logger);
    expect(failure).toBeUndefined();
    expect(confirmed).toEqual(['L1', 'L2']);
    await port.print(batchOfLabels(1), () => undefined);
    expect(sim.received()).toHaveLength(2);
    expect(decodeZpl(Buffer.concat(sim.received()))).toHaveLength(3);
    expect(logger.warnings).toEqual([
      'printer did not close the connection cleanly after a job; its status answer confirmed it',
      'printer did not close the connection cleanly after a job; its status answer confirmed it',
    ]);
  });
});

describe('a raw printer that answers its status query with garbage', () => {
  for (const language of ['escpos', 'tspl', 'zpl'] as const) {
    for (const [what, reply] of [['text', Buffer.from('HELLO\r\n')], ['0xff bytes', Buffer.alloc(8, 0xff)]] as const) {
      it(`${language}, ${what}: not taken for a good status, nothing sent, the status says offline with the reason`, async () => {
        const { failure, progress, sim, port } = await printTwo(language, { statusReply: reply });
        expect(failure).toBeInstanceOf(PrinterOfflineError);
        expect((failure as PrinterOfflineError).message).toMatch(/bytes that do not read as (ESC\/POS|TSPL|ZPL) status/);
        expect((failure as PrinterOfflineError).unconfirmedKeys).toEqual(['L1', 'L2']);
        expect(progress).toEqual([]);
        const decode = { escpos: decodeEscPos, tspl: decodeTspl, zpl: decodeZpl }[language];
        expect(decode(Buffer.concat(sim.received()))).toEqual([]);
        const status = await port.status();
        expect(status.state).toBe('offline');
        expect(status.message).toMatch(/language its URI names/);
      });
    }
  }
});

describe('a raw printer that reads slowly', () => {
  it('answering status: waits for its answer behind the job instead of taking it for a silent printer', async () => {
    const logger = recordingLogger();
    // 240 KB at 160 KB/s: the answer comes well after the 200 ms a fresh connection gets.
    const { failure, confirmed, sim, port } = await printTwo('escpos', { readBytesPerSecond: 160 * 1024 }, logger);
    expect(failure).toBeUndefined();
    expect(confirmed).toEqual(['L1', 'L2']);
    expect(logger.warnings).toEqual([]);
    await port.print(batchOfLabels(1), () => undefined);
    // Still asked before and after the job: it is known to answer.
    const statusQuery = Buffer.from([0x10, 0x04, 0x01]);
    expect(sim.received()[1]?.subarray(0, 3)).toEqual(statusQuery);
    expect(decodeEscPos(Buffer.concat(sim.received()))).toHaveLength(3);
  });

  it('silent to status: confirmed by its close once it has read to the end', async () => {
    const { failure, confirmed, sim } = await printTwo('tspl', { answerStatus: false, readBytesPerSecond: 320 * 1024 });
    expect(failure).toBeUndefined();
    expect(confirmed).toEqual(['L1', 'L2']);
    expect(decodeTspl(Buffer.concat(sim.received()))).toHaveLength(2);
  });
});

describe('a raw printer that loses power mid-job, without a reset', () => {
  for (const answerStatus of [false, true]) {
    it(`${answerStatus ? 'answering' : 'silent to'} status: offline and retryable, not held, and the job prints once it is back`, async () => {
      printer = await startRawPrinter({ answerStatus });
      const sim = printer;
      const port = openPrinter(profileFor(`escpos://127.0.0.1:${sim.port}`, 2), {}, { rawTimeouts });
      const failure = await port
        .print(batchOfLabels(2), (p) => {
          if (p.state === 'sent') void sim.freeze();
        })
        .then(() => undefined, (error: unknown) => error);
      expect(failure).toBeInstanceOf(PrinterOfflineError);
      expect((failure as PrinterOfflineError).message).toMatch(/went silent during a job, so its labels in it are not confirmed.*not reachable/);
      expect((failure as PrinterOfflineError).unconfirmedKeys).toEqual(['L1', 'L2']);

      await sim.comeBack();
      await port.print(batchOfLabels(2), () => undefined);
      expect(decodeEscPos(sim.received().at(-1) ?? Buffer.alloc(0))).toHaveLength(2);
    });
  }
});
