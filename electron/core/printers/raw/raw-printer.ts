import type { MonoBitmap } from '../../labels/label-types.ts';
import type { PrinterProfile, PrinterStatus } from '../../../shared/printer-profile.ts';
import type { PrinterDeps } from '../printer-deps.ts';
import type { PrinterPort } from '../printer-port.ts';
import type { RawProtocol } from '../printer-uri.ts';
import { PrinterError } from '../printer-errors.ts';
import { printInJobs } from '../print-in-jobs.ts';
import { calibrationCommands } from './raw-calibration.ts';
import { RawConnection } from './raw-connection.ts';
import { rawProtocolDrivers, type RawCondition } from './raw-protocols.ts';
import { confirmByClose, confirmByStatus, refuse, type RawPrinterTimeouts, type RawReceiptContext } from './raw-receipt.ts';
import { renderOptionsFor } from '../label-renderer.ts';
import { renderRasterJob } from '../raster-job.ts';

/** Work that must not overlap runs in the order it was asked for, whether the work before it failed or not. */
function oneAtATime(): <T>(work: () => Promise<T>) => Promise<T> {
  let turn: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = turn.then(work, work);
    turn = run.catch(() => undefined);
    return run;
  };
}

function statusOfError(error: PrinterError): PrinterStatus {
  return { state: error.kind === 'paper-out' ? 'paper-out' : error.kind === 'stopped' ? 'stopped' : 'offline', message: error.message };
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
  const inTurn = oneAtATime();
  let sending = 0;

  const open = (): Promise<RawConnection> =>
    RawConnection.open({ host: target.host, port: target.port, printer: name, ...limits });
  const receipts: RawReceiptContext = { name, target, limits, logger: deps.logger, open };

  async function askStatus(connection: RawConnection): Promise<RawCondition | undefined> {
    if (!driver.status || !answersStatus) return undefined;
    const condition = await connection.query(driver.status.question, driver.status.parse, limits.statusTimeoutMs);
    if (condition === undefined) {
      answersStatus = false;
      deps.logger.warn('printer does not answer status queries; confirming jobs by a clean close only', { printer: name });
    }
    return condition;
  }

  async function sendJob(bitmaps: readonly MonoBitmap[], onSent: () => void, before: Buffer = Buffer.alloc(0)): Promise<void> {
    const bytes = Buffer.concat([before, driver.encodeJob(bitmaps, profile)]);
    sending++;
    let connection: RawConnection | undefined;
    try {
      connection = await open();
      refuse(name, await askStatus(connection));
      await connection.write(bytes);
      onSent();
      if (driver.status && answersStatus) await confirmByStatus(receipts, connection, driver.status, bitmaps.length);
      else await confirmByClose(receipts, connection, bitmaps.length);
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
          refuse(name, await askStatus(connection));
        } finally {
          connection.destroy();
        }
        return { state: 'ready', message: `${driver.language} printer at ${target.host}:${target.port} is reachable` };
      } catch (error) {
        if (!(error instanceof PrinterError)) throw error;
        return statusOfError(error);
      }
    },
    print(labels, onProgress, signal) {
      return inTurn(() =>
        printInJobs(
          labels,
          profile.labelsPerJob,
          async (job, onSent) => sendJob(await renderRasterJob(job, deps.labels, renderOptions), onSent),
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
