/** What the pool says about a job step: go on, someone else has it, or it cannot be asked. */
export type PoolVerdict = { kind: 'ok' } | { kind: 'lost'; station: string } | { kind: 'unreachable'; message: string };

/**
 * What the job runner asks the pool, when the station is in one. A batch print is claimed
 * here before `print_order`; each chunk of labels is checked against the lease before it goes.
 */
export interface PoolGate {
  /** Claims the batch print of this job (idempotent for its holder). */
  claim(job: { id: string; processed: string; targetPrintStatus: number }): Promise<PoolVerdict>;
  /** The orders are stored: the pool gets them, so another station can finish the job. */
  started(jobId: string): Promise<void>;
  /** Before labels leave: the lease must hold by this station's own clock; marks them sent. */
  mayPrint(jobId: string, indexes: readonly number[]): Promise<PoolVerdict>;
}
