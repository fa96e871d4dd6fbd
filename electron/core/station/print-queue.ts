import type { OrderApi } from '../api/order-api.ts';
import type { ApiAuthError } from '../api/api-errors.ts';
import type { PickListLanguage } from '../../shared/i18n/pick-list-text.ts';
import { operatorMessage } from '../../shared/operator-message.ts';
import type { JobView, LabelOrder } from '../../shared/station-api.ts';
import type { BackoffPolicy } from './backoff.ts';
import { runJob, type JobRunnerDeps } from './job-runner.ts';
import { toJobView, type JobRecord, type Journal, type NewAlert, type NewEvent } from './journal.ts';
import type { AlertMatch } from './journal-log.ts';
import type { pickListSheets } from '../labels/pick-list-sheets.ts';
import { PrintScheduler } from './print-scheduler.ts';
import type { PoolLink } from '../pool/pool-link.ts';
import type { SkippedRowsDesk } from './skipped-rows.ts';
import type { Timers } from './station-options.ts';
import type { SuppliedLabels } from './supplied-labels.ts';

export interface PrintQueueDeps {
  journal: Journal;
  api: () => OrderApi;
  port: JobRunnerDeps['port'];
  now: () => number;
  timers: Timers;
  random: () => number;
  backoff?: { job?: BackoffPolicy; printer?: BackoffPolicy };
  log: (event: NewEvent) => void;
  raise: (alert: NewAlert) => void;
  /** The cause of these alerts is gone: they are dismissed and the UI drops them. */
  clearAlerts: (match: AlertMatch) => void;
  onAuthRejected: (error: ApiAuthError) => void;
  supplied: SuppliedLabels;
  skippedRows: Pick<SkippedRowsDesk, 'takeForClaim'>;
  /** How many labels the server lists now for a batch; undefined when it is not listed. */
  listedLabels: (processed: string) => number | undefined;
  labelOrder: () => LabelOrder;
  /** The operator's language, for a pick list printed before the labels. */
  language: () => PickListLanguage;
  drawPickList: typeof pickListSheets;
  emitJob: (job: JobView) => void;
  /** The station pool, when in one: claims before print_order, leases before labels, job states mirrored. */
  pool?: PoolLink;
  /** A run threw and even failing its job could not be written. */
  onRunError: (error: unknown, jobId?: string) => void;
}

/** What the operator reads of why a job waits or failed: its reason's text, else its English as detail. */
function reasonTextOf(job: JobRecord) {
  return job.snapshot.reasonText ?? operatorMessage('unexpected-error', {}, job.snapshot.reason);
}

/** The print queues with the job runner behind them, and the alerts their retries and holds raise. */
export function createPrintQueue(deps: PrintQueueDeps): PrintScheduler {
  const { journal, raise } = deps;
  const runDeps: JobRunnerDeps = {
    journal,
    api: deps.api,
    port: deps.port,
    now: deps.now,
    log: deps.log,
    onAuthRejected: deps.onAuthRejected,
    supplied: deps.supplied,
    pool: deps.pool,
    onJob: (job) => {
      deps.pool?.onJob(job);
      deps.emitJob(toJobView(job));
    },
    // The batch as last listed: a count changed on the server since the job was made counts.
    expectedLabels: (job) => deps.listedLabels(job.processed) ?? job.expectedLabels,
    skippedRows: (processed, printStatus) => deps.skippedRows.takeForClaim(processed, printStatus),
    labelOrder: deps.labelOrder,
    pickListSheets: (batch, profile) => deps.drawPickList(batch, profile, deps.language(), new Date(deps.now())),
  };
  return new PrintScheduler({
    journal,
    timers: deps.timers,
    now: deps.now,
    random: deps.random,
    backoff: deps.backoff?.job,
    printerBackoff: deps.backoff?.printer,
    run: (jobId, signal) => runJob(jobId, runDeps, signal),
    onDone: (job) => {
      deps.clearAlerts({ kind: 'batch-failed', jobId: job.id });
      deps.clearAlerts({ kind: 'printer-offline', printerId: job.printerId });
    },
    onRetryScheduled: (job, outcome, retryAt) => {
      const when = new Date(retryAt).toISOString();
      const text = reasonTextOf(job);
      if (outcome === 'waiting') {
        raise({ kind: 'printer-offline', message: `${job.printerName}: ${job.snapshot.reason ?? 'not ready'} (trying again at ${when})`, text, retryAt: when, jobId: null, printerId: job.printerId });
      } else {
        raise({ kind: 'batch-failed', message: `Batch ${job.processed} did not print: ${job.snapshot.reason ?? 'unknown error'} (trying again at ${when})`, text, retryAt: when, jobId: job.id, printerId: job.printerId });
      }
    },
    onHeld: (job) => {
      raise({ kind: 'batch-failed', message: job.snapshot.reason ?? `Batch ${job.processed} did not print`, text: reasonTextOf(job), jobId: job.id, printerId: job.printerId });
    },
    onError: deps.onRunError,
  });
}
