/**
 * The pool's tables, one definition for both engines. Times are epoch milliseconds taken from
 * the database's clock, so stations with drifting clocks agree on who holds a lease.
 */
export interface PoolSchema {
  stations: { name: string; heartbeat_at: number };
  /** One row per batch print (batch + target print_status): whoever inserted it prints it. */
  claims: { processed: string; target_print_status: number; station: string; claimed_at: number };
  pool_jobs: {
    /** `<station>:<local job id>` of the station that started it; it never changes. */
    job_key: string;
    processed: string;
    target_print_status: number | null;
    /** Who holds the job now (the lease's holder). */
    station: string;
    /** The holder's own job id for it (a takeover makes a new local job). */
    local_job: string | null;
    printer: string;
    template: string;
    /** `running` while a station holds it; `done` or `cancelled` when it is over. */
    state: string;
    lease_until: number;
    batch_labels: number;
    created_at: number;
    updated_at: number;
  };
  pool_labels: {
    job_key: string;
    /** 1-based place in the batch: the same label whichever station prints it. */
    batch_index: number;
    order_json: string;
    /** pending, sent (handed to a printer, not confirmed) or confirmed. */
    state: string;
    possible_duplicate: number;
    printed_by: string | null;
  };
}
