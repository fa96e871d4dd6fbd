import type { PackingRow, ScanResult } from '../../shared/packing.ts';
import { operatorMessage } from '../../shared/operator-message.ts';
import type { Journal, NewEvent } from './journal.ts';

export interface PackingDeps {
  journal: Journal;
  now: () => number;
  log: (event: NewEvent) => void;
  /** The batch list changed (a packed count moved). */
  onPacked: () => void;
}

/**
 * The packing bench: a scan finds the parcel by its label's code and marks it packed, once.
 * With a batch chosen, a parcel of another batch is reported and left alone: it is on the wrong
 * table.
 */
export function createPackingMethods({ journal, now, log, onPacked }: PackingDeps) {
  return {
    scan(code: string, processed: string | undefined): ScanResult {
      const found = journal.packing.find(code);
      if (!found) {
        log({ level: 'warn', kind: 'scan-unknown', message: `scanned ${code}: no printed label has this AWB or invoice`, text: operatorMessage('ev-scan-unknown', { code }), jobId: null, processed: processed ?? null });
        return { outcome: 'unknown', code, order: null, processed: null, packedAt: null, progress: null };
      }
      const base = { code, order: found.order, processed: found.processed };
      if (processed !== undefined && found.processed !== processed) {
        log({
          level: 'warn',
          kind: 'scan-other-batch',
          message: `scanned ${code} of batch ${found.processed} while packing ${processed}`,
          text: operatorMessage('ev-scan-other-batch', { code, batch: found.processed }),
          jobId: null,
          processed,
        });
        return { ...base, outcome: 'other-batch', packedAt: found.packedAt, progress: journal.packing.progress(found.processed) };
      }
      const at = new Date(now()).toISOString();
      const fresh = journal.packing.markPacked(found, at);
      if (fresh) {
        log({ level: 'info', kind: 'parcel-packed', message: `packed ${found.order.invoice} (${code})`, text: operatorMessage('ev-parcel-packed', { invoice: found.order.invoice }, code), jobId: null, processed: found.processed });
        onPacked();
      }
      return { ...base, outcome: fresh ? 'packed' : 'already-packed', packedAt: fresh ? at : found.packedAt, progress: journal.packing.progress(found.processed) };
    },
    report(from: string, to: string): PackingRow[] {
      return journal.packing.report(from, to);
    },
  };
}
