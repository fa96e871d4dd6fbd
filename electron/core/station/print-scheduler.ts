import { backoffDelay, defaultJobBackoff, defaultPrinterBackoff, type BackoffPolicy } from './backoff.ts';
import type { JobRecord, Journal, PendingJob } from './journal.ts';
import type { RunOutcome } from './job-runner.ts';
import type { Timers } from './station-options.ts';

export interface PrintSchedulerOptions {
  journal: Journal;
  run: (jobId: string, signal: AbortSignal) => Promise<RunOutcome>;
  timers: Timers;
  now: () => number;
  random: () => number;
  /** Retry spacing of failed jobs. */
  backoff?: BackoffPolicy;
  /** Retry spacing of jobs waiting for their printer. */
  printerBackoff?: BackoffPolicy;
  /** A job finished: the alerts about it can go. */
  onDone: (job: PendingJob) => void;
  /** A job failed or waits for its printer: it will be retried at `retryAt`. */
  onRetryScheduled: (job: JobRecord, outcome: 'failed' | 'waiting', retryAt: number) => void;
  /** A job failed in a way retrying cannot fix: it waits for the operator's retry or cancel. */
  onHeld: (job: JobRecord) => void;
  /** A run threw (even failing the job could not be written): that job steps aside, the queue goes on. */
  onError: (error: unknown, jobId?: string) => void;
}

/**
 * One queue per printer, kept in the journal: a printer runs its jobs one at a time, oldest
 * first. A job waiting for its printer holds that printer's queue (the next job would wait too,
 * and must not overtake); a failed job steps aside until its retry time, a held one until the
 * operator retries it.
 */
export class PrintScheduler {
  readonly #options: PrintSchedulerOptions;
  readonly #workers = new Map<string, Promise<void>>();
  /** The job each worker is running now. */
  readonly #running = new Set<string>();
  /** Jobs whose run threw, kept out of their queue until this time (the journal could not say so). */
  readonly #aside = new Map<string, { until: number; throws: number }>();
  #abort = new AbortController();
  #paused = false;
  #timer: unknown = undefined;

  constructor(options: PrintSchedulerOptions) {
    this.#options = options;
  }

  /** Looks for runnable jobs and starts a worker for each printer that has some. */
  kick(): void {
    if (this.#paused || this.#abort.signal.aborted) return;
    const printers = new Set(this.#runnable().map((j) => j.printerId));
    for (const printerId of printers) {
      if (this.#workers.has(printerId)) continue;
      const worker = this.#work(printerId)
        .catch((error: unknown) => this.#options.onError(error))
        .finally(() => this.#workers.delete(printerId));
      this.#workers.set(printerId, worker);
    }
  }

  /** Holds every queue (the token was rejected) until `resume()`. */
  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
    this.kick();
  }

  /** Whether a worker is running this job now: the operator must not pull it away mid-print. */
  isRunning(jobId: string): boolean {
    return this.#running.has(jobId);
  }

  /** Makes a failed, held or waiting job runnable now (the operator asked). */
  retryNow(jobId: string): void {
    this.#aside.delete(jobId);
    const job = this.#options.journal.getJob(jobId);
    if (job) this.#options.journal.scheduleRetry(jobId, job.attempts, null);
    this.kick();
  }

  /** Lets each printer finish the label in flight, then stops. */
  async stop(): Promise<void> {
    this.#abort.abort();
    if (this.#timer !== undefined) this.#options.timers.clearTimeout(this.#timer);
    await Promise.all(this.#workers.values());
  }

  #runnable(): PendingJob[] {
    return this.#options.journal.pendingJobs().filter((j) => !j.held);
  }

  /** When a job is next due: its retry time, or later while it stands aside after a throw. */
  #dueAt(job: PendingJob): number | null {
    const aside = this.#aside.get(job.id);
    if (aside === undefined) return job.retryAt;
    return Math.max(aside.until, job.retryAt ?? 0);
  }

  #next(printerId: string): PendingJob | undefined {
    const jobs = this.#runnable().filter((j) => j.printerId === printerId);
    const now = this.#options.now();
    for (const job of jobs) {
      const dueAt = this.#dueAt(job);
      const due = dueAt === null || dueAt <= now;
      if (due) return job;
      if (job.state === 'waiting') return undefined;
    }
    return undefined;
  }

  async #work(printerId: string): Promise<void> {
    for (;;) {
      if (this.#paused || this.#abort.signal.aborted) return;
      const job = this.#next(printerId);
      if (!job) break;
      this.#running.add(job.id);
      let outcome: RunOutcome;
      try {
        outcome = await this.#options.run(job.id, this.#abort.signal);
      } catch (error) {
        const throws = (this.#aside.get(job.id)?.throws ?? 0) + 1;
        const until = this.#options.now() + backoffDelay(job.attempts + throws, this.#options.backoff ?? defaultJobBackoff, this.#options.random);
        this.#aside.set(job.id, { until, throws });
        this.#options.onError(error, job.id);
        continue;
      } finally {
        this.#running.delete(job.id);
      }
      this.#aside.delete(job.id);
      if (outcome === 'done') {
        if (job.attempts > 0) this.#options.journal.scheduleRetry(job.id, 0, null);
        this.#options.onDone(job);
      } else if (outcome === 'held') {
        this.#options.journal.holdJob(job.id, job.attempts + 1);
        this.#options.onHeld(this.#options.journal.requireJob(job.id));
      } else if (outcome === 'failed' || outcome === 'waiting') {
        const attempts = job.attempts + 1;
        const policy = outcome === 'waiting' ? (this.#options.printerBackoff ?? defaultPrinterBackoff) : (this.#options.backoff ?? defaultJobBackoff);
        const retryAt = this.#options.now() + backoffDelay(attempts, policy, this.#options.random);
        this.#options.journal.scheduleRetry(job.id, attempts, retryAt);
        this.#options.onRetryScheduled(this.#options.journal.requireJob(job.id), outcome, retryAt);
      } else {
        return;
      }
    }
    this.#wakeForRetries();
  }

  /** Sets one timer for the earliest retry among the jobs no worker is running. */
  #wakeForRetries(): void {
    if (this.#abort.signal.aborted) return;
    const retries = this.#runnable().flatMap((j) => {
      const dueAt = this.#dueAt(j);
      return dueAt === null ? [] : [dueAt];
    });
    if (this.#timer !== undefined) this.#options.timers.clearTimeout(this.#timer);
    this.#timer = undefined;
    if (retries.length === 0) return;
    const wait = Math.max(0, Math.min(...retries) - this.#options.now());
    this.#timer = this.#options.timers.setTimeout(() => {
      this.#timer = undefined;
      this.kick();
    }, wait);
  }
}
