/** How retries space out: doubling from `baseMs` up to `capMs`, with jitter so stations never retry in step. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** Fraction of the delay that is random: 0.5 gives a delay in [d/2, d]. */
  jitter: number;
}

export const defaultPollBackoff: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000, jitter: 0.5 };
export const defaultJobBackoff: BackoffPolicy = { baseMs: 3_000, capMs: 5 * 60_000, jitter: 0.5 };
/** A printer that is switched back on should be noticed within half a minute. */
export const defaultPrinterBackoff: BackoffPolicy = { baseMs: 2_000, capMs: 30_000, jitter: 0.5 };

/**
 * The delay before retry number `attempt` (1 = first retry). `random` returns [0, 1), as
 * `Math.random` does; injected so tests pin the jitter.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const full = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const jitter = Math.min(Math.max(policy.jitter, 0), 1);
  return Math.round(full * (1 - jitter * random()));
}
