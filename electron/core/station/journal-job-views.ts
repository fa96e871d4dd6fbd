import type Database from 'libsql';
import { z } from 'zod';
import type { JobState, JobView } from '../../shared/station-api.ts';
import { jobIdentity, jobRow } from './journal-rows.ts';
import { readText } from './journal-text.ts';

const jobViewRow = jobRow.extend({
  label_count: z.number(),
  confirmed: z.number(),
  duplicates: z.number(),
  held_expected: z.number().nullable(),
  held_received: z.number().nullable(),
});

/** The journal's job lists for the UI, label counts summed by SQLite: never every label row. */
export class JobViewQueries {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** The newest job per batch, for the batch list. */
  latestPerBatch(): Map<string, JobView> {
    const views = this.#views('j.id IN (SELECT MAX(id) FROM jobs GROUP BY processed)', []);
    return new Map(views.map((v) => [v.processed, v]));
  }

  list(filter: { limit: number; offset: number; state?: JobState; q?: string }): JobView[] {
    const q = filter.q?.trim() ? `%${filter.q.trim()}%` : null;
    return this.#views(
      `(? IS NULL OR j.state = ?) AND (? IS NULL OR j.processed LIKE ? OR j.printer_name LIKE ? OR EXISTS (
         SELECT 1 FROM job_labels s WHERE s.job_id = j.id AND (s.invoice LIKE ? OR s.awb LIKE ? OR s.recipient LIKE ?)))`,
      [filter.state ?? null, filter.state ?? null, q, q, q, q, q, q],
      `ORDER BY j.id DESC LIMIT ${Math.trunc(filter.limit)} OFFSET ${Math.trunc(filter.offset)}`,
    );
  }

  /** Batches with a stored label whose invoice, AWB or recipient contains `text`. */
  batchesWithLabel(text: string): Set<string> {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.#db
      .prepare(
        `SELECT DISTINCT j.processed FROM job_labels l JOIN jobs j ON j.id = l.job_id
         WHERE l.invoice LIKE ?1 ESCAPE '\\' OR l.awb LIKE ?1 ESCAPE '\\' OR l.recipient LIKE ?1 ESCAPE '\\' LIMIT 500`,
      )
      .all(like);
    return new Set(rows.map((r) => z.object({ processed: z.string() }).parse(r).processed));
  }

  /** Job views with their label counts summed by SQLite: lists never load every label row. */
  #views(where: string, params: unknown[], tail = ''): JobView[] {
    return this.#db
      .prepare(
        `SELECT j.*, COUNT(l.idx) AS label_count, COALESCE(SUM(l.state = 'confirmed'), 0) AS confirmed,
           COALESCE(SUM(l.possible_duplicate), 0) AS duplicates, a.expected AS held_expected, a.received AS held_received
         FROM jobs j LEFT JOIN job_labels l ON l.job_id = j.id LEFT JOIN claim_answers a ON a.job_id = j.id AND j.state = 'failed' AND j.orders_stored = 0
         WHERE ${where} GROUP BY j.id ${tail}`,
      )
      .all(...params)
      .map((r) => {
        const row = jobViewRow.parse(r);
        return {
          ...jobIdentity(row),
          state: row.state,
          totalLabels: row.orders_stored === 1 ? row.label_count : row.expected_labels,
          confirmedLabels: row.confirmed,
          possibleDuplicates: row.duplicates,
          reason: row.reason,
          reasonText: row.reason === null ? null : readText({ code: row.reason_code, params: row.reason_params, detail: row.reason_detail }, row.reason),
          heldAnswer: row.held_expected === null || row.held_received === null ? null : { expected: row.held_expected, received: row.held_received },
          createdAt: row.created_at,
          updatedAt: row.updated_at,
        };
      });
  }
}
