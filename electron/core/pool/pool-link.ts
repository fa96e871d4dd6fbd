import { operatorMessage } from '../../shared/operator-message.ts';
import type { NewAlert, NewEvent, JobRecord, Journal } from '../station/journal.ts';
import type { Timers } from '../station/station-options.ts';
import { isFinished } from '../station/job-machine.ts';
import type { PoolStore, LabelUpdate, PoolJobRow, PoolLabel, TakenJob } from './pool-store.ts';
import type { PoolGate, PoolVerdict } from './pool-verdict.ts';
import { describe, PoolContact } from './pool-contact.ts';
import { adoptTakenJob } from './pool-takeover.ts';

export interface PoolLinkOptions {
  store: PoolStore;
  journal: Journal;
  /** This station's own clock: the lease is judged by it when the database cannot be asked. */
  now: () => number;
  timers: Timers;
  /** How often leases are renewed, label states pushed and dead stations' jobs looked for. */
  tickMs: number;
  /** Stop printing this long before the lease would run out by the station's own clock. */
  marginMs: number;
  log: (event: NewEvent) => void;
  raise: (alert: NewAlert) => void;
  dismiss: () => void;
  /** The templates this station's printers print now: it takes over only jobs it can print. */
  templates: () => string[];
  /** The printer for a job's template, for a job taken over; undefined when none fits. */
  printerFor: (template: string) => { id: string; name: string } | undefined;
  template: (printerId: string) => string | undefined;
  /** A local job was made (a takeover): let the scheduler run it. */
  kick: () => void;
  /** The pool came back or went away (the station pauses new work while it is away). */
  onReachable?: (reachable: boolean) => void;
}

interface Held {
  key: string;
  /** Local time the last renewal (or claim) was sent: the lease runs from then. */
  leaseFrom: number;
  lost?: string;
  /**
   * Recorded as a pool job (print_order answered). Only then is there a lease to renew: a claim
   * still waiting for print_order has none, and renewing it would read as lost.
   */
  started?: boolean;
}

const batchJob = (kind: JobRecord['kind']): boolean => kind === 'print' || kind === 'auto-print' || kind === 'reprint';


/**
 * A station's side of the pool: it claims, holds leases on its running jobs and renews them,
 * mirrors label states, takes over dead stations' jobs, and tells the station when the
 * database cannot be reached. The local journal stays the write-ahead record; what could not
 * be pushed is pushed from it once the database answers again.
 */
export class PoolLink implements PoolGate {
  readonly #o: PoolLinkOptions;
  readonly #held = new Map<string, Held>();
  /** Local jobs whose label states the pool has not heard yet. */
  readonly #dirty = new Set<string>();
  /** Local job → 1-based batch place of each label, read once. */
  readonly #places = new Map<string, number[]>();
  /** Local jobs known not to be the pool's (label reprints, label files). */
  readonly #local = new Set<string>();
  readonly #contact: PoolContact;
  #timer: unknown;
  #ticking: Promise<void> | undefined;
  #stopped = false;

  constructor(options: PoolLinkOptions) {
    this.#o = options;
    this.#contact = new PoolContact(options);
  }

  get reachable(): boolean {
    return this.#contact.reachable;
  }

  get station(): string {
    return this.#o.store.station;
  }

  start(): void {
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#o.timers.clearTimeout(this.#timer);
    await this.#ticking;
    await this.#flush().catch(() => undefined);
  }

  /** Who holds this batch print now, when it is another station (the operator's Print asks). */
  async claimFor(processed: string, target: number): Promise<PoolVerdict> {
    return this.#ask(async () => {
      const result = await this.#o.store.claim(processed, target);
      return result.ok ? { kind: 'ok' } : { kind: 'lost', station: result.station };
    });
  }

  /** Which other station already claimed this batch print; undefined when none, or when the pool cannot be asked. */
  async heldElsewhere(processed: string, target: number): Promise<string | undefined> {
    if (!this.#contact.reachable) return undefined;
    const verdict = await this.#ask(async () => {
      const holder = await this.#o.store.claimHolder(processed, target);
      return holder !== undefined && holder !== this.station ? { kind: 'lost', station: holder } : { kind: 'ok' };
    });
    return verdict.kind === 'lost' ? verdict.station : undefined;
  }

  async claim(job: { id: string; processed: string; targetPrintStatus: number }): Promise<PoolVerdict> {
    const sentAt = this.#o.now();
    const verdict = await this.claimFor(job.processed, job.targetPrintStatus);
    if (verdict.kind === 'ok') this.#held.set(job.id, { key: this.#keyOf(job.id), leaseFrom: sentAt });
    return verdict;
  }

  async started(jobId: string): Promise<void> {
    const record = this.#o.journal.requireJob(jobId);
    const held = this.#held.get(jobId) ?? { key: this.#keyOf(jobId), leaseFrom: this.#o.now() };
    this.#held.set(jobId, held);
    const labels = this.#o.journal.storedLabels(jobId);
    this.#places.set(jobId, labels.map((l) => l.batchIndex));
    const sentAt = this.#o.now();
    const recorded = await this.#ask(async () => {
      await this.#o.store.startJob({
        key: held.key,
        localJob: jobId,
        processed: record.processed,
        targetPrintStatus: record.targetPrintStatus,
        printer: record.printerName,
        template: this.#o.template(record.printerId) ?? 'unknown',
        batchLabels: labels.length,
        labels: labels.map((l) => ({ batchIndex: l.batchIndex, orderJson: JSON.stringify(l.order) })),
      });
      return { kind: 'ok' };
    });
    if (recorded.kind === 'ok') {
      held.started = true;
      held.leaseFrom = sentAt;
    }
  }

  async mayPrint(jobId: string, indexes: readonly number[]): Promise<PoolVerdict> {
    if (this.#local.has(jobId)) return { kind: 'ok' };
    let held = this.#held.get(jobId);
    if (!held) {
      // After a restart, or a job the station did not start in this run: the pool decides.
      const found = await this.#findHeld(jobId);
      if (found.kind !== 'ok') return found;
      held = this.#held.get(jobId);
      if (!held) return { kind: 'ok' };
    }
    if (held.lost) return { kind: 'lost', station: held.lost };
    if (!this.#leaseValid(held)) {
      const renewed = await this.#renew([jobId]);
      if (renewed.kind !== 'ok') return renewed;
      if (held.lost) return { kind: 'lost', station: held.lost };
    }
    // Cut off but inside its lease: the job in flight goes on; its states reach the pool later.
    if (!this.#contact.reachable) return { kind: 'ok' };
    // In flight from now: a taker prints these again, flagged, should this station die.
    const places = this.#placesOf(jobId);
    const updates = indexes.map((i) => ({ batchIndex: places[i] ?? i + 1, state: 'sent' as const, possibleDuplicate: false }));
    const pushed = await this.#ask(async () => ((await this.#o.store.pushLabels(held.key, updates)) ? { kind: 'ok' } : { kind: 'lost', station: await this.#holderOf(held.key) }));
    if (pushed.kind === 'lost') held.lost = pushed.station;
    // Unreachable: the lease still holds by this station's clock (checked above), so it goes on.
    return pushed.kind === 'lost' ? pushed : { kind: 'ok' };
  }

  /** A pool job and its stored labels (another station's, for a reprint here). */
  async storedJob(key: string): Promise<{ job: PoolJobRow; labels: PoolLabel[] } | undefined> {
    const job = await this.#o.store.job(key);
    return job && { job, labels: await this.#o.store.labels(key) };
  }

  /** The pool's jobs held by other stations, newest first. */
  othersJobs(limit: number): ReturnType<PoolStore['othersJobs']> {
    return this.#o.store.othersJobs(limit);
  }

  /** Every state the runner persists: queued to reach the pool on the next tick. */
  onJob(job: JobRecord): void {
    if (this.#held.has(job.id)) this.#dirty.add(job.id);
    if (isFinished(job.snapshot.state) && this.#dirty.has(job.id)) void this.#flush();
  }

  #keyOf(jobId: string): string {
    return `${this.station}:${jobId}`;
  }

  #leaseValid(held: Held): boolean {
    return this.#o.now() < held.leaseFrom + this.#o.store.leaseMs - this.#o.marginMs;
  }

  #placesOf(jobId: string): number[] {
    let places = this.#places.get(jobId);
    if (!places) {
      places = this.#o.journal.storedLabels(jobId).map((l) => l.batchIndex);
      this.#places.set(jobId, places);
    }
    return places;
  }

  async #holderOf(key: string): Promise<string> {
    return (await this.#o.store.job(key))?.station ?? 'unknown';
  }

  async #findHeld(jobId: string): Promise<PoolVerdict> {
    const record = this.#o.journal.requireJob(jobId);
    // A label file is this desk's own paper: never the pool's, so it prints whatever the database does.
    if (record.kind === 'label-file') {
      this.#local.add(jobId);
      return { kind: 'ok' };
    }
    return this.#ask(async () => {
      const own = batchJob(record.kind) ? await this.#o.store.job(this.#keyOf(jobId)) : await this.#o.store.heldAs(jobId);
      if (!own) {
        if (batchJob(record.kind)) {
          // Claimed but never recorded as a pool job (the database went away in between).
          this.#held.set(jobId, { key: this.#keyOf(jobId), leaseFrom: this.#o.now() });
          this.#dirty.add(jobId);
          await this.started(jobId);
        } else this.#local.add(jobId);
        return { kind: 'ok' };
      }
      if (own.station !== this.station) return { kind: 'lost', station: own.station };
      this.#held.set(jobId, { key: own.job_key, leaseFrom: 0, started: true });
      this.#dirty.add(jobId);
      return { kind: 'ok' };
    });
  }

  async #renew(jobIds: readonly string[]): Promise<PoolVerdict> {
    const sentAt = this.#o.now();
    const wanted = jobIds.flatMap((id) => {
      const held = this.#held.get(id);
      return held?.started && !held.lost ? [[id, held] as const] : [];
    });
    return this.#ask(async () => {
      const still = await this.#o.store.renew(wanted.map(([, h]) => h.key));
      for (const [id, held] of wanted) {
        if (still.has(held.key)) held.leaseFrom = sentAt;
        else {
          held.lost = await this.#holderOf(held.key);
          this.#o.log({ level: 'warn', kind: 'pool-lease-lost', message: `the lease on this job was taken over by ${held.lost}: its remaining labels print there`, text: operatorMessage('ev-pool-lease-lost', { station: held.lost }), jobId: id, processed: null });
        }
      }
      return { kind: 'ok' };
    });
  }

  #ask(exchange: () => Promise<PoolVerdict>): Promise<PoolVerdict> {
    return this.#contact.ask(exchange);
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    this.#timer = this.#o.timers.setTimeout(() => {
      this.#ticking = this.#tick().finally(() => {
        this.#ticking = undefined;
        this.#schedule(this.#o.tickMs);
      });
    }, ms);
  }

  async #tick(): Promise<void> {
    const alive = await this.#ask(async () => {
      await this.#o.store.heartbeat();
      return { kind: 'ok' };
    });
    if (alive.kind !== 'ok') return;
    const running = [...this.#held.keys()].filter((id) => !isFinished(this.#o.journal.requireJob(id).snapshot.state));
    await this.#renew(running);
    await this.#flush().catch(() => undefined);
    if (!this.#stopped) await this.#takeOver();
  }

  /** Pushes the label states of every job that changed; what fails stays queued. */
  async #flush(): Promise<void> {
    for (const jobId of [...this.#dirty]) {
      const held = this.#held.get(jobId);
      if (!held || held.lost) {
        this.#dirty.delete(jobId);
        continue;
      }
      const record = this.#o.journal.requireJob(jobId);
      // Claimed, but its pool job could not be recorded yet (the database was away when
      // print_order answered): record it first, or there is nothing to push to.
      if (!held.started && record.snapshot.ordersStored) await this.started(jobId);
      if (!held.started) continue;
      const places = this.#placesOf(jobId);
      const updates: LabelUpdate[] = record.snapshot.labels.map((l, i) => ({ batchIndex: places[i] ?? i + 1, state: l.state, possibleDuplicate: l.possibleDuplicate }));
      const finished = record.snapshot.state === 'done' ? 'done' : record.snapshot.state === 'cancelled' ? 'cancelled' : undefined;
      this.#dirty.delete(jobId);
      const pushed = await this.#ask(async () => ((await this.#o.store.pushLabels(held.key, updates, finished)) ? { kind: 'ok' } : { kind: 'lost', station: await this.#holderOf(held.key) }));
      if (pushed.kind === 'unreachable') {
        this.#dirty.add(jobId);
        return;
      }
      if (pushed.kind === 'lost') held.lost = pushed.station;
      if (finished) {
        this.#held.delete(jobId);
        this.#places.delete(jobId);
      }
    }
  }

  async #takeOver(): Promise<void> {
    // Only once this station has seen the database for a whole lease: after an outage every
    // holder gets that long to renew, so a job is taken from a dead station, not a cut-off one.
    if (!this.#contact.reachable || this.#contact.reachableFor() < this.#o.store.leaseMs) return;
    const placeholder = `taking:${this.#o.now()}`;
    let taken: TakenJob | undefined;
    try {
      taken = await this.#o.store.takeOver(this.#o.templates(), placeholder);
    } catch (error) {
      this.#contact.set(false, describe(error));
      return;
    }
    if (!taken) return;
    const local = adoptTakenJob(taken, { journal: this.#o.journal, printerFor: this.#o.printerFor, log: this.#o.log });
    if (!local) return;
    this.#held.set(local.id, { key: taken.job.job_key, leaseFrom: this.#o.now(), started: true });
    this.#places.set(local.id, local.places);
    this.#dirty.add(local.id);
    await this.#ask(async () => {
      await this.#o.store.adopt(taken.job.job_key, placeholder, local.id);
      return { kind: 'ok' };
    });
    this.#o.kick();
  }
}
