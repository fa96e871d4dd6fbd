import type Database from 'libsql';
import { finishedStatesSql } from './job-state-sql.ts';
import { pruneSupplied } from './journal-supplied.ts';

/**
 * How long the journal keeps what is finished. Orders hold names, phones and addresses, and a
 * kiosk prints for months: finished jobs, done or cancelled (with their stored orders), old events, dismissed
 * alerts, packing marks and batches the server stopped listing are dropped after this many days.
 * Unfinished jobs are never dropped, whatever their age.
 */
export const journalRetentionDays = 90;

export interface PruneResult {
  jobs: number;
  events: number;
}

/** Deletes what finished before `beforeIso` (an ISO instant), in one transaction. */
export function pruneJournal(db: Database.Database, beforeIso: string): PruneResult {
  return db.transaction(() => {
    // A job cancelled before print_order, of a batch the server still lists as never printed,
    // is kept: it is what stops auto-print from taking that batch after all.
    const oldDone = `SELECT id FROM jobs WHERE state IN ${finishedStatesSql} AND updated_at < ?
      AND NOT (state = 'cancelled' AND processed IN (SELECT processed FROM batches WHERE gone_at IS NULL AND print_status = 0))`;
    db.prepare(`DELETE FROM job_labels WHERE job_id IN (${oldDone})`).run(beforeIso);
    pruneSupplied(db, oldDone, beforeIso);
    const jobs = db.prepare(`DELETE FROM jobs WHERE id IN (${oldDone})`).run(beforeIso).changes;
    const events = db.prepare('DELETE FROM events WHERE at < ?').run(beforeIso).changes;
    db.prepare('DELETE FROM alerts WHERE dismissed = 1 AND at < ?').run(beforeIso);
    db.prepare('DELETE FROM batches WHERE gone_at IS NOT NULL AND gone_at < ?').run(beforeIso);
    db.prepare('DELETE FROM packed WHERE packed_at < ?').run(beforeIso);
    return { jobs, events };
  })();
}
