import type { Batch } from '../../shared/domain.ts';

export interface AutoPrintRule {
  enabled: boolean;
  /** Only batches processed at or after this server timestamp are printed automatically. */
  cutoff: string | null;
  /** When it was last switched on (ISO instant, this machine's clock), for the operator. */
  since?: string | null;
}

/**
 * The batches auto-print should claim now, oldest first: never printed on the server, processed
 * at or after the cutoff, and with no local job yet (a batch with any job is never auto-printed
 * again, whatever the server says).
 */
export function selectAutoPrintBatches(
  batches: readonly Batch[],
  rule: AutoPrintRule,
  hasJob: (processed: string) => boolean,
): Batch[] {
  if (!rule.enabled || rule.cutoff === null) return [];
  const cutoff = rule.cutoff;
  return batches
    .filter((b) => b.printStatus === 0 && b.totalLabels > 0 && b.processed >= cutoff && !hasJob(b.processed))
    // Oldest first: the server's timestamps (YYYY-MM-DD HH:MM:SS) sort by code unit, no locale collation needed.
    .sort((a, b) => (a.processed < b.processed ? -1 : a.processed > b.processed ? 1 : 0));
}
