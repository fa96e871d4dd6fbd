import type { Order } from '../../shared/domain.ts';
import { explain, operatorMessage, type OperatorMessage } from '../../shared/operator-message.ts';
import { ApiAuthError, ApiNotFoundError, ApiRejectedError } from '../api/api-errors.ts';
import type { SkippedRow } from '../api/answer-rows.ts';
import type { OrderApi } from '../api/order-api.ts';
import { PrinterError, PrinterUnconfirmedError } from '../printers/printer-errors.ts';
import type { LabelToPrint, PrinterPort } from '../printers/printer-port.ts';
import { checkClaim, mismatchReason, mismatchText } from './claim-check.ts';
import { applyJobEvent, isFinished, nextJobAction, type JobEvent, type JobSnapshot } from './job-machine.ts';
import type { JobRecord, Journal, NewAlert, NewEvent } from './journal.ts';
import type { StationLogger } from './station-options.ts';
import { settleSpoolJobs } from './spool-resume.ts';
import type { SuppliedEntry } from './journal-supplied.ts';
import { SuppliedLabelHold, type SuppliedLabels } from './supplied-labels.ts';

/** `held`: failed in a way the same request cannot fix; it waits for the operator. */
export type RunOutcome = 'done' | 'failed' | 'held' | 'waiting' | 'paused' | 'stopped';

export interface JobRunnerDeps {
  journal: Journal;
  /** The current API client; throws an operator-readable error when the station is not set up. */
  api: () => OrderApi;
  /** The port of a printer route, or undefined when that printer was removed. */
  port: (printerId: string) => PrinterPort | undefined;
  now: () => number;
  onJob: (job: JobRecord) => void;
  log: (event: NewEvent) => void;
  onAuthRejected: (error: ApiAuthError) => void;
  /** How many labels the batch lists now; the job's own count when not given. */
  expectedLabels?: (job: JobRecord) => number;
  /** The rows the client left out of the answer to this print_order call. */
  skippedRows?: (processed: string, printStatus: number) => SkippedRow[];
  /** Fetches, stores and prepares the orders' own marketplace labels. */
  supplied: SuppliedLabels;
}

// A function, not an inline test: the steps reassign `record` behind the type checker's back.
function isDone(record: JobRecord): boolean {
  return record.snapshot.state === 'done';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Why `print_order` will keep failing, when it will: the server answers 404 and other 4xx the
 * same way every time, so retrying on a timer only repeats the alert. Undefined = worth a retry.
 */
function hopelessClaim(processed: string, error: unknown): { message: string; text: OperatorMessage } | undefined {
  if (error instanceof ApiNotFoundError) {
    return {
      message: `Batch ${processed} no longer exists on the server: nothing was printed. Cancel the job or print it again once the batch is back.`,
      text: operatorMessage('batch-gone', { batch: processed }, error.text.detail),
    };
  }
  if (error instanceof ApiRejectedError) {
    const said = error.bodyExcerpt ? ` The server said: ${error.bodyExcerpt}` : '';
    return {
      message: `The server refused to record the print of batch ${processed} (${error.status ?? '?'}): nothing was printed. Cancel the job, or retry it once the cause is fixed.${said}`,
      text: operatorMessage('claim-refused', { batch: processed, status: error.status ?? '?' }, error.text.detail),
    };
  }
  return undefined;
}

/**
 * Runs one print job from wherever the journal says it is, until it is done or cannot go on
 * (failed, waiting for its printer, token rejected, station stopping). Every step is written to
 * the journal before it acts: the claim before `print_order`, the answer before any printing,
 * each batch of labels before its bytes leave.
 */
export async function runJob(jobId: string, deps: JobRunnerDeps, signal: AbortSignal): Promise<RunOutcome> {
  try {
    return await runSteps(jobId, deps, signal);
  } catch (error) {
    return failUnexpected(jobId, deps, error);
  }
}

/**
 * Whatever else goes wrong running a job (a stored order that no longer reads, a printer that
 * cannot even be opened, a bug) fails that job with the reason and lets its printer's queue go
 * on; it is retried like any failure. Only when even that cannot be written does it throw.
 */
function failUnexpected(jobId: string, deps: JobRunnerDeps, error: unknown): RunOutcome {
  const record = deps.journal.requireJob(jobId);
  if (isFinished(record.snapshot.state)) throw error;
  const reason = `unexpected error: ${describe(error)}`;
  const text = operatorMessage('job-unexpected-error', {}, describe(error));
  const next = applyJobEvent(record.snapshot, { type: 'failed', reason, text });
  deps.journal.saveJob(jobId, record.snapshot, next);
  deps.onJob({ ...record, snapshot: next, updatedAt: new Date(deps.now()).toISOString() });
  deps.log({ level: 'error', kind: 'job-error', message: `the job stopped on an unexpected error: ${describe(error)}`, text, jobId, processed: record.processed });
  return 'failed';
}

/** A run threw and even failing its job could not be written: say it wherever still possible. */
export function reportStuckJob(error: unknown, jobId: string | undefined, logger: StationLogger, raise: (alert: NewAlert) => void): void {
  const message = `print job ${jobId ?? '?'} could not run, and could not be marked failed: ${describe(error)}; the printer's other jobs go on`;
  logger.error(message, { jobId });
  try {
    raise({ kind: 'batch-failed', message, text: operatorMessage('job-stuck', { job: jobId ?? '?' }, describe(error)), jobId: jobId ?? null, printerId: null });
  } catch {
    // The journal itself refuses writes: the log line above is all that can be said.
  }
}

async function runSteps(jobId: string, deps: JobRunnerDeps, signal: AbortSignal): Promise<RunOutcome> {
  const { journal } = deps;
  let record = journal.requireJob(jobId);
  const step = (event: JobEvent, orders?: readonly Order[], supplied?: readonly SuppliedEntry[]): JobSnapshot => {
    const next = applyJobEvent(record.snapshot, event);
    journal.saveJob(jobId, record.snapshot, next, orders, supplied);
    // A batch job's labels are the orders print_order answered: they give the footer's "of n".
    const batchLabels = orders && record.kind !== 'reprint-labels' ? next.labels.length : record.batchLabels;
    record = { ...record, snapshot: next, batchLabels, updatedAt: new Date(deps.now()).toISOString() };
    deps.onJob(record);
    return next;
  };
  const log = (level: NewEvent['level'], kind: string, message: string, text: OperatorMessage): void =>
    deps.log({ level, kind, message, text, jobId, processed: record.processed });
  // The printer named as the operator named it, never by its URI.
  const printerText = (error: unknown): OperatorMessage => (error instanceof PrinterError ? error.textFor(record.printerName) : explain(error));
  const fail = (level: NewEvent['level'], kind: string, reason: string, text: OperatorMessage): void => {
    step({ type: 'failed', reason, text });
    log(level, kind, reason, text);
  };
  const jobDone = (): RunOutcome => {
    const labels = record.snapshot.labels.length;
    log('info', 'job-done', `printed ${labels} label(s) on ${record.printerName}`, operatorMessage('ev-job-done', { labels, printer: record.printerName }));
    return 'done';
  };

  // A supplied label missing: the job waits for the operator (retry, or print ours for those).
  const hold = (held: { message: string; text: OperatorMessage }): RunOutcome => {
    fail('error', 'supplied-label-missing', held.message, held.text);
    return 'held';
  };

  if (record.snapshot.state === 'done') return 'done';
  // A spooler job recorded for in-flight labels is asked about before they print again.
  const spooled = await settleSpoolJobs(journal, jobId, deps.port(record.printerId), log, signal);
  if (signal.aborted) return 'stopped';
  if (spooled.kind === 'waiting') {
    const text = printerText(spooled.error);
    step({ type: 'printer-offline', reason: spooled.error.message, text });
    log('warn', 'printer-waiting', spooled.error.message, text);
    return 'waiting';
  }
  if (spooled.confirmed.length > 0) step({ type: 'spool-confirmed', indexes: spooled.confirmed });
  if (isDone(record)) return jobDone();
  const before = record.snapshot.labels.filter((l) => l.possibleDuplicate).length;
  step({ type: 'resume' });
  const flagged = record.snapshot.labels.filter((l) => l.possibleDuplicate).length - before;
  if (flagged > 0) {
    log('warn', 'possible-duplicate', `${flagged} label(s) were in flight when printing stopped: printed again, flagged as possible duplicates`, operatorMessage('ev-possible-duplicate', { labels: flagged }));
  }

  for (;;) {
    if (signal.aborted) return 'stopped';
    const port = deps.port(record.printerId);
    // The first label goes out alone, so it is on paper while the rest render.
    const chunk = record.snapshot.labels.some((l) => l.state === 'confirmed') ? (port?.profile.labelsPerJob ?? 1) : 1;
    const action = nextJobAction(record.snapshot, chunk);
    if (action.type === 'none') {
      if (isDone(record)) return jobDone();
      step({ type: 'resume' });
      continue;
    }
    if (action.type === 'claim') {
      const target = record.targetPrintStatus;
      if (target === null) {
        step({ type: 'failed', reason: 'this reprint has no stored orders: start it again from the history', text: operatorMessage('reprint-no-orders', {}) });
        return 'failed';
      }
      step({ type: 'claim' });
      let orders: Order[];
      try {
        orders = await deps.api().printOrder(record.processed, target, { signal });
      } catch (error) {
        // Stopping: the claim stays in the journal and is repeated with the same target on resume.
        if (signal.aborted) return 'stopped';
        if (error instanceof ApiAuthError) {
          deps.onAuthRejected(error);
          return 'paused';
        }
        const hopeless = hopelessClaim(record.processed, error);
        const text = hopeless?.text ?? explain(error);
        step({ type: 'failed', reason: hopeless?.message ?? describe(error), text });
        log('error', 'claim-failed', `print_order (print_status ${target}) failed: ${describe(error)}${hopeless ? '; not retried automatically' : ''}`, text);
        return hopeless ? 'held' : 'failed';
      }
      const check = checkClaim(orders, deps.expectedLabels?.(record) ?? record.expectedLabels, deps.skippedRows?.(record.processed, target) ?? []);
      for (const r of check.repeated) {
        log('warn', 'repeated-order', `print_order sent order ${r.invoice} ${r.times} times: it prints once`, operatorMessage('ev-repeated-order', { invoice: r.invoice, times: r.times }));
      }
      if (check.mismatch) {
        // Kept before anything else: the server counted the print, what arrived must not be lost.
        journal.answers.hold(jobId, check.expected, check.orders);
        record = { ...record, heldAnswer: { expected: check.expected, received: check.orders.length } };
        fail('error', 'count-mismatch', mismatchReason(record.processed, check), mismatchText(record.processed, check));
        return 'held';
      }
      // Fetched before anything is stored: the orders and their supplied labels are one commit.
      const supplied = await deps.supplied.fetchFor(check.orders.map((order, idx) => ({ idx, order })));
      step({ type: 'claimed', labelCount: check.orders.length }, check.orders, supplied);
      journal.answers.forget(jobId);
      log(
        'info',
        'claimed',
        `print_order recorded print_status ${target}; ${check.orders.length} order(s) stored${supplied.length > 0 ? `, ${supplied.length} with a supplied label` : ''}`,
        operatorMessage('ev-claimed', { labels: check.orders.length }),
      );
      const missing = supplied.flatMap((e) => ('error' in e ? [{ name: `order ${check.orders[e.idx]?.invoice ?? e.idx + 1}`, error: e.error }] : []));
      if (missing.length > 0) return hold(new SuppliedLabelHold(missing));
      continue;
    }
    if (!port) {
      step({
        type: 'failed',
        reason: `the printer "${record.printerName}" was removed: reprint these labels on another printer`,
        text: operatorMessage('printer-removed', { printer: record.printerName }),
      });
      return 'failed';
    }
    const stillMissing = await deps.supplied.ensure(journal, jobId);
    if (stillMissing) return hold(stillMissing);
    let labels: LabelToPrint[] = journal.storedLabels(jobId, action.indexes).map(({ idx, batchIndex, order }) => ({
      key: String(idx),
      order,
      meta: { batch: record.processed, index: batchIndex, count: record.batchLabels, printedAt: new Date(deps.now()) },
    }));
    try {
      labels = await deps.supplied.attach(journal, jobId, labels, port.profile);
    } catch (error) {
      if (error instanceof SuppliedLabelHold) return hold(error);
      throw error;
    }
    step({ type: 'labels-sent', indexes: action.indexes });
    const left = new Set<number>();
    try {
      await port.print(
        labels,
        (progress) => {
          left.add(Number(progress.key));
          if (progress.spoolJob !== undefined) journal.spool.record(jobId, Number(progress.key), progress.spoolJob);
          if (progress.state === 'confirmed') step({ type: 'label-confirmed', index: Number(progress.key) });
        },
        signal,
      );
    } catch (error) {
      const unsent = action.indexes.filter((i) => !left.has(i));
      if (unsent.length > 0 && record.snapshot.state === 'printing') step({ type: 'labels-unsent', indexes: unsent });
      if (signal.aborted) return 'stopped';
      const text = printerText(error);
      if (error instanceof PrinterError && error.retryable) {
        step({ type: 'printer-offline', reason: error.message, text });
        log('warn', 'printer-waiting', error.message, text);
        return 'waiting';
      }
      // The labels may be on paper: only the operator can tell, so no timer sends them again.
      if (error instanceof PrinterUnconfirmedError) {
        fail('error', 'print-unconfirmed', error.message, text);
        return 'held';
      }
      fail('error', 'print-failed', describe(error), text);
      return 'failed';
    }
    // An adapter that reports the job finished without confirming every label breaks its
    // contract: retrying at once could spin forever, so it fails and waits its backoff.
    const unconfirmed = action.indexes.filter((i) => record.snapshot.labels[i]?.state !== 'confirmed');
    if (unconfirmed.length > 0) {
      const labels = unconfirmed.map((i) => i + 1).join(', ');
      const reason = `${record.printerName} finished the job without confirming label(s) ${labels}: they print again, flagged as possible duplicates`;
      fail('error', 'print-unconfirmed', reason, operatorMessage('labels-unconfirmed', { printer: record.printerName, labels }));
      return 'failed';
    }
  }
}
