import { PrinterOfflineError, PrinterPaperOutError, PrinterStoppedError, PrinterUnconfirmedError } from '../printer-errors.ts';
import type { PrinterDeps } from '../printer-deps.ts';
import type { RawConnection } from './raw-connection.ts';
import type { RawCondition, RawStatusQuery } from './raw-protocols.ts';

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

/** What a job's receipt is judged with: the printer, its limits, the log, and a way to connect again. */
export interface RawReceiptContext {
  name: string;
  target: { host: string; port: number };
  limits: RawPrinterTimeouts;
  logger: PrinterDeps['logger'];
  open: () => Promise<RawConnection>;
}

/** A status answer that names a problem refuses the job before a byte is sent (or fails it after). */
export function refuse(name: string, condition: RawCondition | undefined): void {
  if (condition === undefined || condition.problem === null) return;
  const message = `Printer ${name} cannot print: ${condition.message}.`;
  if (condition.problem === 'paper-out') throw new PrinterPaperOutError(name, message, { code: condition.code });
  if (condition.problem === 'stopped') throw new PrinterStoppedError(name, message);
  throw new PrinterOfflineError(name, message);
}

const unconfirmed = (name: string, labels: number, what: string): PrinterUnconfirmedError =>
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
async function noReceipt({ name, open }: RawReceiptContext, connection: RawConnection, labels: number, what: string): Promise<never> {
  connection.destroy();
  try {
    (await open()).destroy();
  } catch (error) {
    if (!(error instanceof PrinterOfflineError)) throw error;
    throw new PrinterOfflineError(name, `Printer ${name} went silent during a job, so its labels in it are not confirmed. ${error.message}`, { cause: error });
  }
  throw unconfirmed(name, labels, what);
}

/** The receipt of a printer that answers status: the answer to a query sent after the job. */
export async function confirmByStatus(context: RawReceiptContext, connection: RawConnection, status: RawStatusQuery, labels: number): Promise<void> {
const { name, limits, logger } = context;
  const after = await connection.query(status.question, status.parse, limits.idleTimeoutMs);
  if (after === undefined) await noReceipt(context, connection, labels, `did not answer its status query after it within ${limits.idleTimeoutMs / 1000} s`);
  refuse(name, after);
  // Only our end of stream is left to read; the close is good manners, not the receipt.
  const ending = await connection.finish(limits.statusTimeoutMs);
  if (ending !== 'clean') logger.warn('printer did not close the connection cleanly after a job; its status answer confirmed it', { printer: name, ending });
}

/** The receipt of a printer that gives no status: it closes only after reading our end of stream. */
export async function confirmByClose(context: RawReceiptContext, connection: RawConnection, labels: number): Promise<void> {
const { name, limits, target } = context;
  await connection.watch(limits.earlyCloseWatchMs);
  const ending = await connection.finish(limits.idleTimeoutMs);
  if (ending === 'open') await noReceipt(context, connection, labels, `did not close the connection within ${limits.idleTimeoutMs / 1000} s`);
  if (ending !== 'clean') {
    throw new PrinterOfflineError(
      name,
      `Printer ${name} (${target.host}:${target.port}) ${ending === 'early' ? 'stopped reading and closed the connection before it had taken the whole job' : 'reset the connection at the end of the job'}. ` +
        'Its labels in this job are not confirmed; check that it is switched on, has paper and shows no error.',
    );
  }
}
