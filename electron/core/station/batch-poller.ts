import type { Batch } from '../../shared/domain.ts';
import { ApiAuthError } from '../api/api-errors.ts';
import { backoffDelay, defaultPollBackoff, type BackoffPolicy } from './backoff.ts';
import type { Timers } from './station-options.ts';

export interface BatchPollerOptions {
  fetchBatches: () => Promise<Batch[]>;
  /** Read at every tick, so a new poll interval applies at once. */
  intervalMs: () => number;
  timers: Timers;
  random: () => number;
  backoff?: BackoffPolicy;
  onBatches: (batches: Batch[]) => void | Promise<void>;
  onFailure: (error: unknown, failures: number, retryInMs: number) => void;
  /** The token was rejected: the poller has paused itself until `resume()`. */
  onAuthRejected: (error: ApiAuthError) => void;
}

/**
 * Polls `processed_list` as a `setTimeout` chain: the next poll is scheduled only when the
 * previous one has finished, so polls never overlap however slow the server is.
 */
export class BatchPoller {
  readonly #options: BatchPollerOptions;
  #timer: unknown = undefined;
  #running = false;
  #stopped = true;
  #paused = false;
  #failures = 0;
  #again = false;
  #current: Promise<void> = Promise.resolve();

  constructor(options: BatchPollerOptions) {
    this.#options = options;
  }

  get paused(): boolean {
    return this.#paused;
  }

  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Stops polling; resolves when a poll in progress has finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#clear();
    await this.#current;
  }

  /** Polls now (after the one in progress, if any). */
  pollNow(): void {
    if (this.#stopped || this.#paused) return;
    if (this.#running) this.#again = true;
    else this.#schedule(0);
  }

  /** Stops polling until `resume()`: another call found the token rejected. */
  pause(): void {
    this.#paused = true;
    this.#clear();
  }

  /** Lifts an auth pause (the token changed) and polls at once. */
  resume(): void {
    this.#paused = false;
    this.#failures = 0;
    this.pollNow();
  }

  #clear(): void {
    if (this.#timer !== undefined) this.#options.timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(ms: number): void {
    this.#clear();
    if (this.#stopped || this.#paused) return;
    this.#timer = this.#options.timers.setTimeout(() => {
      this.#timer = undefined;
      this.#current = this.#tick();
    }, ms);
  }

  async #tick(): Promise<void> {
    this.#running = true;
    let next = this.#options.intervalMs();
    try {
      const batches = await this.#options.fetchBatches();
      this.#failures = 0;
      await this.#options.onBatches(batches);
    } catch (error) {
      if (error instanceof ApiAuthError) {
        this.#paused = true;
        this.#options.onAuthRejected(error);
      } else {
        this.#failures += 1;
        next = backoffDelay(this.#failures, this.#options.backoff ?? defaultPollBackoff, this.#options.random);
        this.#options.onFailure(error, this.#failures, next);
      }
    } finally {
      this.#running = false;
    }
    if (this.#again && this.#failures === 0) next = 0;
    this.#again = false;
    this.#schedule(next);
  }
}
