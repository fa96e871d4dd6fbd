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
}

const notReady = new Set(['offline', 'paper-out', 'stopped', 'error']);

function refusal(verdict: PoolVerdict, what: string): PoolRefusal | undefined {
  if (verdict.kind === 'ok') return undefined;
  if (verdict.kind === 'lost') {
    // Another station has it: this job is over here, and says where the batch went.
    const reason = `printed elsewhere: station ${verdict.station} ${what}`;
    return { events: [{ type: 'failed', reason }, { type: 'cancel' }], outcome: 'done', kind: 'pool-claimed-by', message: reason };
  }
  const reason = `the pool database cannot be reached (${verdict.message}): nothing more is printed for this job until it answers`;
  return { events: [{ type: 'failed', reason }], outcome: 'failed', kind: 'pool-unreachable', message: reason };
}

/**
 * Before `print_order`: a station whose printer is not ready leaves the batch to the others,
 * and only the station whose claim the database kept calls `print_order`.
 */
export async function claimInPool(pool: PoolGate, record: JobRecord, target: number, port: PrinterPort | undefined): Promise<PoolRefusal | undefined> {
  const status = await port?.status().catch(() => undefined);
  if (status && notReady.has(status.state)) {
    const reason = `${record.printerName} is not ready (${status.message}): the batch is not claimed here, so another station of the pool can print it`;
    return { events: [{ type: 'failed', reason }], outcome: 'failed', kind: 'pool-printer-not-ready', message: reason };
  }
  return refusal(await pool.claim({ id: record.id, processed: record.processed, targetPrintStatus: target }), 'claimed this batch print');
}

/** Before labels leave: the lease must still be this station's. */
export async function leaseForLabels(pool: PoolGate, record: JobRecord, indexes: readonly number[]): Promise<PoolRefusal | undefined> {
  return refusal(await pool.mayPrint(record.id, indexes), 'took over the rest of this job');
}
