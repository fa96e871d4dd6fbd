import { closeSync, mkdirSync, openSync } from 'node:fs';
import { operatorMessage, OperatorError } from '../../shared/operator-message.ts';
import { dirname } from 'node:path';
import type Database from 'libsql';
import { z } from 'zod';
import type { Order } from '../../shared/domain.ts';
import type { JobKind, JobLabel, JobState, JobView } from '../../shared/station-api.ts';
import { countLabels, type JobSnapshot, type LabelSnapshot } from './job-machine.ts';
import { backupJournal } from './journal-backup.ts';
import { JournalDatabase } from './journal-database.ts';
import { finishedStatesSql, partialKindsSql } from './job-state-sql.ts';
import { ClaimAnswers } from './journal-claim-answers.ts';
import { JobViewQueries } from './journal-job-views.ts';
import { JournalLog } from './journal-log.ts';
import { JournalPacking } from './journal-packing.ts';
import { JournalSpoolJobs } from './journal-spool-jobs.ts';
import { jobIdentity, jobRow } from './journal-rows.ts';
import { migrate } from './journal-schema.ts';
import { journalOpenError } from './station-file-errors.ts';
import { readStoredOrder } from './stored-order.ts';
import { readText, storeText } from './journal-text.ts';
import { journalRetentionDays, pruneJournal, type PruneResult } from './journal-retention.ts';
import { SuppliedLabelStore, type SuppliedEntry } from './journal-supplied.ts';

const pendingRow = jobRow.pick({ id: true, printer_id: true, state: true, attempts: true, retry_at: true, held: true });

export type { NewAlert, NewEvent } from './journal-log.ts';

/**
 * The journal: the truth on this machine, a SQLite file in WAL mode. Ordinary writes use
 * `synchronous=NORMAL` (they survive a crash of the app); the commit points of printing (the
 * claim before `print_order`, its answer, labels about to be sent) use `FULL`, so they survive
 * a power cut too.
 */

export interface JobRecord {
  id: string;
  processed: string;
  kind: JobKind;
  targetPrintStatus: number | null;
  printerId: string;
  printerName: string;
  /** The batch's label count when the job was made; the stored orders are the truth once claimed. */
  expectedLabels: number;
  snapshot: JobSnapshot;
  attempts: number;
  /** Epoch ms before which a failed or waiting job is not retried; null = now. */
  retryAt: number | null;
  /** Failed in a way retrying cannot fix: runs again only when the operator asks. */
  held: boolean;
  /** A print_order answer held for the operator (it did not match the batch). */
  heldAnswer: { expected: number; received: number } | null;
  /** How many labels the batch has, for the labels' "k of n": a label reprint is a part of it. */
  batchLabels: number;
  createdAt: string;
  updatedAt: string;
}

export interface PendingJob {
  id: string;
  printerId: string;
  state: JobState;
  attempts: number;
  retryAt: number | null;
  held: boolean;
}

export interface NewJob {
  processed: string;
  kind: JobKind;
  targetPrintStatus: number | null;
  printerId: string;
  printerName: string;
  expectedLabels: number;
  /** Given for label reprints: the job starts claimed with these orders. */
  orders?: readonly Order[];
  /** With `orders`: where each sits in its batch (1-based), and how many labels the batch has. */
  batchPlaces?: { indexes: readonly number[]; of: number };
  sourceJobId?: string;
  /** With `orders`: their supplied labels, stored in the same transaction. */
  supplied?: readonly SuppliedEntry[];
  /** A label reprint: the chosen labels' supplied images (0-based positions in the source job) come along. */
  suppliedFrom?: { jobId: string; indexes: readonly number[] };
}

/** A label as the journal stored it: the order, and where it sits in its job and in its batch. */
export interface StoredLabel {
  /** 0-based position in the job. */
  idx: number;
  /** 1-based position in the batch, printed on the label. */
  batchIndex: number;
  order: Order;
}

const labelRow = z.object({
  idx: z.number(),
  order_id: z.string().nullable(),
  invoice: z.string(),
  awb: z.string().nullable(),
  recipient: z.string(),
  state: z.enum(['pending', 'sent', 'confirmed']),
  possible_duplicate: z.number(),
  batch_index: z.number().nullable(),
});
const labelStateRow = labelRow.pick({ state: true, possible_duplicate: true });

export class Journal {
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #path: string;
  /** The event log and the alerts. */
  readonly log: JournalLog;
  /** Job lists for the UI. */
  readonly views: JobViewQueries;
  /** Scan-to-pack marks. */
  readonly packing: JournalPacking;
  /** `print_order` answers held for the operator. */
  readonly answers: ClaimAnswers;
  /** Which spooler job holds which sent label. */
  readonly spool: JournalSpoolJobs;
  /** The supplied labels stored with the orders. */
  readonly supplied: SuppliedLabelStore;

  constructor(path: string, now: () => number) {
    let db: Database.Database | undefined;
    try {
      // Orders hold names, phones and addresses: the journal (and SQLite's -wal/-shm, which copy
      // its mode) is for this user only.
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      closeSync(openSync(path, 'a', 0o600));
      db = new JournalDatabase(path);
      db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
      migrate(db, path);
    } catch (error) {
      db?.close();
      throw journalOpenError(error, path);
    }
    this.#db = db;
    this.#path = path;
    this.#now = now;
    this.log = new JournalLog(this.#db, () => this.#iso());
    this.views = new JobViewQueries(this.#db);
    this.packing = new JournalPacking(this.#db);
    this.answers = new ClaimAnswers(this.#db, () => this.#iso());
    this.spool = new JournalSpoolJobs(this.#db);
    this.supplied = new SuppliedLabelStore(this.#db);
  }

  close(): void {
    this.#db.close();
  }

  /** A consistent copy in the backups folder beside the journal; the newest few are kept. */
  backup(): string {
    return backupJournal(this.#db, this.#path, new Date(this.#now()));
  }

  /** Drops finished jobs, events and gone batches older than the retention period. */
  prune(): PruneResult {
    return pruneJournal(this.#db, new Date(this.#now() - journalRetentionDays * 86_400_000).toISOString());
  }

  #iso(): string {
    return new Date(this.#now()).toISOString();
  }

  /** Runs `write` in one transaction flushed to the disk before it returns. */
  #durable<T>(write: () => T): T {
    this.#db.exec('PRAGMA synchronous = FULL');
    try {
      return this.#db.transaction(write)();
    } finally {
      this.#db.exec('PRAGMA synchronous = NORMAL');
    }
  }

  getSetting<S extends z.ZodType>(key: string, schema: S): z.output<S> | undefined {
    const row = this.#db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    if (!row) return undefined;
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : undefined;
  }

  /** A setting as stored, not yet validated (undefined when absent): for upgrades and the check of stored items. */
  getSettingValue(key: string): unknown {
    const row = this.#db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row === undefined ? undefined : JSON.parse(row.value);
  }

  setSettings(values: Record<string, unknown>): void {
    const put = this.#db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.#durable(() => {
      for (const [key, value] of Object.entries(values)) put.run(key, JSON.stringify(value));
    });
  }

  /** Records a poll's batches as seen; marks the ones missing from it as gone. */
  recordBatches(batches: readonly { processed: string; totalLabels: number; printStatus: number }[]): void {
    const at = this.#iso();
    const upsert = this.#db.prepare(
      `INSERT INTO batches (processed, total_labels, print_status, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (processed) DO UPDATE SET total_labels = excluded.total_labels, print_status = excluded.print_status,
       last_seen_at = excluded.last_seen_at, gone_at = NULL`,
    );
    this.#db.transaction(() => {
      for (const b of batches) upsert.run(b.processed, b.totalLabels, b.printStatus, at, at);
      this.#db.prepare('UPDATE batches SET gone_at = ? WHERE last_seen_at <> ? AND gone_at IS NULL').run(at, at);
    })();
  }

  createJob(job: NewJob): JobRecord {
    const at = this.#iso();
    const stored = job.orders !== undefined;
    const id = this.#durable(() => {
      const result = this.#db
        .prepare(
          `INSERT INTO jobs (processed, kind, target_print_status, printer_id, printer_name, expected_labels, state, orders_stored, source_job_id, batch_labels, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          job.processed,
          job.kind,
          job.targetPrintStatus,
          job.printerId,
          job.printerName,
          job.orders?.length ?? job.expectedLabels,
          stored ? 'claimed' : 'queued',
          stored ? 1 : 0,
          job.sourceJobId === undefined ? null : Number(job.sourceJobId),
          job.batchPlaces?.of ?? null,
          at,
          at,
        );
      const jobId = Number(result.lastInsertRowid);
      if (job.orders) this.#insertLabels(jobId, job.orders, job.batchPlaces?.indexes);
      if (job.supplied) this.supplied.insert(String(jobId), job.supplied);
      if (job.suppliedFrom) this.supplied.copy(job.suppliedFrom.jobId, String(jobId), job.suppliedFrom.indexes);
      return jobId;
    });
    return this.requireJob(String(id));
  }

  #insertLabels(jobId: number, orders: readonly Order[], batchIndexes?: readonly number[]): void {
    const insert = this.#db.prepare(
      `INSERT INTO job_labels (job_id, idx, order_id, invoice, awb, recipient, order_json, state, batch_index) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
    );
    orders.forEach((o, idx) => insert.run(jobId, idx, o.orderId, o.invoice, o.awb, o.customer.name, JSON.stringify(o), batchIndexes?.[idx] ?? null));
  }

  getJob(id: string): JobRecord | undefined {
    const row = this.#db.prepare('SELECT * FROM jobs WHERE id = ?').get(Number(id));
    return row === undefined ? undefined : this.#toRecord(jobRow.parse(row));
  }

  requireJob(id: string): JobRecord {
    const job = this.getJob(id);
    if (!job) throw new OperatorError(operatorMessage('job-not-found', { job: id }), `there is no print job ${id} in the journal`);
    return job;
  }

  #toRecord(row: z.output<typeof jobRow>): JobRecord {
    const labels = this.#db
      .prepare('SELECT state, possible_duplicate FROM job_labels WHERE job_id = ? ORDER BY idx')
      .all(row.id)
      .map((r) => {
        const l = labelStateRow.parse(r);
        return { state: l.state, possibleDuplicate: l.possible_duplicate === 1 } satisfies LabelSnapshot;
      });
    return {
      ...jobIdentity(row),
      expectedLabels: row.expected_labels,
      snapshot: {
        state: row.state,
        reason: row.reason,
        reasonText: row.reason === null ? null : readText({ code: row.reason_code, params: row.reason_params, detail: row.reason_detail }, row.reason),
        ordersStored: row.orders_stored === 1,
        labels,
      },
      attempts: row.attempts,
      retryAt: row.retry_at,
      held: row.held === 1,
      heldAnswer: row.orders_stored === 0 && row.state === 'failed' ? (this.answers.counts(String(row.id)) ?? null) : null,
      batchLabels: row.batch_labels ?? labels.length,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /**
   * Writes a job's next snapshot (only the labels that changed). `orders` are the answer of
   * `print_order`, stored in the same transaction as the `claimed` state, with their supplied
   * labels and, when they print in another order than the batch's, each one's place in the batch.
   */
  saveJob(id: string, previous: JobSnapshot, next: JobSnapshot, orders?: readonly Order[], supplied?: readonly SuppliedEntry[], batchIndexes?: readonly number[]): void {
    const write = (): void => {
      this.#db
        .prepare('UPDATE jobs SET state = ?, reason = ?, reason_code = ?, reason_params = ?, reason_detail = ?, orders_stored = ?, updated_at = ? WHERE id = ?')
        .run(next.state, next.reason, ...(next.reasonText ? storeText(next.reasonText) : [null, null, null]), next.ordersStored ? 1 : 0, this.#iso(), Number(id));
      if (orders) this.#insertLabels(Number(id), orders, batchIndexes);
      if (supplied) this.supplied.insert(id, supplied);
      const update = this.#db.prepare('UPDATE job_labels SET state = ?, possible_duplicate = ? WHERE job_id = ? AND idx = ?');
      next.labels.forEach((label, idx) => {
        const before = previous.labels[idx];
        if (orders || before?.state !== label.state || before.possibleDuplicate !== label.possibleDuplicate) {
          update.run(label.state, label.possibleDuplicate ? 1 : 0, Number(id), idx);
        }
      });
    };
    const commitPoint = next.state === 'claiming' || orders !== undefined || next.labels.some((l, i) => l.state === 'sent' && previous.labels[i]?.state !== 'sent');
    if (commitPoint) this.#durable(write);
    else this.#db.transaction(write)();
  }

  /** A restart is a fresh try: jobs that failed or waited are due at once. */
  clearRetryTimes(): void {
    this.#db.prepare('UPDATE jobs SET retry_at = NULL WHERE retry_at IS NOT NULL').run();
  }

  /** When the job runs again (null = now); it is no longer held for the operator. */
  scheduleRetry(id: string, attempts: number, retryAt: number | null): void {
    this.#db.prepare('UPDATE jobs SET attempts = ?, retry_at = ?, held = 0 WHERE id = ?').run(attempts, retryAt, Number(id));
  }

  /** The job is not retried automatically: it waits for the operator's retry or cancel. */
  holdJob(id: string, attempts: number): void {
    this.#db.prepare('UPDATE jobs SET attempts = ?, retry_at = NULL, held = 1 WHERE id = ?').run(attempts, Number(id));
  }

  /**
   * The job runs on another printer from now: due at once, not held, and the spooler jobs of the
   * old printer are forgotten (the new one cannot answer for them; those labels print again, flagged).
   */
  moveJob(id: string, printer: { id: string; name: string }): void {
    this.#db.transaction(() => {
      this.#db.prepare('UPDATE jobs SET printer_id = ?, printer_name = ?, retry_at = NULL, held = 0, updated_at = ? WHERE id = ?').run(printer.id, printer.name, this.#iso(), Number(id));
      this.#db.prepare('UPDATE job_labels SET spool_job = NULL WHERE job_id = ?').run(Number(id));
    })();
  }

  /** The job never called `print_order`, so it records no print count: Print may start afresh. */
  forgetTarget(id: string): void {
    this.#db.prepare('UPDATE jobs SET target_print_status = NULL WHERE id = ?').run(Number(id));
  }

  /** The stored labels of a job at these 0-based positions (all when absent), in job order. */
  storedLabels(id: string, indexes?: readonly number[]): StoredLabel[] {
    const wanted = indexes ? new Set(indexes) : undefined;
    // Read only the range asked for: a 1000-label job is printed a few labels at a time.
    const low = indexes && indexes.length > 0 ? Math.min(...indexes) : 0;
    const high = indexes && indexes.length > 0 ? Math.max(...indexes) : Number.MAX_SAFE_INTEGER;
    const rows = this.#db
      .prepare('SELECT idx, batch_index, order_json FROM job_labels WHERE job_id = ? AND idx BETWEEN ? AND ? ORDER BY idx')
      .all(Number(id), low, high) as { idx: number; batch_index: number | null; order_json: string }[];
    return rows
      .filter((r) => !wanted || wanted.has(r.idx))
      .map((r) => ({ idx: r.idx, batchIndex: r.batch_index ?? r.idx + 1, order: readStoredOrder(r.order_json, r.idx) }));
  }

  jobOrders(id: string, indexes?: readonly number[]): Order[] {
    return this.storedLabels(id, indexes).map((label) => label.order);
  }

  jobLabels(id: string): JobLabel[] {
    const supplied = this.supplied.states(id);
    return this.#db
      .prepare('SELECT * FROM job_labels WHERE job_id = ? ORDER BY idx')
      .all(Number(id))
      .map((r) => {
        const l = labelRow.parse(r);
        const source = supplied.get(l.idx);
        return {
          index: l.idx + 1, batchIndex: l.batch_index ?? l.idx + 1, orderId: l.order_id, invoice: l.invoice, awb: l.awb, recipient: l.recipient, state: l.state, possibleDuplicate: l.possible_duplicate === 1,
          ...(source ? { labelSource: source.source, suppliedReason: source.reason } : {}),
        };
      });
  }

  /** The queue as the scheduler reads it: unfinished jobs, oldest first, without their labels. */
  pendingJobs(): PendingJob[] {
    return this.#db
      .prepare(`SELECT id, printer_id, state, attempts, retry_at, held FROM jobs WHERE state NOT IN ${finishedStatesSql} ORDER BY id`)
      .all()
      .map((r) => {
        const row = pendingRow.parse(r);
        return { id: String(row.id), printerId: row.printer_id, state: row.state, attempts: row.attempts, retryAt: row.retry_at, held: row.held === 1 };
      });
  }

  latestJobFor(processed: string): JobRecord | undefined {
    const row = this.#db.prepare('SELECT * FROM jobs WHERE processed = ? ORDER BY id DESC LIMIT 1').get(processed);
    return row === undefined ? undefined : this.#toRecord(jobRow.parse(row));
  }

  /** The highest `print_status` any job of this batch recorded or is about to record (0 if none). */
  maxTargetFor(processed: string): number {
    const row = this.#db.prepare('SELECT MAX(target_print_status) AS target FROM jobs WHERE processed = ?').get(processed) as { target: number | null };
    return row.target ?? 0;
  }

  /** The newest job of this batch holding the batch's orders (from its `print_order` answer). */
  claimedJobFor(processed: string): JobRecord | undefined {
    const row = this.#db
      .prepare(`SELECT * FROM jobs WHERE processed = ? AND kind NOT IN ${partialKindsSql} AND orders_stored = 1 ORDER BY id DESC LIMIT 1`)
      .get(processed);
    return row === undefined ? undefined : this.#toRecord(jobRow.parse(row));
  }

  /** A whole-batch job of this batch that is not finished yet (it may be failed, awaiting its retry). */
  openBatchJobFor(processed: string): JobRecord | undefined {
    const row = this.#db
      .prepare(`SELECT * FROM jobs WHERE processed = ? AND kind NOT IN ${partialKindsSql} AND state NOT IN ${finishedStatesSql} ORDER BY id DESC LIMIT 1`)
      .get(processed);
    return row === undefined ? undefined : this.#toRecord(jobRow.parse(row));
  }

  /** Any job, cancelled ones included: a batch the operator gave up on is not auto-printed again. */
  hasJobFor(processed: string): boolean {
    return this.#db.prepare("SELECT 1 FROM jobs WHERE processed = ? AND kind <> 'label-file' LIMIT 1").get(processed) !== undefined;
  }
}

/** The view the UI shows of a job record. */
export function toJobView(job: JobRecord): JobView {
  const counts = countLabels(job.snapshot);
  return {
    id: job.id,
    processed: job.processed,
    kind: job.kind,
    targetPrintStatus: job.targetPrintStatus,
    printerId: job.printerId,
    printerName: job.printerName,
    state: job.snapshot.state,
    totalLabels: job.snapshot.ordersStored ? job.snapshot.labels.length : job.expectedLabels,
    confirmedLabels: counts.confirmed,
    possibleDuplicates: counts.possibleDuplicates,
    reason: job.snapshot.reason,
    reasonText: job.snapshot.reasonText,
    heldAnswer: job.snapshot.state === 'failed' && !job.snapshot.ordersStored ? job.heldAnswer : null,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}
