import type { Batch } from '../../shared/domain.ts';
import { operatorMessage, type OperatorMessage } from '../../shared/operator-message.ts';
import type { PrinterProfile } from '../../shared/printer-profile.ts';
import type { AlertMatch } from './journal-log.ts';
import type { AutoPrintRule } from './auto-print.ts';
import { createAutoPrintJobs } from './auto-print-jobs.ts';
import { cutoffAfter } from './auto-print-cutoff.ts';
import { diffBatches, type BatchChange } from './batch-diff.ts';
import type { Journal, NewAlert, NewEvent } from './journal.ts';
import { journalRetentionDays } from './journal-retention.ts';
import type { StationStatus } from './station-status.ts';

/** The batches as the server last listed them. */
export class ListedBatches {
  #batches: Batch[] = [];

  all(): Batch[] {
    return this.#batches;
  }

  replace(batches: Batch[]): void {
    this.#batches = batches;
  }

  /** How many labels the server lists for the batch now; undefined when it is not listed. */
  labelsOf(processed: string): number | undefined {
    return this.#batches.find((b) => b.processed === processed)?.totalLabels;
  }
}

export interface BatchSyncDeps {
  listing: ListedBatches;
  journal: Pick<Journal, 'recordBatches' | 'hasJobFor' | 'prune'>;
  status: StationStatus;
  autoPrint: () => AutoPrintRule;
  setAutoPrint: (rule: AutoPrintRule) => void;
  /** The printer auto-print sends to; throws, in the operator's words, when there is none. */
  route: () => PrinterProfile;
  now: () => number;
  log: (event: NewEvent) => void;
  raise: (alert: NewAlert) => void;
  /** The cause of these alerts is gone: they are dismissed and the UI drops them. */
  clearAlerts: (match: AlertMatch) => void;
  createJob: (batch: Batch, printer: PrinterProfile) => void;
  /** In a pool: the other station that already claimed this batch's print, if any. */
  heldElsewhere?: (batch: Batch) => Promise<string | undefined>;
  /** The list changed: the UI shows it again. */
  onListed: () => void;
}

const dayMs = 86_400_000;

function describeChange(change: BatchChange): string {
  if (change.type === 'new') return `new batch of ${change.batch.totalLabels} label(s)`;
  if (change.type === 'gone') return 'batch no longer listed';
  return `print count ${change.previousPrintStatus} → ${change.batch.printStatus}`;
}

function changeText(change: BatchChange): OperatorMessage {
  if (change.type === 'new') return operatorMessage('ev-batch-new', { labels: change.batch.totalLabels });
  if (change.type === 'gone') return operatorMessage('ev-batch-gone', {});
  return operatorMessage('ev-batch-changed', { from: change.previousPrintStatus, to: change.batch.printStatus });
}

/**
 * Poll → jobs: each listing of the server's batches is recorded, its changes logged, and the
 * batches auto-print should print get their jobs.
 */
export function createBatchSync(deps: BatchSyncDeps) {
  let prunedAt = Number.NEGATIVE_INFINITY;

  // Once a day, so a kiosk's journal stays the size of its recent history.
  const pruneIfDue = (): void => {
    if (deps.now() - prunedAt < dayMs) return;
    prunedAt = deps.now();
    const pruned = deps.journal.prune();
    if (pruned.jobs + pruned.events > 0) {
      const message = `dropped ${pruned.jobs} finished job(s) and ${pruned.events} event(s) older than ${journalRetentionDays} days`;
      deps.log({ level: 'info', kind: 'journal-pruned', message, text: operatorMessage('ev-journal-pruned', { jobs: pruned.jobs, events: pruned.events }), jobId: null, processed: null });
    }
  };

  /** The rule in force; the first listing after switching on without a cutoff sets it past the newest batch. */
  const ruleFor = (current: Batch[]): AutoPrintRule => {
    const rule = deps.autoPrint();
    if (!rule.enabled || rule.cutoff !== null) return rule;
    const set = { enabled: true, cutoff: cutoffAfter(current) };
    deps.setAutoPrint(set);
    const message = `auto-print starts after the newest batch the server lists: from ${set.cutoff} (server time)`;
    deps.log({ level: 'info', kind: 'auto-print', message, text: operatorMessage('ev-auto-print-starts', { cutoff: set.cutoff ?? '' }), jobId: null, processed: null });
    return set;
  };

  const logChanges = (changes: BatchChange[], rule: AutoPrintRule): void => {
    for (const change of changes) {
      deps.log({ level: 'info', kind: `batch-${change.type}`, message: describeChange(change), text: changeText(change), jobId: null, processed: change.batch.processed });
      // A batch that appears now but is stamped before the cutoff means the clocks disagree:
      // say so rather than skip it in silence.
      if (change.type === 'new' && rule.enabled && rule.cutoff !== null && change.batch.printStatus === 0 && change.batch.processed < rule.cutoff) {
        deps.log({
          level: 'warn',
          kind: 'auto-print-skipped',
          message: `new batch stamped ${change.batch.processed}, before the auto-print cutoff ${rule.cutoff}: not printed automatically (print it, or move the cutoff back)`,
          text: operatorMessage('ev-auto-print-skipped', { cutoff: rule.cutoff }),
          jobId: null,
          processed: change.batch.processed,
        });
      }
    }
  };

  const autoPrintDue = createAutoPrintJobs(deps);

  return {
    onBatches(current: Batch[]): void {
      pruneIfDue();
      const { status } = deps;
      const changes = diffBatches(deps.listing.all(), current);
      const first = status.lastPollAt === null;
      deps.listing.replace(current);
      status.lastPollAt = new Date(deps.now()).toISOString();
      // A clean answer: the server is reachable and takes the token.
      deps.clearAlerts({ kind: 'api-unreachable' });
      deps.clearAlerts({ kind: 'token-rejected' });
      status.connection = 'ok';
      status.setLastError(null);
      deps.journal.recordBatches(current);
      const rule = ruleFor(current);
      if (first) {
        const message = `the server lists ${current.length} batch(es)`;
        deps.log({ level: 'info', kind: 'batches-listed', message, text: operatorMessage('ev-batches-listed', { count: current.length }), jobId: null, processed: null });
      }
      else logChanges(changes, rule);
      autoPrintDue(current, rule);
      deps.onListed();
      status.emit();
    },
  };
}
