import type { Order } from '../../shared/domain.ts';
import { ApiAuthError, ApiNotFoundError, ApiRejectedError } from '../api/api-errors.ts';
import type { SkippedRow } from '../api/answer-rows.ts';
import type { OrderApi } from '../api/order-api.ts';
import { PrinterError, PrinterUnconfirmedError } from '../printers/printer-errors.ts';
import type { LabelToPrint, PrinterPort } from '../printers/printer-port.ts';
import { checkClaim, mismatchReason } from './claim-check.ts';
import { applyJobEvent, isFinished, nextJobAction, type JobEvent, type JobSnapshot } from './job-machine.ts';
import type { JobRecord, Journal, NewAlert, NewEvent } from './journal.ts';
import type { StationLogger } from './station-options.ts';
import { settleSpoolJobs } from './spool-resume.ts';
import type { SuppliedEntry } from './journal-supplied.ts';
import { heldReason, SuppliedLabelHold, type SuppliedLabels } from './supplied-labels.ts';
import type { PoolGate } from '../pool/pool-verdict.ts';
import { claimInPool, leaseForLabels, type PoolRefusal } from './pool-steps.ts';

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
  /** The station pool, when the station is in one: claims and leases. */
  pool?: PoolGate;
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
function hopelessClaim(processed: string, error: unknown): string | undefined {
  if (error instanceof ApiNotFoundError) {
    return `Batch ${processed} no longer exists on the server: nothing was printed. Cancel the job or print it again once the batch is back.`;
  }
  if (error instanceof ApiRejectedError) {
    const said = error.bodyExcerpt ? ` The server said: ${error.bodyExcerpt}` : '';
    return `The server refused to record the print of batch ${processed} (${error.status ?? '?'}): nothing was printed. Cancel the job, or retry it once the cause is fixed.${said}`;
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
  const next = applyJobEvent(record.snapshot, { type: 'failed', reason });
  deps.journal.saveJob(jobId, record.snapshot, next);
  deps.onJob({ ...record, snapshot: next, updatedAt: new Date(deps.now()).toISOString() });
  deps.log({ level: 'error', kind: 'job-error', message: `the job stopped on an unexpected error: ${describe(error)}`, jobId, processed: record.processed });
  return 'failed';
}

/** A run threw and even failing its job could not be written: say it wherever still possible. */
export function reportStuckJob(error: unknown, jobId: string | undefined, logger: StationLogger, raise: (alert: NewAlert) => void): void {
  const message = `print job ${jobId ?? '?'} could not run, and could not be marked failed: ${describe(error)}; the printer's other jobs go on`;
  logger.error(message, { jobId });
  try {
    raise({ kind: 'batch-failed', message, jobId: jobId ?? null, printerId: null });
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
  const log = (level: NewEvent['level'], kind: string, message: string): void =>
    deps.log({ level, kind, message, jobId, processed: record.processed });

  const refuse = (refusal: PoolRefusal): RunOutcome => {
    for (const event of refusal.events) step(event);
    log(refusal.outcome === 'done' ? 'info' : 'warn', refusal.kind, refusal.message);
    return refusal.outcome;
  };

  // A supplied label missing: the job waits for the operator (retry, or print ours for those).
  const hold = (reason: string): RunOutcome => {
    step({ type: 'failed', reason });
    log('error', 'supplied-label-missing', reason);
    return 'held';
  };

  if (record.snapshot.state === 'done') return 'done';
  // A spooler job recorded for in-flight labels is asked about before they print again.
  const spooled = await settleSpoolJobs(journal, jobId, deps.port(record.printerId), log, signal);
  if (signal.aborted) return 'stopped';
  if (spooled.kind === 'waiting') {
    step({ type: 'printer-offline', reason: spooled.error.message });
    log('warn', 'printer-waiting', spooled.error.message);
    return 'waiting';
  }
  if (spooled.confirmed.length > 0) step({ type: 'spool-confirmed', indexes: spooled.confirmed });
  if (isDone(record)) {
    log('info', 'job-done', `printed ${record.snapshot.labels.length} label(s) on ${record.printerName}`);
    return 'done';
  }
  const before = record.snapshot.labels.filter((l) => l.possibleDuplicate).length;
  step({ type: 'resume' });
  const flagged = record.snapshot.labels.filter((l) => l.possibleDuplicate).length - before;
  if (flagged > 0) log('warn', 'possible-duplicate', `${flagged} label(s) were in flight when printing stopped: printed again, flagged as possible duplicates`);

  for (;;) {
    if (signal.aborted) return 'stopped';
    const port = deps.port(record.printerId);
    // The first label goes out alone, so it is on paper while the rest render.
    const chunk = record.snapshot.labels.some((l) => l.state === 'confirmed') ? (port?.profile.labelsPerJob ?? 1) : 1;
    const action = nextJobAction(record.snapshot, chunk);
    if (action.type === 'none') {
      if (isDone(record)) {
        log('info', 'job-done', `printed ${record.snapshot.labels.length} label(s) on ${record.printerName}`);
        return 'done';
      }
      step({ type: 'resume' });
      continue;
    }
    if (action.type === 'claim') {
      const target = record.targetPrintStatus;
      if (target === null) {
        step({ type: 'failed', reason: 'this reprint has no stored orders: start it again from the history' });
        return 'failed';
      }
      const refused = deps.pool && (await claimInPool(deps.pool, record, target, deps.port(record.printerId)));
      if (refused) return refuse(refused);
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
        step({ type: 'failed', reason: hopeless ?? describe(error) });
        log('error', 'claim-failed', `print_order (print_status ${target}) failed: ${describe(error)}${hopeless ? '; not retried automatically' : ''}`);
        return hopeless ? 'held' : 'failed';
      }
      const check = checkClaim(orders, deps.expectedLabels?.(record) ?? record.expectedLabels, deps.skippedRows?.(record.processed, target) ?? []);
      for (const r of check.repeated) log('warn', 'repeated-order', `print_order sent order ${r.invoice} ${r.times} times: it prints once`);
      if (check.mismatch) {
        // Kept before anything else: the server counted the print, what arrived must not be lost.
        journal.answers.hold(jobId, check.expected, check.orders);
        record = { ...record, heldAnswer: { expected: check.expected, received: check.orders.length } };
        const reason = mismatchReason(record.processed, check);
        step({ type: 'failed', reason });
        log('error', 'count-mismatch', reason);
        return 'held';
      }
      // Fetched before anything is stored: the orders and their supplied labels are one commit.
      const supplied = await deps.supplied.fetchFor(check.orders.map((order, idx) => ({ idx, order })));
      step({ type: 'claimed', labelCount: check.orders.length }, check.orders, supplied);
      journal.answers.forget(jobId);
      await deps.pool?.started(jobId);
      log('info', 'claimed', `print_order recorded print_status ${target}; ${check.orders.length} order(s) stored${supplied.length > 0 ? `, ${supplied.length} with a supplied label` : ''}`);
      const missing = supplied.flatMap((e) => ('error' in e ? [{ name: `order ${check.orders[e.idx]?.invoice ?? e.idx + 1}`, error: e.error }] : []));
      if (missing.length > 0) return hold(heldReason(missing));
      continue;
    }
    if (!port) {
      step({ type: 'failed', reason: `the printer "${record.printerName}" was removed: reprint these labels on another printer` });
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
      if (error instanceof SuppliedLabelHold) return hold(error.message);
      throw error;
    }
    const lease = deps.pool && (await leaseForLabels(deps.pool, record, action.indexes));
    if (lease) return refuse(lease);
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
      if (error instanceof PrinterError && error.retryable) {
        step({ type: 'printer-offline', reason: error.message });
        log('warn', 'printer-waiting', error.message);
        return 'waiting';
      }
      // The labels may be on paper: only the operator can tell, so no timer sends them again.
      if (error instanceof PrinterUnconfirmedError) {
        step({ type: 'failed', reason: error.message });
        log('error', 'print-unconfirmed', error.message);
        return 'held';
      }
      step({ type: 'failed', reason: describe(error) });
      log('error', 'print-failed', describe(error));
      return 'failed';
    }
    // An adapter that reports the job finished without confirming every label breaks its
    // contract: retrying at once could spin forever, so it fails and waits its backoff.
    const unconfirmed = action.indexes.filter((i) => record.snapshot.labels[i]?.state !== 'confirmed');
    if (unconfirmed.length > 0) {
      const reason = `${record.printerName} finished the job without confirming label(s) ${unconfirmed.map((i) => i + 1).join(', ')}: they print again, flagged as possible duplicates`;
      step({ type: 'failed', reason });
      log('error', 'print-unconfirmed', reason);
      return 'failed';
    }
  }
}
