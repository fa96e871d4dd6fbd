import type Database from 'libsql';
import { z } from 'zod';

const spooledRow = z.object({ idx: z.number(), spool_job: z.string() });

/** Labels handed to one spooler job and not confirmed yet. */
export interface SpooledLabels {
  /** The spooler's name for the job, as the printer port reported it (CUPS `QUEUE-42`). */
  spoolJob: string;
  /** 0-based positions in the station's job. */
  indexes: number[];
}

/**
 * Which spooler job holds which sent label. Written as soon as the spooler returns the job's id,
 * so a station restarted between submitting and confirming asks the spooler before printing again.
 */
export class JournalSpoolJobs {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  record(jobId: string, index: number, spoolJob: string): void {
    this.#db.prepare('UPDATE job_labels SET spool_job = ? WHERE job_id = ? AND idx = ?').run(spoolJob, Number(jobId), index);
  }

  /** The sent, unconfirmed labels of a job that a spooler job holds, grouped by that job, in job order. */
  unconfirmed(jobId: string): SpooledLabels[] {
    const groups = new Map<string, number[]>();
    const rows = this.#db
      .prepare(`SELECT idx, spool_job FROM job_labels WHERE job_id = ? AND state = 'sent' AND spool_job IS NOT NULL ORDER BY idx`)
      .all(Number(jobId));
    for (const row of rows.map((r) => spooledRow.parse(r))) groups.set(row.spool_job, [...(groups.get(row.spool_job) ?? []), row.idx]);
    return [...groups].map(([spoolJob, indexes]) => ({ spoolJob, indexes }));
  }
}
