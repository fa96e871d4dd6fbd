import type { MonoBitmap } from '../../labels/label-types.ts';
import type { PrinterProfile, PrinterStatus } from '../../../shared/printer-profile.ts';
import type { PrinterDeps } from '../printer-deps.ts';
import type { PrinterPort } from '../printer-port.ts';
import type { RawProtocol } from '../printer-uri.ts';
import { PrinterError, PrinterOfflineError, PrinterPaperOutError, PrinterStoppedError, PrinterUnconfirmedError } from '../printer-errors.ts';
import { printInJobs } from '../print-in-jobs.ts';
import { calibrationCommands } from './raw-calibration.ts';
import { RawConnection } from './raw-connection.ts';
import { rawProtocolDrivers, type RawCondition, type RawStatusQuery } from './raw-protocols.ts';
import { renderOptionsFor } from '../label-renderer.ts';

export interface RawPrinterTimeouts {
  connectTimeoutMs: number;
  /**
   * How long the printer may take no data while a job is written, and how long it has, once
   * the job is out, to answer its status or close: it must read the whole job first.
   */
  idleTimeoutMs: number;
  /** How long to wait for a status answer on a fresh connection before deciding this printer gives none. */
  statusTimeoutMs: number;
  /**
   * A printer that gives no status is watched this long after its last byte was taken, before
   * our end of stream goes out. The network buffers take a whole job at once (megabytes on a
   * loopback, hundreds of kilobytes on a LAN), so without the watch our end of stream would
   * go out before a printer that stopped reading early had time to close its side.
   */
  earlyCloseWatchMs: number;
}

const defaultTimeouts: RawPrinterTimeouts = { connectTimeoutMs: 5_000, idleTimeoutMs: 30_000, statusTimeoutMs: 1_000, earlyCloseWatchMs: 300 };

/**
 * A network thermal printer on a raw TCP port (9100), speaking ESC/POS, TSPL or ZPL. Once every
 * byte of a job is written, a receipt confirms it:
 * - a printer that answers status queries: a good answer to the query sent after the job. It
 *   can only answer once it has read everything before it, so this holds even if the printer
 *   then never closes the connection;
 * - a printer that gives no status: it closes its side only after our end of stream.
 * A printer that closes early or resets is offline and the job retryable. One that took every
 * byte and then gave no receipt at all (never answered, never closed) may have printed: the job
 * is `PrinterUnconfirmedError`, held for the operator, because sending it again every time the
 * wait runs out would print the same labels over and over. That is as far as a raw port can
 * vouch: a label jammed inside the printer after it read the bytes is not seen.
 */
export function createRawPrinter(
  profile: PrinterProfile,
  target: { kind: RawProtocol; host: string; port: number },
  deps: PrinterDeps,
  timeouts: Partial<RawPrinterTimeouts> = {},
): PrinterPort {
  const limits = { ...defaultTimeouts, ...timeouts };
  const driver = rawProtocolDrivers[target.kind];
  const name = profile.name;
  const renderOptions = renderOptionsFor(profile);
  // Learnt on the first query: a printer that stays silent once is not asked again.
  let answersStatus = driver.status !== undefined;
  // A raw port serves one connection at a time: jobs wait their turn, and a status asked for
  // while a job is out is answered without a second connection.
  let turn: Promise<unknown> = Promise.resolve();
  let sending = 0;
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = turn.then(work, work);
    turn = run.catch(() => undefined);
    return run;
  };

  const open = (): Promise<RawConnection> =>
    RawConnection.open({ host: target.host, port: target.port, printer: name, ...limits });

  async function askStatus(connection: RawConnection): Promise<RawCondition | undefined> {
    if (!driver.status || !answersStatus) return undefined;
    const condition = await connection.query(driver.status.question, driver.status.parse, limits.statusTimeoutMs);
    if (condition === undefined) {
      answersStatus = false;
      deps.logger.warn('printer does not answer status queries; confirming jobs by a clean close only', { printer: name });
    }
    return condition;
  }

  function refuse(condition: RawCondition | undefined): void {
    if (condition === undefined || condition.problem === null) return;
    const message = `Printer ${name} cannot print: ${condition.message}.`;
    if (condition.problem === 'paper-out') throw new PrinterPaperOutError(name, message, { code: condition.code });
    if (condition.problem === 'stopped') throw new PrinterStoppedError(name, message);
    throw new PrinterOfflineError(name, message);
  }

  const unconfirmed = (labels: number, what: string): PrinterUnconfirmedError =>
    new PrinterUnconfirmedError(
      name,
      `Printer ${name} took all ${labels} label(s) of this job but ${what}, so it cannot confirm they printed. ` +
        'Look whether they came out: cancel the job if they did, or retry it to print them again (flagged as possible duplicates).',
    );

  /**
   * A job got no receipt. A printer that is still there took it and will not say more: the
   * job is unconfirmed. One that is gone now (switched off mid-job, no reset) failed mid-job:
   * the job waits for it like any offline printer. A raw port serves one connection, so the
   * first is dropped before asking.
   */
  async function noReceipt(connection: RawConnection, labels: number, what: string): Promise<never> {
    connection.destroy();
    try {
      (await open()).destroy();
    } catch (error) {
      if (!(error instanceof PrinterOfflineError)) throw error;
      throw new PrinterOfflineError(name, `Printer ${name} went silent during a job, so its labels in it are not confirmed. ${error.message}`, { cause: error });
    }
    throw unconfirmed(labels, what);
  }

  /** The receipt of a printer that answers status: the answer to a query sent after the job. */
  async function confirmByStatus(connection: RawConnection, status: RawStatusQuery, labels: number): Promise<void> {
    const after = await connection.query(status.question, status.parse, limits.idleTimeoutMs);
    if (after === undefined) await noReceipt(connection, labels, `did not answer its status query after it within ${limits.idleTimeoutMs / 1000} s`);
    refuse(after);
    // Only our end of stream is left to read; the close is good manners, not the receipt.
    const ending = await connection.finish(limits.statusTimeoutMs);
    if (ending !== 'clean') deps.logger.warn('printer did not close the connection cleanly after a job; its status answer confirmed it', { printer: name, ending });
  }

  /** The receipt of a printer that gives no status: it closes only after reading our end of stream. */
  async function confirmByClose(connection: RawConnection, labels: number): Promise<void> {
    await connection.watch(limits.earlyCloseWatchMs);
    const ending = await connection.finish(limits.idleTimeoutMs);
    if (ending === 'open') await noReceipt(connection, labels, `did not close the connection within ${limits.idleTimeoutMs / 1000} s`);
    if (ending !== 'clean') {
      throw new PrinterOfflineError(
        name,
        `Printer ${name} (${target.host}:${target.port}) ${ending === 'early' ? 'stopped reading and closed the connection before it had taken the whole job' : 'reset the connection at the end of the job'}. ` +
          'Its labels in this job are not confirmed; check that it is switched on, has paper and shows no error.',
      );
    }
  }

  async function sendJob(bitmaps: readonly MonoBitmap[], onSent: () => void, before: Buffer = Buffer.alloc(0)): Promise<void> {
    const bytes = Buffer.concat([before, driver.encodeJob(bitmaps, profile)]);
    sending++;
    let connection: RawConnection | undefined;
    try {
      connection = await open();
      refuse(await askStatus(connection));
      await connection.write(bytes);
      onSent();
      if (driver.status && answersStatus) await confirmByStatus(connection, driver.status, bitmaps.length);
      else await confirmByClose(connection, bitmaps.length);
      deps.logger.info('raw job confirmed', { printer: name, language: driver.language, labels: bitmaps.length, bytes: bytes.length });
    } finally {
      connection?.destroy();
      sending--;
    }
  }

  return {
    profile,
    async status(): Promise<PrinterStatus> {
      if (sending > 0) return { state: 'busy', message: `${driver.language} printer at ${target.host}:${target.port} is printing` };
      try {
        const connection = await open();
        try {
          refuse(await askStatus(connection));
        } finally {
          connection.destroy();
        }
        return { state: 'ready', message: `${driver.language} printer at ${target.host}:${target.port} is reachable` };
      } catch (error) {
        if (!(error instanceof PrinterError)) throw error;
        const state = error.kind === 'paper-out' ? 'paper-out' : error.kind === 'stopped' ? 'stopped' : 'offline';
        return { state, message: error.message };
      }
    },
    print(labels, onProgress, signal) {
      return inTurn(() =>
        printInJobs(
          labels,
          profile.labelsPerJob,
          (job, onSent) => sendJob(job.map((label) => deps.labels.renderRaster(label, renderOptions)), onSent),
          onProgress,
          signal,
        ),
      );
    },
    printTestPage() {
      return inTurn(() => sendJob([deps.labels.renderTestPageRaster(renderOptions)], () => undefined));
    },
    async calibrate() {
      // The sensor calibration and the test page in one job: the page shows what it learnt.
      const commands = calibrationCommands(target.kind, profile, name);
      return inTurn(() => sendJob([deps.labels.renderTestPageRaster(renderOptions)], () => undefined, commands));
    },
  };
}
