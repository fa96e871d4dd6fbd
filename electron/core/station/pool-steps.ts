import { operatorMessage, type OperatorMessage } from '../../shared/operator-message.ts';
import type { PoolGate, PoolVerdict } from '../pool/pool-verdict.ts';
import type { PrinterPort } from '../printers/printer-port.ts';
import type { JobEvent } from './job-machine.ts';
import type { JobRecord } from './journal.ts';

/** The pool's answer as job steps: what to record, and how the run ends. Undefined: go on. */
export interface PoolRefusal {
  events: JobEvent[];
  outcome: 'done' | 'failed';
  kind: string;
  message: string;
  text: OperatorMessage;
}

const notReady = new Set(['offline', 'paper-out', 'stopped', 'error']);

/** Where another station took the batch: at the claim, or midway by taking the lease over. */
type Lost = 'claimed' | 'taken-over';
const lostWords: Record<Lost, string> = { claimed: 'claimed this batch print', 'taken-over': 'took over the rest of this job' };

function refusal(verdict: PoolVerdict, record: JobRecord, lost: Lost): PoolRefusal | undefined {
  if (verdict.kind === 'ok') return undefined;
  if (verdict.kind === 'lost') {
    // Another station has it: this job is over here, and says where the batch went.
    const reason = `printed elsewhere: station ${verdict.station} ${lostWords[lost]}`;
    const text = lost === 'claimed' ? operatorMessage('pool-claimed-by', { station: verdict.station, batch: record.processed }) : operatorMessage('pool-taken-over', { station: verdict.station });
    return { events: [{ type: 'failed', reason, text }, { type: 'cancel' }], outcome: 'done', kind: 'pool-claimed-by', message: reason, text };
  }
  const reason = `the pool database cannot be reached (${verdict.message}): nothing more is printed for this job until it answers`;
  const text = operatorMessage('pool-unreachable', {}, verdict.message);
  return { events: [{ type: 'failed', reason, text }], outcome: 'failed', kind: 'pool-unreachable', message: reason, text };
}

/**
 * Before `print_order`: a station whose printer is not ready leaves the batch to the others,
 * and only the station whose claim the database kept calls `print_order`.
 */
export async function claimInPool(pool: PoolGate, record: JobRecord, target: number, port: PrinterPort | undefined): Promise<PoolRefusal | undefined> {
  const status = await port?.status().catch(() => undefined);
  if (status && notReady.has(status.state)) {
    const reason = `${record.printerName} is not ready (${status.message}): the batch is not claimed here, so another station of the pool can print it`;
    const text = operatorMessage('pool-printer-not-ready', { printer: record.printerName }, status.message);
    return { events: [{ type: 'failed', reason, text }], outcome: 'failed', kind: 'pool-printer-not-ready', message: reason, text };
  }
  return refusal(await pool.claim({ id: record.id, processed: record.processed, targetPrintStatus: target }), record, 'claimed');
}

/** Before labels leave: the lease must still be this station's. */
export async function leaseForLabels(pool: PoolGate, record: JobRecord, indexes: readonly number[]): Promise<PoolRefusal | undefined> {
  return refusal(await pool.mayPrint(record.id, indexes), record, 'taken-over');
}
