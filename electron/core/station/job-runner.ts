import type { Order } from '../../shared/domain.ts';
import { explain, operatorMessage, type OperatorMessage } from '../../shared/operator-message.ts';
import type { PrinterProfile } from '../../shared/printer-profile.ts';
import type { LabelOrder } from '../../shared/station-api.ts';
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
import { placeOrders } from './label-order.ts';
import { isPickListKey } from '../labels/pick-list-sheets.ts';
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
  /** The order a batch's labels print in (the `labelOrder` setting); the batch's own when not given. */
  labelOrder?: () => LabelOrder;
  /** A batch's pick list as sheets for this printer, for a printer set to print it first. */
  pickListSheets?: (batch: { processed: string; orders: readonly Order[] }, profile: PrinterProfile) => Promise<LabelToPrint[]>;
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

/** One run of one job: its record as last written, and the one way to move it on. */
interface Run {
  readonly jobId: string;
  readonly deps: JobRunnerDeps;
  readonly signal: AbortSignal;
  record: JobRecord;
  /** Applies the event, writes the snapshot (and any orders) to the journal, then tells the UI. */
  step(event: JobEvent, stored?: StoredOrders): JobSnapshot;
  log(level: NewEvent['level'], kind: string, message: string, text: OperatorMessage): void;
  /** Fails the job for this reason and logs it. */
  fail(level: NewEvent['level'], kind: string, reason: string, text: OperatorMessage): void;
}

/** What a claim stores with the `claimed` state. */
interface StoredOrders {
  orders: readonly Order[];
  supplied: readonly SuppliedEntry[];
  /** Each order's place in the batch, when they print in another order. */
  batchIndexes?: readonly number[];
}

function startRun(jobId: string, deps: JobRunnerDeps, signal: AbortSignal): Run {
  const run: Run = {
    jobId,
    deps,
    signal,
    record: deps.journal.requireJob(jobId),
    step(event, stored) {
      const next = applyJobEvent(run.record.snapshot, event);
      deps.journal.saveJob(jobId, run.record.snapshot, next, stored?.orders, stored?.supplied, stored?.batchIndexes);
      // A batch job's labels are the orders print_order answered: they give the footer's "of n".
      const batchLabels = stored && run.record.kind !== 'reprint-labels' ? next.labels.length : run.record.batchLabels;
      run.record = { ...run.record, snapshot: next, batchLabels, updatedAt: new Date(deps.now()).toISOString() };
      deps.onJob(run.record);
      return next;
    },
    log: (level, kind, message, text) => deps.log({ level, kind, message, text, jobId, processed: run.record.processed }),
    fail(level, kind, reason, text) {
      run.step({ type: 'failed', reason, text });
      run.log(level, kind, reason, text);
    },
  };
  return run;
}

// A supplied label missing: the job waits for the operator (retry, or print ours for those).
function hold(run: Run, held: SuppliedLabelHold): RunOutcome {
  run.fail('error', 'supplied-label-missing', held.message, held.text);
  return 'held';
}

// The printer named as the operator named it, never by its URI.
function printerText(run: Run, error: unknown): OperatorMessage {
  return error instanceof PrinterError ? error.textFor(run.record.printerName) : explain(error);
}

/** The pool said no (another station has the batch, or the database is away): record why and end the run. */
function refuse(run: Run, refusal: PoolRefusal): RunOutcome {
  for (const event of refusal.events) run.step(event);
  run.log(refusal.outcome === 'done' ? 'info' : 'warn', refusal.kind, refusal.message, refusal.text);
  return refusal.outcome;
}

function finish(run: Run): RunOutcome {
  const labels = run.record.snapshot.labels.length;
  run.log('info', 'job-done', `printed ${labels} label(s) on ${run.record.printerName}`, operatorMessage('ev-job-done', { labels, printer: run.record.printerName }));
  return 'done';
}

/** Settles what a stopped or crashed run left in flight; an outcome when the job goes no further now. */
async function resume(run: Run): Promise<RunOutcome | undefined> {
  // A spooler job recorded for in-flight labels is asked about before they print again.
  const spooled = await settleSpoolJobs(run.deps.journal, run.jobId, run.deps.port(run.record.printerId), run.log, run.signal);
  if (run.signal.aborted) return 'stopped';
  if (spooled.kind === 'waiting') {
    const text = printerText(run, spooled.error);
    run.step({ type: 'printer-offline', reason: spooled.error.message, text });
    run.log('warn', 'printer-waiting', spooled.error.message, text);
    return 'waiting';
  }
  if (spooled.confirmed.length > 0) run.step({ type: 'spool-confirmed', indexes: spooled.confirmed });
  if (isDone(run.record)) return finish(run);
  const before = run.record.snapshot.labels.filter((l) => l.possibleDuplicate).length;
  run.step({ type: 'resume' });
  const flagged = run.record.snapshot.labels.filter((l) => l.possibleDuplicate).length - before;
  if (flagged > 0) {
    const message = `${flagged} label(s) were in flight when printing stopped: printed again, flagged as possible duplicates`;
    run.log('warn', 'possible-duplicate', message, operatorMessage('ev-possible-duplicate', { labels: flagged }));
  }
  return undefined;
}

async function runSteps(jobId: string, deps: JobRunnerDeps, signal: AbortSignal): Promise<RunOutcome> {
  const run = startRun(jobId, deps, signal);
  if (isDone(run.record)) return 'done';
  const resumed = await resume(run);
  if (resumed) return resumed;
  for (;;) {
    if (signal.aborted) return 'stopped';
    const port = deps.port(run.record.printerId);
    // The first label goes out alone, so it is on paper while the rest render.
    const chunk = run.record.snapshot.labels.some((l) => l.state === 'confirmed') ? (port?.profile.labelsPerJob ?? 1) : 1;
    const action = nextJobAction(run.record.snapshot, chunk);
    if (action.type === 'none') {
      if (isDone(run.record)) return finish(run);
      run.step({ type: 'resume' });
      continue;
    }
    const outcome = action.type === 'claim' ? await claim(run) : await printChunk(run, port, action.indexes);
    if (outcome) return outcome;
  }
}

/** Calls `print_order` and stores its answer; an outcome when the job goes no further now. */
async function claim(run: Run): Promise<RunOutcome | undefined> {
  const { record, deps } = run;
  const target = record.targetPrintStatus;
  if (target === null) {
    run.step({ type: 'failed', reason: 'this reprint has no stored orders: start it again from the history', text: operatorMessage('reprint-no-orders', {}) });
    return 'failed';
  }
  const refused = deps.pool && (await claimInPool(deps.pool, record, target, deps.port(record.printerId)));
  if (refused) return refuse(run, refused);
  run.step({ type: 'claim' });
  let orders: Order[];
  try {
    orders = await deps.api().printOrder(record.processed, target, { signal: run.signal });
  } catch (error) {
    // Stopping: the claim stays in the journal and is repeated with the same target on resume.
    if (run.signal.aborted) return 'stopped';
    if (error instanceof ApiAuthError) {
      deps.onAuthRejected(error);
      return 'paused';
    }
    const hopeless = hopelessClaim(record.processed, error);
    const text = hopeless?.text ?? explain(error);
    run.step({ type: 'failed', reason: hopeless?.message ?? describe(error), text });
    run.log('error', 'claim-failed', `print_order (print_status ${target}) failed: ${describe(error)}${hopeless ? '; not retried automatically' : ''}`, text);
    return hopeless ? 'held' : 'failed';
  }
  return storeAnswer(run, orders, target);
}

async function storeAnswer(run: Run, orders: Order[], target: number): Promise<RunOutcome | undefined> {
  const { deps, jobId } = run;
  const check = checkClaim(orders, deps.expectedLabels?.(run.record) ?? run.record.expectedLabels, deps.skippedRows?.(run.record.processed, target) ?? []);
  for (const r of check.repeated) {
    run.log('warn', 'repeated-order', `print_order sent order ${r.invoice} ${r.times} times: it prints once`, operatorMessage('ev-repeated-order', { invoice: r.invoice, times: r.times }));
  }
  if (check.mismatch) {
    // Kept before anything else: the server counted the print, what arrived must not be lost.
    deps.journal.answers.hold(jobId, check.expected, check.orders);
    run.record = { ...run.record, heldAnswer: { expected: check.expected, received: check.orders.length } };
    run.fail('error', 'count-mismatch', mismatchReason(run.record.processed, check), mismatchText(run.record.processed, check));
    return 'held';
  }
  const placed = placeOrders(check.orders, deps.labelOrder?.() ?? 'batch');
  // Fetched before anything is stored: the orders and their supplied labels are one commit.
  const supplied = await deps.supplied.fetchFor(placed.orders.map((order, idx) => ({ idx, order })));
  run.step({ type: 'claimed', labelCount: placed.orders.length }, { orders: placed.orders, supplied, batchIndexes: placed.batchIndexes });
  deps.journal.answers.forget(jobId);
  await deps.pool?.started(jobId);
  const grouped = placed.batchIndexes.every((b, i) => b === i + 1) ? '' : ', grouped by courier';
  const stored = `${placed.orders.length} order(s) stored${grouped}${supplied.length > 0 ? `, ${supplied.length} with a supplied label` : ''}`;
  run.log('info', 'claimed', `print_order recorded print_status ${target}; ${stored}`, operatorMessage('ev-claimed', { labels: placed.orders.length }));
  const missing = supplied.flatMap((e) => ('error' in e ? [{ name: `order ${placed.orders[e.idx]?.invoice ?? e.idx + 1}`, error: e.error }] : []));
  return missing.length > 0 ? hold(run, new SuppliedLabelHold(missing)) : undefined;
}

/** The batch's pick list goes ahead of a batch job's first label on a printer set to print it, once. */
async function pickListFirst(run: Run, port: PrinterPort): Promise<LabelToPrint[]> {
  const { record, deps } = run;
  if (!port.profile.pickListFirst || !deps.pickListSheets || (record.kind !== 'print' && record.kind !== 'auto-print')) return [];
  if (record.snapshot.labels.some((l) => l.state !== 'pending' || l.possibleDuplicate)) return [];
  if (deps.journal.log.listEvents({ jobId: run.jobId, q: 'pick-list-printed', limit: 1 }).length > 0) return [];
  try {
    return await deps.pickListSheets({ processed: record.processed, orders: deps.journal.jobOrders(run.jobId) }, port.profile);
  } catch (error) {
    // A pick list is a help: one that cannot be drawn must not hold the labels back.
    run.log('warn', 'pick-list-failed', `the pick list could not be drawn, the labels print without it: ${describe(error)}`, operatorMessage('ev-pick-list-failed', {}, describe(error)));
    return [];
  }
}

/** Renders and sends one chunk of labels; an outcome when the job goes no further now. */
async function printChunk(run: Run, port: PrinterPort | undefined, indexes: number[]): Promise<RunOutcome | undefined> {
  const { deps, jobId } = run;
  if (!port) {
    run.step({
      type: 'failed',
      reason: `the printer "${run.record.printerName}" was removed: reprint these labels on another printer`,
      text: operatorMessage('printer-removed', { printer: run.record.printerName }),
    });
    return 'failed';
  }
  const stillMissing = await deps.supplied.ensure(deps.journal, jobId);
  if (stillMissing) return hold(run, stillMissing);
  let labels: LabelToPrint[] = deps.journal.storedLabels(jobId, indexes).map(({ idx, batchIndex, order }) => ({
    key: String(idx),
    order,
    meta: { batch: run.record.processed, index: batchIndex, count: run.record.batchLabels, printedAt: new Date(deps.now()) },
  }));
  try {
    labels = await deps.supplied.attach(deps.journal, jobId, labels, port.profile);
  } catch (error) {
    if (error instanceof SuppliedLabelHold) return hold(run, error);
    throw error;
  }
  const sheets = await pickListFirst(run, port);
  const lease = deps.pool && (await leaseForLabels(deps.pool, run.record, indexes));
  if (lease) return refuse(run, lease);
  run.step({ type: 'labels-sent', indexes });
  const left = new Set<number>();
  try {
    await port.print(
      [...sheets, ...labels],
      (progress) => {
        // The pick list is paper, never a label: its progress is not the job's.
        if (isPickListKey(progress.key)) {
          if (progress.state === 'confirmed' && progress.key === sheets.at(-1)?.key) {
            const printer = run.record.printerName;
            run.log('info', 'pick-list-printed', `the pick list (${sheets.length} page(s)) printed before the labels on ${printer}`, operatorMessage('ev-pick-list-printed', { pages: sheets.length, printer }));
          }
          return;
        }
        left.add(Number(progress.key));
        if (progress.spoolJob !== undefined) deps.journal.spool.record(jobId, Number(progress.key), progress.spoolJob);
        if (progress.state === 'confirmed') run.step({ type: 'label-confirmed', index: Number(progress.key) });
      },
      run.signal,
    );
  } catch (error) {
    const unsent = indexes.filter((i) => !left.has(i));
    if (unsent.length > 0 && run.record.snapshot.state === 'printing') run.step({ type: 'labels-unsent', indexes: unsent });
    return printFailure(run, error);
  }
  return unconfirmed(run, indexes);
}

function printFailure(run: Run, error: unknown): RunOutcome {
  if (run.signal.aborted) return 'stopped';
  const text = printerText(run, error);
  if (error instanceof PrinterError && error.retryable) {
    run.step({ type: 'printer-offline', reason: error.message, text });
    run.log('warn', 'printer-waiting', error.message, text);
    return 'waiting';
  }
  // The labels may be on paper: only the operator can tell, so no timer sends them again.
  if (error instanceof PrinterUnconfirmedError) {
    run.fail('error', 'print-unconfirmed', error.message, text);
    return 'held';
  }
  run.fail('error', 'print-failed', describe(error), text);
  return 'failed';
}

/**
 * An adapter that reports the job finished without confirming every label breaks its contract:
 * retrying at once could spin forever, so it fails and waits its backoff.
 */
function unconfirmed(run: Run, indexes: number[]): RunOutcome | undefined {
  const missing = indexes.filter((i) => run.record.snapshot.labels[i]?.state !== 'confirmed');
  if (missing.length === 0) return undefined;
  const labels = missing.map((i) => i + 1).join(', ');
  const reason = `${run.record.printerName} finished the job without confirming label(s) ${labels}: they print again, flagged as possible duplicates`;
  run.fail('error', 'print-unconfirmed', reason, operatorMessage('labels-unconfirmed', { printer: run.record.printerName, labels }));
  return 'failed';
}
