import type { Batch } from '../../shared/domain.ts';
import { ApiAuthError } from '../api/api-errors.ts';
import { backoffDelay, defaultPollBackoff, type BackoffPolicy } from './backoff.ts';
import type { Timers } from './station-options.ts';

export interface BatchPollerOptions {
  /** The signal aborts when the poller stops: a hanging request must not hold up a shutdown. */
  fetchBatches: (signal: AbortSignal) => Promise<Batch[]>;
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
  #inFlight: AbortController | undefined;

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

  /** Stops polling, aborting a poll in progress; resolves when it has let go. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#clear();
    this.#inFlight?.abort();
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
    const inFlight = new AbortController();
    this.#inFlight = inFlight;
    try {
      const batches = await this.#options.fetchBatches(inFlight.signal);
      this.#failures = 0;
      await this.#options.onBatches(batches);
    } catch (error) {
      if (inFlight.signal.aborted) return;
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
      this.#inFlight = undefined;
    }
    if (this.#again && this.#failures === 0) next = 0;
    this.#again = false;
    this.#schedule(next);
  }
}
