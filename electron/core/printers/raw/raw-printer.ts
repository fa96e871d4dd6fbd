import type { MonoBitmap, RenderOptions } from '../../labels/label-types.ts';
import type { PrinterProfile, PrinterStatus } from '../../../shared/printer-profile.ts';
import type { PrinterDeps } from '../printer-deps.ts';
import type { PrinterPort } from '../printer-port.ts';
import type { RawProtocol } from '../printer-uri.ts';
import { PrinterError, PrinterOfflineError, PrinterPaperOutError, PrinterStoppedError } from '../printer-errors.ts';
import { printInJobs } from '../print-in-jobs.ts';
import { RawConnection } from './raw-connection.ts';
import { rawProtocolDrivers, type RawCondition } from './raw-protocols.ts';

export interface RawPrinterTimeouts {
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  /** How long to wait for a status answer before deciding this printer does not give one. */
  statusTimeoutMs: number;
}

const defaultTimeouts: RawPrinterTimeouts = { connectTimeoutMs: 5_000, idleTimeoutMs: 30_000, statusTimeoutMs: 1_000 };

/**
 * A network thermal printer on a raw TCP port (9100), speaking ESC/POS, TSPL or ZPL. A job is
 * confirmed when all its bytes were written, the printer closed the connection cleanly after
 * reading them and, where the language has a status query and this printer answers it, its
 * status after the job is good. That is as far as a raw port can vouch: a label jammed inside
 * the printer after it read the bytes is not seen.
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
  const renderOptions: RenderOptions = {
    template: profile.template,
    dpi: profile.dpi,
    offsetXmm: profile.offsetXmm,
    offsetYmm: profile.offsetYmm,
  };
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
    if (condition.problem === 'paper-out') throw new PrinterPaperOutError(name, message);
    if (condition.problem === 'stopped') throw new PrinterStoppedError(name, message);
    throw new PrinterOfflineError(name, message);
  }

  async function sendJob(bitmaps: readonly MonoBitmap[], onSent: () => void): Promise<void> {
    const bytes = driver.encodeJob(bitmaps, profile);
    sending++;
    let connection: RawConnection | undefined;
    try {
      connection = await open();
      refuse(await askStatus(connection));
      await connection.write(bytes);
      onSent();
      refuse(await askStatus(connection));
      await connection.finish();
      deps.logger.info('raw job confirmed', { printer: name, language: driver.language, labels: bitmaps.length, bytes: bytes.length });
    } catch (error) {
      connection?.destroy();
      throw error;
    } finally {
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
          await connection.finish();
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
  };
}
