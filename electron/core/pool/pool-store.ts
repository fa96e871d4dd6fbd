import { sql, type RawBuilder } from 'kysely';
import type { PoolDatabase } from './pool-database.ts';
import type { PoolSchema } from './pool-schema.ts';

export type ClaimResult = { ok: true } | { ok: false; station: string };
export type PoolLabelState = 'pending' | 'sent' | 'confirmed';

export interface PoolLabel {
  batchIndex: number;
  orderJson: string;
  state: PoolLabelState;
  possibleDuplicate: boolean;
}

export interface LabelUpdate {
  batchIndex: number;
  state: PoolLabelState;
  possibleDuplicate: boolean;
}

export interface NewPoolJob {
  key: string;
  localJob: string;
  processed: string;
  targetPrintStatus: number | null;
  printer: string;
  template: string;
  batchLabels: number;
  labels: readonly { batchIndex: number; orderJson: string }[];
}

export type PoolJobRow = PoolSchema['pool_jobs'];

/** A job this station took from a dead one: its unconfirmed labels, in-flight ones flagged. */
export interface TakenJob {
  job: PoolJobRow;
  labels: PoolLabel[];
}

export interface PoolStoreOptions {
  station: string;
  leaseMs: number;
  /** Replaces the database's clock (tests on fake time). */
  now?: () => number;
}

/**
 * The pool's queries, written once for PostgreSQL and SQLite. Every decision that two stations
 * could race on (a claim, a renewal, a takeover) is one statement whose WHERE clause is the
 * rule, so the database, not a station, settles it.
 */
export class PoolStore {
  readonly #pool: PoolDatabase;
  readonly #options: PoolStoreOptions;

  constructor(pool: PoolDatabase, options: PoolStoreOptions) {
    this.#pool = pool;
    this.#options = options;
  }

  get station(): string {
    return this.#options.station;
  }

  get leaseMs(): number {
    return this.#options.leaseMs;
  }

  /** Where the pool is, without credentials: for logs. */
  get shown(): string {
    return this.#pool.shown;
  }

  close(): Promise<void> {
    return this.#pool.close();
  }

  /** The database, its schema brought up to date first (it may not have answered at start). */
  async #db(): Promise<PoolDatabase['db']> {
    await this.#pool.ready();
    return this.#pool.db;
  }

  #now(): RawBuilder<number> {
    const fixed = this.#options.now;
    return fixed ? sql<number>`cast(${fixed()} as bigint)` : this.#pool.now();
  }

  #leaseEnd(): RawBuilder<number> {
    return sql<number>`(${this.#now()} + cast(${this.#options.leaseMs} as bigint))`;
  }

  async heartbeat(): Promise<void> {
    await (await this.#db())
      .insertInto('stations')
      .values({ name: this.station, heartbeat_at: this.#now() })
      .onConflict((c) => c.column('name').doUpdateSet({ heartbeat_at: this.#now() }))
      .execute();
  }

  /** Claims a batch's print for this station; asking again for a claim it holds says yes. */
  async claim(processed: string, target: number): Promise<ClaimResult> {
    await (await this.#db())
      .insertInto('claims')
      .values({ processed, target_print_status: target, station: this.station, claimed_at: this.#now() })
      .onConflict((c) => c.columns(['processed', 'target_print_status']).doNothing())
      .execute();
    const holder = await this.claimHolder(processed, target);
    if (holder === undefined) throw new Error(`the pool lost the claim of batch ${processed} (print_status ${target}) it just wrote`);
    return holder === this.station ? { ok: true } : { ok: false, station: holder };
  }

  async claimHolder(processed: string, target: number): Promise<string | undefined> {
    const row = await (await this.#db()).selectFrom('claims').select('station').where('processed', '=', processed).where('target_print_status', '=', target).executeTakeFirst();
    return row?.station;
  }

  /** Records a claimed job and its stored orders, leased to this station. Idempotent. */
  async startJob(job: NewPoolJob): Promise<void> {
    await (await this.#db()).transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('pool_jobs')
        .values({
          job_key: job.key,
          processed: job.processed,
          target_print_status: job.targetPrintStatus,
          station: this.station,
          local_job: job.localJob,
          printer: job.printer,
          template: job.template,
          state: 'running',
          lease_until: this.#leaseEnd(),
          batch_labels: job.batchLabels,
          created_at: this.#now(),
          updated_at: this.#now(),
        })
        .onConflict((c) => c.column('job_key').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return;
      // In slices: PostgreSQL takes at most 65 535 parameters a statement.
      for (let at = 0; at < job.labels.length; at += 500) {
        const rows = job.labels.slice(at, at + 500).map((l) => ({ job_key: job.key, batch_index: l.batchIndex, order_json: l.orderJson, state: 'pending', possible_duplicate: 0, printed_by: null }));
        await tx.insertInto('pool_labels').values(rows).execute();
      }
    });
  }

  /** The job's current holder and state, or undefined when the pool never heard of it. */
  async job(key: string): Promise<PoolJobRow | undefined> {
    return (await this.#db()).selectFrom('pool_jobs').selectAll().where('job_key', '=', key).executeTakeFirst();
  }

  /** The pool job this station holds as its local job `localJob` (a taken-over one). */
  async heldAs(localJob: string): Promise<PoolJobRow | undefined> {
    return (await this.#db()).selectFrom('pool_jobs').selectAll().where('station', '=', this.station).where('local_job', '=', localJob).executeTakeFirst();
  }

  /**
   * Extends the lease of these jobs while this station still holds them. Returns the keys it
   * still holds: a job missing from the answer was taken over and must not print another label.
   */
  async renew(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    await (await this.#db())
      .updateTable('pool_jobs')
      .set({ lease_until: this.#leaseEnd(), updated_at: this.#now() })
      .where('job_key', 'in', keys)
      .where('station', '=', this.station)
      .where('state', '=', 'running')
      .execute();
    const held = await (await this.#db()).selectFrom('pool_jobs').select('job_key').where('job_key', 'in', keys).where('station', '=', this.station).execute();
    return new Set(held.map((r) => r.job_key));
  }

  /** Mirrors label states of a job this station holds; false when it no longer holds it. */
  async pushLabels(key: string, updates: readonly LabelUpdate[], finished?: 'done' | 'cancelled'): Promise<boolean> {
    return (await this.#db()).transaction().execute(async (tx) => {
      const holder = await tx.selectFrom('pool_jobs').select('station').where('job_key', '=', key).executeTakeFirst();
      if (holder?.station !== this.station) return false;
      for (const u of updates) {
        await tx
          .updateTable('pool_labels')
          .set({ state: u.state, possible_duplicate: u.possibleDuplicate ? 1 : 0, printed_by: u.state === 'pending' ? null : this.station })
          .where('job_key', '=', key)
          .where('batch_index', '=', u.batchIndex)
          // A label the pool knows confirmed stays confirmed, whatever a late update says.
          .where('state', '<>', 'confirmed')
          .execute();
      }
      if (finished) await tx.updateTable('pool_jobs').set({ state: finished, updated_at: this.#now() }).where('job_key', '=', key).where('station', '=', this.station).execute();
      return true;
    });
  }

  /**
   * Takes over one running job whose holder's lease has run out, printed on a template this
   * station has. The UPDATE's WHERE repeats the expiry and the old holder, so of two stations
   * trying at once exactly one gets it.
   */
  async takeOver(templates: readonly string[], localJob: string): Promise<TakenJob | undefined> {
    if (templates.length === 0) return undefined;
    const expired = await (await this.#db())
      .selectFrom('pool_jobs')
      .selectAll()
      .where('state', '=', 'running')
      .where('station', '<>', this.station)
      .where('template', 'in', templates)
      .where('lease_until', '<', this.#now())
      .orderBy('created_at')
      .limit(5)
      .execute();
    for (const candidate of expired) {
      const taken = await (await this.#db())
        .updateTable('pool_jobs')
        .set({ station: this.station, local_job: localJob, lease_until: this.#leaseEnd(), updated_at: this.#now() })
        .where('job_key', '=', candidate.job_key)
        .where('station', '=', candidate.station)
        .where('state', '=', 'running')
        .where('lease_until', '<', this.#now())
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) continue;
      const job = await this.job(candidate.job_key);
      if (!job) continue;
      return { job, labels: await this.labels(candidate.job_key) };
    }
    return undefined;
  }

  /** Points a taken-over job at the local job that now prints it. */
  async adopt(key: string, placeholder: string, localJob: string): Promise<void> {
    await (await this.#db()).updateTable('pool_jobs').set({ local_job: localJob }).where('job_key', '=', key).where('station', '=', this.station).where('local_job', '=', placeholder).execute();
  }

  async labels(key: string): Promise<PoolLabel[]> {
    const rows = await (await this.#db()).selectFrom('pool_labels').selectAll().where('job_key', '=', key).orderBy('batch_index').execute();
    return rows.map((r) => ({ batchIndex: r.batch_index, orderJson: r.order_json, state: r.state as PoolLabelState, possibleDuplicate: r.possible_duplicate === 1 }));
  }

  /** The pool's jobs held by other stations, newest first: the one history. */
  async othersJobs(limit: number): Promise<(PoolJobRow & { confirmed: number; duplicates: number; total: number })[]> {
    const rows = await (await this.#db())
      .selectFrom('pool_jobs as j')
      .leftJoin('pool_labels as l', 'l.job_key', 'j.job_key')
      .selectAll('j')
      .select((eb) => [
        eb.fn.count<number>('l.batch_index').as('total'),
        eb.fn.sum<number>(eb.case().when('l.state', '=', 'confirmed').then(1).else(0).end()).as('confirmed'),
        eb.fn.sum<number>('l.possible_duplicate').as('duplicates'),
      ])
      .where('j.station', '<>', this.station)
      .groupBy(['j.job_key', 'j.processed', 'j.target_print_status', 'j.station', 'j.local_job', 'j.printer', 'j.template', 'j.state', 'j.lease_until', 'j.batch_labels', 'j.created_at', 'j.updated_at'])
      .orderBy('j.created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, total: Number(r.total), confirmed: Number(r.confirmed ?? 0), duplicates: Number(r.duplicates ?? 0) }));
  }

  /** Every label of every job, for the tests' and the bench's accounting. */
  async allLabels(): Promise<(PoolLabel & { key: string; printedBy: string | null })[]> {
    const rows = await (await this.#db()).selectFrom('pool_labels').selectAll().orderBy('job_key').orderBy('batch_index').execute();
    return rows.map((r) => ({ key: r.job_key, batchIndex: r.batch_index, orderJson: r.order_json, state: r.state as PoolLabelState, possibleDuplicate: r.possible_duplicate === 1, printedBy: r.printed_by }));
  }
}
