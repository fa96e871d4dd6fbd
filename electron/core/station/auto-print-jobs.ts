import type { Batch } from '../../shared/domain.ts';
import { explain, operatorMessage } from '../../shared/operator-message.ts';
import type { PrinterProfile } from '../../shared/printer-profile.ts';
import { selectAutoPrintBatches, type AutoPrintRule } from './auto-print.ts';
import type { BatchSyncDeps } from './batch-sync.ts';

type AutoPrintJobDeps = Pick<BatchSyncDeps, 'journal' | 'route' | 'log' | 'raise' | 'createJob' | 'heldElsewhere'>;

/**
 * Listing → auto-print jobs: the batches due get a job on the routed printer. In a pool each is
 * first asked about, so a batch another station already claimed gets no job here at all.
 */
export function createAutoPrintJobs(deps: AutoPrintJobDeps): (current: Batch[], rule: AutoPrintRule) => void {
  const blocked = (error: unknown): void => {
    const message = `auto-print cannot start: ${error instanceof Error ? error.message : String(error)}`;
    const text = explain(error);
    deps.log({ level: 'error', kind: 'auto-print-blocked', message, text, jobId: null, processed: null });
    deps.raise({ kind: 'batch-failed', message, text, jobId: null, printerId: null });
  };

  // Pool batches being asked about, and those another station claimed: asked once, no local job.
  const asking = new Set<string>();
  const elsewhere = new Set<string>();

  /** Oldest first, one at a time: a batch another station already claimed gets no job here. */
  const createUnclaimed = async (due: Batch[], printer: PrinterProfile, heldElsewhere: (batch: Batch) => Promise<string | undefined>): Promise<void> => {
    for (const batch of due) {
      const station = await heldElsewhere(batch);
      asking.delete(batch.processed);
      if (station !== undefined) {
        elsewhere.add(batch.processed);
        deps.log({ level: 'info', kind: 'auto-print-elsewhere', message: `station ${station} already claimed this batch: not printed here`, text: operatorMessage('ev-auto-print-elsewhere', { station }), jobId: null, processed: batch.processed });
      } else if (!deps.journal.hasJobFor(batch.processed)) {
        deps.createJob(batch, printer);
      }
    }
  };

  const autoPrintDue = (current: Batch[], rule: AutoPrintRule): void => {
    const listed = new Set(current.map((b) => b.processed));
    for (const processed of elsewhere) if (!listed.has(processed)) elsewhere.delete(processed);
    const due = selectAutoPrintBatches(current, rule, (processed) => deps.journal.hasJobFor(processed) || asking.has(processed) || elsewhere.has(processed));
    if (due.length === 0) return;
    let printer: PrinterProfile;
    try {
      printer = deps.route();
    } catch (error) {
      blocked(error);
      return;
    }
    const { heldElsewhere } = deps;
    if (!heldElsewhere) {
      try {
        for (const batch of due) deps.createJob(batch, printer);
      } catch (error) {
        blocked(error);
      }
      return;
    }
    for (const batch of due) asking.add(batch.processed);
    createUnclaimed(due, printer, heldElsewhere).catch((error: unknown) => {
      for (const batch of due) asking.delete(batch.processed);
      blocked(error);
    });
  };

  return autoPrintDue;
}
