import { operatorMessage } from '../../shared/operator-message.ts';
import type { NewAlert, NewEvent } from '../station/journal.ts';
import type { PoolVerdict } from './pool-verdict.ts';
import { redactPoolUrls } from './pool-url.ts';

export const describe = (error: unknown): string => redactPoolUrls(error instanceof Error ? error.message : String(error));

export interface PoolContactOptions {
  now: () => number;
  log: (event: NewEvent) => void;
  raise: (alert: NewAlert) => void;
  dismiss: () => void;
  onReachable?: (reachable: boolean) => void;
}

/**
 * Whether the pool's database answers: every exchange goes through `ask`, so the first failure
 * raises the alert (with the driver's reason, credentials cut out) and the first answer after
 * it clears the alert.
 */
export class PoolContact {
  readonly #o: PoolContactOptions;
  #reachable = true;
  /** Local time since which the database has answered without a break. */
  #since: number;

  constructor(options: PoolContactOptions) {
    this.#o = options;
    this.#since = options.now();
  }

  get reachable(): boolean {
    return this.#reachable;
  }

  reachableFor(): number {
    return this.#reachable ? this.#o.now() - this.#since : 0;
  }

  async ask(exchange: () => Promise<PoolVerdict>): Promise<PoolVerdict> {
    try {
      const verdict = await exchange();
      this.set(true);
      return verdict;
    } catch (error) {
      const message = describe(error);
      this.set(false, message);
      return { kind: 'unreachable', message };
    }
  }

  set(reachable: boolean, message = ''): void {
    if (reachable === this.#reachable) return;
    this.#reachable = reachable;
    this.#since = this.#o.now();
    if (reachable) {
      this.#o.dismiss();
      this.#o.log({ level: 'info', kind: 'pool-back', message: 'the pool database answers again: claiming new batches again', text: operatorMessage('ev-pool-back', {}), jobId: null, processed: null });
    } else {
      const text = `the pool database cannot be reached (${message}): no new batch is claimed or started here until it answers; the job in flight finishes while its lease holds`;
      const said = operatorMessage('pool-unreachable', {}, message);
      this.#o.log({ level: 'error', kind: 'pool-unreachable', message: text, text: said, jobId: null, processed: null });
      this.#o.raise({ kind: 'pool-unreachable', message: text, text: said, jobId: null, printerId: null });
    }
    this.#o.onReachable?.(reachable);
  }
}
